package io.github.gb28181.camel.sip.transport;

import javax.sip.SipProvider;
import javax.sip.message.Request;

/**
 * Takes a request that jain-sip would mistake for a retransmission: its transaction key is that of a transaction in
 * progress, but by RFC 3261 17.2.3 it is another request. It has no server transaction; answer it through the
 * provider, statelessly.
 */
public interface CollidingRequestHandler {

    void handleColliding(Request request, SipProvider provider);

    /**
     * Whether a request will be answered without a transaction: then a later request can be mistaken for it only
     * while it is handled, and its key is remembered that long, not a transaction's lifetime (most requests of a busy
     * platform are such).
     */
    default boolean answersStatelessly(Request request) {
        return false;
    }
}
