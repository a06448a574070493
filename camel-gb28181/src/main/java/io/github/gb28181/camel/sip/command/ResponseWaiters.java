package io.github.gb28181.camel.sip.command;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.github.gb28181.camel.manscdp.ManscdpMessage;

/**
 * Requests waiting for a device's MANSCDP Response, keyed by the device the request went to, the CmdType and the
 * SN. The device is the one we sent to rather than the DeviceID in the answer, because an NVR answers a channel
 * query with the channel's id, and two devices may list the same channel.
 */
public final class ResponseWaiters {

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

    private final Map<String, Waiter> waiting = new ConcurrentHashMap<>();

    /** Register before sending: the answer can overtake the 200 OK to the request. */
    public CompletableFuture<QueryResult> expect(String deviceId, String cmdType, int sn) {
        return expect(deviceId, cmdType, sn, null);
    }

    /** As {@link #expect(String, String, int)}, completing once the gatherer has the whole answer. */
    CompletableFuture<QueryResult> expect(String deviceId, String cmdType, int sn, Gatherer gatherer) {
        String key = key(deviceId, cmdType, sn);
        Waiter waiter = new Waiter(new CompletableFuture<>(), gatherer);
        waiting.put(key, waiter);
        waiter.future.whenComplete((r, e) -> waiting.remove(key, waiter));
        return waiter.future;
    }

    /** @return true when someone was waiting for this answer */
    public boolean complete(String deviceId, ManscdpMessage response, boolean partial) {
        if (response.getSn() == null || response.getCmdType() == null) {
            return false;
        }
        Waiter waiter = waiting.get(key(deviceId, response.getCmdType(), response.getSn()));
        if (waiter == null) {
            return false;
        }
        if (waiter.gatherer == null) {
            return waiter.future.complete(new QueryResult(response, partial));
        }
        ManscdpMessage whole = waiter.gatherer.add(response);
        if (whole != null) {
            waiter.future.complete(new QueryResult(whole, partial));
        }
        return true;
    }

    public int size() {
        return waiting.size();
    }

    private static String key(String deviceId, String cmdType, int sn) {
        return deviceId + '|' + cmdType.toLowerCase(Locale.ROOT) + '|' + sn;
    }
}
