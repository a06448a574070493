package io.github.gb28181.camel.sip.command;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.gb28181.camel.manscdp.ManscdpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests waiting for a device's MANSCDP Response, keyed by the device the request went to, the CmdType and the
 * SN. The device is the one we sent to rather than the DeviceID in the answer, because an NVR answers a channel
 * query with the channel's id, and two devices may list the same channel.
 * <p>
 * Some devices answer with an SN counter of their own instead of the query's. An answer whose SN nobody waits for
 * still completes a query when it is the only one of its CmdType pending for that device: there is no other it
 * could answer. With two or more pending, nothing is guessed and they time out as before.
 */
public final class ResponseWaiters {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseWaiters.class);

    /** device|cmdtype -> SN -> waiter */
    private final Map<String, Map<Integer, CompletableFuture<QueryResult>>> waiting = new ConcurrentHashMap<>();
    private final Set<String> loggedOwnSn = ConcurrentHashMap.newKeySet();
    private final LongAdder matchedByCmdType = new LongAdder();

    /** Register before sending: the answer can overtake the 200 OK to the request. */
    public CompletableFuture<QueryResult> expect(String deviceId, String cmdType, int sn) {
        String key = key(deviceId, cmdType);
        CompletableFuture<QueryResult> future = new CompletableFuture<>();
        // compute, not computeIfAbsent + put: atomic against the removal of an emptied map below
        waiting.compute(key, (k, bySn) -> {
            Map<Integer, CompletableFuture<QueryResult>> map = bySn != null ? bySn : new ConcurrentHashMap<>();
            map.put(sn, future);
            return map;
        });
        future.whenComplete((r, e) -> waiting.computeIfPresent(key, (k, bySn) -> {
            bySn.remove(sn, future);
            return bySn.isEmpty() ? null : bySn;
        }));
        return future;
    }

    /** @return true when someone was waiting for this answer */
    public boolean complete(String deviceId, ManscdpMessage response, boolean partial) {
        if (response.getSn() == null || response.getCmdType() == null) {
            return false;
        }
        Map<Integer, CompletableFuture<QueryResult>> bySn = waiting.get(key(deviceId, response.getCmdType()));
        if (bySn == null) {
            return false;
        }
        CompletableFuture<QueryResult> future = bySn.get(response.getSn());
        if (future == null) {
            future = onlyOne(bySn);
            if (future == null) {
                return false;
            }
            matchedByCmdType.increment(); // before completing: whoever waits may look at once
            if (!future.complete(new QueryResult(response, partial))) {
                matchedByCmdType.decrement();
                return false;
            }
            if (loggedOwnSn.add(deviceId)) {
                LOG.info("Device {} answered {} with SN {}, not the query's: matched as its only {} query pending"
                         + " (such answers are counted, and logged once per device)", deviceId, response.getCmdType(),
                        response.getSn(), response.getCmdType());
            }
            return true;
        }
        return future.complete(new QueryResult(response, partial));
    }

    /** Answers that completed a query by CmdType alone, their SN being the device's own. */
    public long matchedByCmdType() {
        return matchedByCmdType.sum();
    }

    public int size() {
        return waiting.values().stream().mapToInt(Map::size).sum();
    }

    private static CompletableFuture<QueryResult> onlyOne(Map<Integer, CompletableFuture<QueryResult>> bySn) {
        CompletableFuture<QueryResult> only = null;
        for (CompletableFuture<QueryResult> future : bySn.values()) {
            if (only != null) {
                return null;
            }
            only = future;
        }
        return only;
    }

    private static String key(String deviceId, String cmdType) {
        return deviceId + '|' + cmdType.toLowerCase(Locale.ROOT);
    }
}
