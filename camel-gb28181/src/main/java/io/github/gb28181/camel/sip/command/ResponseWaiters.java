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

    private final Map<String, CompletableFuture<QueryResult>> waiting = new ConcurrentHashMap<>();

    /** Register before sending: the answer can overtake the 200 OK to the request. */
    public CompletableFuture<QueryResult> expect(String deviceId, String cmdType, int sn) {
        String key = key(deviceId, cmdType, sn);
        CompletableFuture<QueryResult> future = new CompletableFuture<>();
        waiting.put(key, future);
        future.whenComplete((r, e) -> waiting.remove(key, future));
        return future;
    }

    /** @return true when someone was waiting for this answer */
    public boolean complete(String deviceId, ManscdpMessage response, boolean partial) {
        if (response.getSn() == null || response.getCmdType() == null) {
            return false;
        }
        CompletableFuture<QueryResult> future = waiting.get(key(deviceId, response.getCmdType(), response.getSn()));
        return future != null && future.complete(new QueryResult(response, partial));
    }

    public int size() {
        return waiting.size();
    }

    private static String key(String deviceId, String cmdType, int sn) {
        return deviceId + '|' + cmdType.toLowerCase(Locale.ROOT) + '|' + sn;
    }
}
