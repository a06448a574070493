package io.github.gb28181.camel.media.send;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.netty.channel.EventLoopGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outgoing media sessions, by session id: where the signalling side opens a sender when it agrees to send media
 * (an upper platform's INVITE answered), and where whoever has the frames finds it (the gb28181-rtp producer, by the
 * CamelGb28181SessionId header). Opening binds or connects at once, so the local address is known for the SDP answer
 * and a peer that connects right after the answer finds the port listening. Safe for concurrent use.
 */
public final class MediaSenders implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaSenders.class);

    private final EventLoopGroup group;
    private final Supplier<MediaSenderConfig.Builder> defaults;
    private final Map<String, MediaSender> senders = new ConcurrentHashMap<>();

    /**
     * @param group    the event loops the senders' sockets use
     * @param defaults the settings a session does not name (payload size, reconnect delay, key frame wait, queue)
     */
    public MediaSenders(EventLoopGroup group, Supplier<MediaSenderConfig.Builder> defaults) {
        this.group = group;
        this.defaults = defaults;
    }

    public MediaSenders(EventLoopGroup group) {
        this(group, MediaSenderConfig::builder);
    }

    /**
     * Opens the sender of a session, replacing (and closing) one already open under the same id.
     *
     * @return the started sender: {@link MediaSender#localAddress()} is the address for the SDP answer
     * @throws Exception when the port cannot be bound
     */
    public MediaSender open(OutgoingSession session) throws Exception {
        Objects.requireNonNull(session.sessionId(), "sessionId");
        MediaSender sender = new MediaSender(session.config(defaults.get()), group);
        sender.start();
        MediaSender previous = senders.put(session.sessionId(), sender);
        if (previous != null) {
            previous.stop();
        }
        LOG.debug("Outgoing media session {} open: {}", session.sessionId(), sender);
        return sender;
    }

    /** @return the open sender of a session, or {@code null} */
    public MediaSender find(String sessionId) {
        return sessionId == null ? null : senders.get(sessionId);
    }

    /**
     * Closes a session's sender, freeing its port.
     *
     * @return whether one was open
     */
    public boolean close(String sessionId) {
        MediaSender sender = senders.remove(sessionId);
        if (sender == null) {
            return false;
        }
        sender.stop();
        LOG.debug("Outgoing media session {} closed", sessionId);
        return true;
    }

    public Set<String> sessionIds() {
        return Set.copyOf(senders.keySet());
    }

    /** Closes every sender. */
    @Override
    public void close() {
        for (String id : List.copyOf(senders.keySet())) {
            close(id);
        }
    }
}
