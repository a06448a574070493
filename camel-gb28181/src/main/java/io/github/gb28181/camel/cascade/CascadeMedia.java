package io.github.gb28181.camel.cascade;

import java.util.concurrent.CompletableFuture;

import io.github.gb28181.camel.upstream.UpstreamInvite;

/**
 * The media half of the cascade: an upper platform's INVITE served by getting the channel's media from its device
 * and sending it on to where the upper platform's offer asks.
 */
public interface CascadeMedia {

    /** Hears that an upper platform's session ended because the device's did. */
    @FunctionalInterface
    interface Ended {
        /** @param endOfFile the recording reached its end (MediaStatus 121), rather than the device ending it */
        void ended(String sessionId, boolean endOfFile);
    }

    /**
     * Sets up both legs; completes with the SDP of our answer to the upper platform.
     *
     * @param originId our id towards the upper platform, for the answer's o= line
     */
    CompletableFuture<String> invite(UpstreamInvite invite, String originId, Ended ended);

    /** Passes a MANSRTSP INFO to the device's leg; completes with the device's SIP status. */
    CompletableFuture<Integer> info(String sessionId, String contentType, byte[] body);

    /** The upper platform's leg ended: stop sending, and end the device's leg unless another upper leg uses it. */
    void bye(String sessionId);
}
