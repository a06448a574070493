package io.github.gb28181.camel.cascade;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import io.github.gb28181.camel.upstream.UpstreamInvite;

/**
 * The media half of the cascade: an upper platform's INVITE served by getting the channel's media from its device
 * and sending it on to where the upper platform's offer asks.
 */
public interface CascadeMedia {

    /** Sets up both legs; completes with the SDP of our answer to the upper platform. */
    CompletableFuture<String> invite(UpstreamInvite invite);

    /** Passes a MANSRTSP INFO to the device's leg; completes with the device's SIP status. */
    CompletableFuture<Integer> info(String sessionId, String contentType, byte[] body);

    /** The upper platform's leg ended: stop sending, and end the device's leg unless another upper leg uses it. */
    void bye(String sessionId);

    /**
     * Where to report that an upper leg ended because its device leg did: with true when the recording reached its end
     * (MediaStatus 121), false when the device ended it or went away.
     */
    void onEnded(BiConsumer<String, Boolean> ended);
}
