package io.github.gb28181.camel.sip;

/**
 * Handles one SIP method. Must answer the request (or leave a final answer to someone who will).
 */
@FunctionalInterface
public interface SipRequestHandler {

    void handle(IncomingRequest request) throws Exception;
}
