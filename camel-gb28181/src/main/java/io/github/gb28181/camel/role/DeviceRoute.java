package io.github.gb28181.camel.role;

import java.util.concurrent.CompletableFuture;

import io.github.gb28181.camel.manscdp.ManscdpMessage;

/**
 * What a device played by a route hands its route: queries (which the route may answer in the profile's stead),
 * controls, and the life of the media sessions the platform asks for. Implemented by the Camel consumer.
 */
public interface DeviceRoute {

    /**
     * A query from the platform.
     *
     * @param  configured the answer the profile gives (DeviceInfo, DeviceStatus), or null when it has none
     * @return            completes with the answer to send: the route's, else {@code configured}; null for none
     */
    CompletableFuture<ManscdpMessage> query(ManscdpMessage query, ManscdpMessage configured);

    /** A control (PTZ and the rest): completes with the Response to send, or null for none. */
    CompletableFuture<ManscdpMessage> control(ManscdpMessage control);

    /** The platform's INVITE was answered and its sender is open: the route may stream into the session. */
    void sessionStarted(DeviceSession session);

    /** A MANSRTSP INFO in a session (pause, play, scale, seek): completes with the SIP status to answer. */
    CompletableFuture<Integer> info(DeviceSession session, String body);

    /** The session ended: the platform sent BYE or cancelled, or we stop. */
    void sessionEnded(DeviceSession session);
}
