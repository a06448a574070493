package io.github.gb28181.camel.sip.media;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Which node holds each live media session. A session lives where its INVITE left: that node has the dialog, sends
 * the BYE and receives the RTP. In a cluster another node must still list it, end it when a route or REST call there
 * asks, and end it when the device's MediaStatus (end of a recording) reaches that node instead: the holder writes
 * its sessions here as they start, change and end, and is asked to end one through here. A single platform has an
 * {@link InMemoryMediaSessionDirectory}; the camel-gb28181-cluster module shares one on Hazelcast (docs/cluster.md).
 * Implementations must be safe for concurrent use.
 */
public interface MediaSessionDirectory {

    /** Why another node asks the holder to end a session. */
    enum Ending {
        /** A command asked to end it: the holder sends BYE ({@link MediaSessionManager#BYE_SENT}). */
        BYE,
        /** The device said its recording ended (MediaStatus 121): {@link MediaSessionManager#MEDIA_END}. */
        MEDIA_END
    }

    /**
     * A session and the node holding it.
     *
     * @param node    the holder's name; null on a single node
     * @param session the session as its holder last wrote it
     */
    record Held(String node, MediaSession session) {
    }

    /** Ends the sessions it holds when another node asks. */
    interface Holder {
        /** @return the session once ended (completes when the device answered the BYE or did not in time), or empty
         *          when this holder does not hold it */
        Optional<CompletableFuture<MediaSession>> end(String sessionId, Ending why, Duration timeout);
    }

    /** This node holds {@code session} (just started, or changed): written before it is listed locally. */
    void hold(MediaSession session);

    /** This node's session ended. */
    void release(String sessionId);

    /** @return the session, wherever it is held */
    Optional<Held> find(String sessionId);

    /** Every live session, on every node. */
    Collection<Held> sessions();

    /**
     * Asks the holder to end a session and completes with the session as it ended: fails when no holder has it, or
     * when the holder does not answer within {@code timeout} and a little more.
     */
    CompletableFuture<MediaSession> end(Held held, Ending why, Duration timeout);

    /** Ends this node's sessions when asked: each platform server of the node is one holder. */
    void serve(Holder holder);

    /** The holder stopped (its platform server did). */
    void stopServing(Holder holder);
}
