package io.github.gb28181.camel.sip.command;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests waiting for a device's MANSCDP Response, keyed by the device the request went to, the CmdType and the
 * SN. The device is the one we sent to rather than the DeviceID in the answer, because an NVR answers a channel
 * query with the channel's id, and two devices may list the same channel.
 * <p>
 * In a cluster the answer to a query may reach another node (the device's owner, or the node the proxy moved the
 * device to): queries are also announced to the {@link RemoteWaiters}, which hand the answer back here.
 */
public final class ResponseWaiters {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseWaiters.class);

    private volatile RemoteWaiters remote = RemoteWaiters.NONE;
    private volatile ManscdpCodec codec;

    private final Map<String, CompletableFuture<QueryResult>> waiting = new ConcurrentHashMap<>();

    /** Register before sending: the answer can overtake the 200 OK to the request. */
    public CompletableFuture<QueryResult> expect(String deviceId, String cmdType, int sn) {
        String key = key(deviceId, cmdType, sn);
        CompletableFuture<QueryResult> future = new CompletableFuture<>();
        waiting.put(key, future);
        future.whenComplete((r, e) -> waiting.remove(key, future));
        return future;
    }

    /** The other nodes' waiters, and the codec their answers travel in. */
    public void setRemote(RemoteWaiters remote, ManscdpCodec codec) {
        this.codec = codec;
        this.remote = remote;
        remote.onHandedOver(this::handedOver);
    }

    /**
     * Registers a waiter, as {@link #expect(String, String, int)}, and in a cluster announces it to the other nodes
     * too: the answer reaches the device's owner, or, when the proxy in front moved the device (its owner died or was
     * slow to answer), whichever node it picked, and that node hands it over.
     */
    public CompletableFuture<QueryResult> expect(String deviceId, String cmdType, int sn, Duration timeout) {
        CompletableFuture<QueryResult> future = expect(deviceId, cmdType, sn);
        RemoteWaiters others = remote;
        if (others != RemoteWaiters.NONE) {
            String key = key(deviceId, cmdType, sn);
            others.expect(key, timeout);
            future.whenComplete((r, e) -> others.forget(key));
        }
        return future;
    }

    /** @return true when someone was waiting for this answer, here or on another node */
    public boolean complete(String deviceId, ManscdpMessage response, boolean partial) {
        if (response.getSn() == null || response.getCmdType() == null) {
            return false;
        }
        String key = key(deviceId, response.getCmdType(), response.getSn());
        CompletableFuture<QueryResult> future = waiting.get(key);
        if (future != null) {
            return future.complete(new QueryResult(response, partial));
        }
        RemoteWaiters others = remote;
        return others != RemoteWaiters.NONE
               && others.handOver(key, codec.encode(response, StandardCharsets.UTF_8), partial);
    }

    private void handedOver(String key, byte[] document, boolean partial) {
        CompletableFuture<QueryResult> future = waiting.get(key);
        if (future == null) {
            return; // timed out meanwhile
        }
        try {
            future.complete(new QueryResult(codec.decode(document), partial));
        } catch (RuntimeException e) {
            LOG.warn("An answer handed over by another node for {} cannot be read: {}", key, e.getMessage());
            future.completeExceptionally(e);
        }
    }

    public int size() {
        return waiting.size();
    }

    private static String key(String deviceId, String cmdType, int sn) {
        return deviceId + '|' + cmdType.toLowerCase(Locale.ROOT) + '|' + sn;
    }
}
