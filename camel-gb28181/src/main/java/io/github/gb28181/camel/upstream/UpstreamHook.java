package io.github.gb28181.camel.upstream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.gb28181.camel.manscdp.ManscdpMessage;

/**
 * Lets routes see, refuse and change what passes between an upper platform and us, without being needed for it to
 * work: with no hook, requests are acted on and answers sent as they are.
 */
public interface UpstreamHook {

    /** The hook that lets everything through unchanged, at once. */
    UpstreamHook NONE = new UpstreamHook() {
        @Override
        public CompletionStage<Integer> request(UpstreamTraffic traffic) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<ManscdpMessage> outgoing(UpstreamTraffic traffic, ManscdpMessage document) {
            return CompletableFuture.completedFuture(document);
        }
    };

    /**
     * A request from the upper platform, before we act on it.
     *
     * @return completes with null to go on, or with the SIP status (4xx to 6xx) to refuse it with
     */
    CompletionStage<Integer> request(UpstreamTraffic traffic);

    /**
     * A document we are about to send the upper platform (an answer, as a whole before it is cut into parts; a
     * notification).
     *
     * @return completes with what to send: the document, changed or not, another one, or null to send nothing
     */
    CompletionStage<ManscdpMessage> outgoing(UpstreamTraffic traffic, ManscdpMessage document);
}
