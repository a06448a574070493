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

    /**
     * Gathers an answer that comes as several responses with one SN and no SumNum to count them by (ConfigDownload of
     * several sets).
     */
    interface Gatherer {
        /** Takes one response; returns the whole answer once it is complete, else null. */
        ManscdpMessage add(ManscdpMessage response);

        /** What arrived so far, or null: given, marked partial, when the wait runs out. */
        ManscdpMessage soFar();
    }

    private record Waiter(CompletableFuture<QueryResult> future, Gatherer gatherer) {
    }

    /** device|cmdtype -> SN -> waiter */
    private final Map<String, Map<Integer, Waiter>> waiting = new ConcurrentHashMap<>();
    private final Set<String> loggedOwnSn = ConcurrentHashMap.newKeySet();
    private final LongAdder matchedByCmdType = new LongAdder();

    /** Register before sending: the answer can overtake the 200 OK to the request. */
    public CompletableFuture<QueryResult> expect(String deviceId, String cmdType, int sn) {
        return expect(deviceId, cmdType, sn, null);
    }

    /** As {@link #expect(String, String, int)}, completing once the gatherer has the whole answer. */
    CompletableFuture<QueryResult> expect(String deviceId, String cmdType, int sn, Gatherer gatherer) {
        String key = key(deviceId, cmdType);
        Waiter waiter = new Waiter(new CompletableFuture<>(), gatherer);
        // compute, not computeIfAbsent + put: atomic against the removal of an emptied map below
        waiting.compute(key, (k, bySn) -> {
            Map<Integer, Waiter> map = bySn != null ? bySn : new ConcurrentHashMap<>();
            map.put(sn, waiter);
            return map;
        });
        waiter.future.whenComplete((r, e) -> waiting.computeIfPresent(key, (k, bySn) -> {
            bySn.remove(sn, waiter);
            return bySn.isEmpty() ? null : bySn;
        }));
        return waiter.future;
    }

    /** @return true when someone was waiting for this answer */
    public boolean complete(String deviceId, ManscdpMessage response, boolean partial) {
        if (response.getSn() == null || response.getCmdType() == null) {
            return false;
        }
        Map<Integer, Waiter> bySn = waiting.get(key(deviceId, response.getCmdType()));
        if (bySn == null) {
            return false;
        }
        Waiter waiter = bySn.get(response.getSn());
        if (waiter != null) {
            return take(waiter, response, partial);
        }
        waiter = onlyOne(bySn);
        if (waiter == null) {
            return false;
        }
        matchedByCmdType.increment(); // before completing: whoever waits may look at once
        if (!take(waiter, response, partial)) {
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

    /** Answers (or parts of a gathered answer) that were matched to a query by CmdType alone, their SN the device's. */
    public long matchedByCmdType() {
        return matchedByCmdType.sum();
    }

    public int size() {
        return waiting.values().stream().mapToInt(Map::size).sum();
    }

    private static boolean take(Waiter waiter, ManscdpMessage response, boolean partial) {
        if (waiter.gatherer == null) {
            return waiter.future.complete(new QueryResult(response, partial));
        }
        if (waiter.future.isDone()) {
            return false;
        }
        ManscdpMessage whole = waiter.gatherer.add(response);
        if (whole != null) {
            waiter.future.complete(new QueryResult(whole, partial));
        }
        return true;
    }

    private static Waiter onlyOne(Map<Integer, Waiter> bySn) {
        Waiter only = null;
        for (Waiter waiter : bySn.values()) {
            if (only != null) {
                return null;
            }
            only = waiter;
        }
        return only;
    }

    private static String key(String deviceId, String cmdType) {
        return deviceId + '|' + cmdType.toLowerCase(Locale.ROOT);
    }
}
