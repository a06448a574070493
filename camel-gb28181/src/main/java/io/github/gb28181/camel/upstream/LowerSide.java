package io.github.gb28181.camel.upstream;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.model.CatalogItem;

/**
 * What an upper platform sees of us, and what acts on its requests: our platform's shared channels (cascade), or
 * the channels of a device a route plays (the device role). The link to the upper platform does the SIP (answers,
 * multi-part pacing, dialogs, subscriptions); this side only says what to answer and does what is asked.
 * Implementations must not block: what takes time completes a future.
 */
public interface LowerSide {

    /**
     * Whether the upper platform may address {@code targetId}: our own id, a shared device or a shared channel.
     * Requests for anything else are refused with 404.
     */
    boolean serves(String targetId);

    /**
     * The catalog the upper platform is shown for {@code targetId}: for our own id one item per shared channel, with
     * its status; for a shared device, its shared channels.
     */
    List<CatalogItem> catalog(String targetId);

    /**
     * A query other than Catalog (DeviceInfo, DeviceStatus, RecordInfo...). Completes with the answer to send up;
     * the link writes the query's SN into it and sends it in parts when it is a multi-part answer. Completes with
     * null when there is nothing to answer.
     *
     * @param body the query as the upper platform sent it
     */
    CompletableFuture<ManscdpMessage> query(ManscdpMessage query, byte[] body);

    /**
     * A control (DeviceControl, DeviceConfig...). Completes with the Response to relay up (the owning device's
     * Result), or null when none is due.
     *
     * @param body the control as the upper platform sent it, to pass on byte for byte
     */
    CompletableFuture<ManscdpMessage> control(ManscdpMessage control, byte[] body);

    /**
     * An INVITE for one of our channels: completes with the SDP of our answer once the media can flow to where the
     * offer asks (the sender is open).
     */
    CompletableFuture<String> invite(UpstreamInvite invite);

    /** A MANSRTSP INFO (pause, play, scale, seek) in a session: completes with the SIP status to answer. */
    CompletableFuture<Integer> info(String sessionId, String contentType, byte[] body);

    /** The upper platform ended (or cancelled) a session: stop its media and let go of what it used. */
    void bye(String sessionId);

    /** Where this side reports what the upper platform should hear about without asking. */
    void listen(Listener listener);

    /** The link is gone: stop reporting, let go of what listening took. */
    default void close() {
    }

    /** What the link passes up unasked. */
    interface Listener {

        /** Channels added, removed, gone online or offline: catalog items with their Event (ADD, DEL, ON, OFF). */
        void catalogChanged(List<CatalogItem> changes);

        /** A document to forward up as it is (an Alarm notify). */
        void forward(ManscdpMessage notify);

        /**
         * A session ended below: the device ended it, went away, or (with {@code endOfFile}) reached the end of the
         * recording, which the upper platform hears as MediaStatus 121.
         */
        void sessionEnded(String sessionId, boolean endOfFile);
    }
}
