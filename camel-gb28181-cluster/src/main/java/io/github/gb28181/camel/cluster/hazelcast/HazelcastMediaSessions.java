package io.github.gb28181.camel.cluster.hazelcast;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.github.gb28181.camel.sip.media.MediaSession;
import io.github.gb28181.camel.sip.media.MediaSessionDirectory;
import io.github.gb28181.camel.sip.media.MediaSessionHolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media sessions of every node in a Hazelcast map (Call-ID to a JSON document naming the holder), and a request to
 * end one carried to the holder on its own topic, with the ended session coming back on the asker's: the shape of
 * {@link HazelcastRemoteWaiters}. When a node leaves, the caretaker removes the sessions it held: their dialogs died
 * with it.
 */
final class HazelcastMediaSessions implements MediaSessionDirectory, AutoCloseable {

    static final String MAP = "gb28181.sessions";
    static final String TOPIC = "gb28181.sessions.";
    private static final Logger LOG = LoggerFactory.getLogger(HazelcastMediaSessions.class);
    /** Beyond the holder's own wait for the device: the two hops between the nodes. */
    private static final long MARGIN_MILLIS = 2000;

    private final HazelcastInstance hazelcast;
    private final IMap<String, String> sessions;
    private final HazelcastMembership membership;
    private final String localNode;
    private final ObjectMapper json = ClusterJson.mapper();
    private final MediaSessionHolders holders = new MediaSessionHolders();
    private final Map<String, CompletableFuture<MediaSession>> asked = new ConcurrentHashMap<>();
    /** Ends what others ask and looks after a gone node's sessions off Hazelcast's event threads, which must not block. */
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "gb28181-cluster-sessions");
        thread.setDaemon(true);
        return thread;
    });

    HazelcastMediaSessions(HazelcastInstance hazelcast, HazelcastMembership membership) {
        this.hazelcast = hazelcast;
        this.sessions = hazelcast.getMap(MAP);
        this.membership = membership;
        this.localNode = membership.localNode();
        hazelcast.<String>getTopic(TOPIC + localNode).addMessageListener(message -> received(message.getMessageObject()));
        membership.onNodeLeft(node -> work.execute(this::forgetGoneNodes));
    }

    @Override
    public void hold(MediaSession session) {
        sessions.set(session.sessionId(), write(new Held(localNode, session)));
    }

    @Override
    public void release(String sessionId) {
        sessions.delete(sessionId);
    }

    @Override
    public Optional<Held> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId)).map(this::read);
    }

    @Override
    public Collection<Held> sessions() {
        List<Held> all = new ArrayList<>();
        for (String value : sessions.values()) {
            Held held = read(value);
            if (held != null) {
                all.add(held);
            }
        }
        return all;
    }

    @Override
    public CompletableFuture<MediaSession> end(Held held, Ending why, Duration timeout) {
        String sessionId = held.session().sessionId();
        if (localNode.equals(held.node())) {
            return holders.end(sessionId, why, timeout);
        }
        if (!membership.isAlive(held.node())) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "Node " + held.node() + " holding session " + sessionId + " is gone"));
        }
        String id = UUID.randomUUID().toString();
        CompletableFuture<MediaSession> answer = new CompletableFuture<>();
        asked.put(id, answer);
        answer.whenComplete((s, e) -> asked.remove(id));
        try {
            publish(held.node(), new Frame(id, new Ask(localNode, sessionId, why, timeout.toMillis()), null));
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
        return answer.orTimeout(timeout.toMillis() + MARGIN_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void serve(Holder holder) {
        holders.add(holder);
    }

    @Override
    public void stopServing(Holder holder) {
        holders.remove(holder);
    }

    /** A request to end a session, or the holder's answer to one: the topics carry this, as JSON. */
    record Frame(String id, Ask ask, Answer answer) {
    }

    record Ask(String from, String sessionId, Ending why, long timeoutMillis) {
    }

    /** The ended session, or why it could not be ended. */
    record Answer(MediaSession session, String error) {
    }

    private void publish(String node, Frame frame) {
        try {
            hazelcast.<String>getTopic(TOPIC + node).publish(json.writeValueAsString(frame));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void received(String text) {
        try {
            Frame frame = json.readValue(text, Frame.class);
            if (frame.ask() != null) {
                Ask ask = frame.ask();
                work.execute(() -> endAsked(frame.id(), ask.from(), ask.sessionId(), ask.why(),
                        Duration.ofMillis(ask.timeoutMillis())));
            } else if (frame.answer() != null) {
                CompletableFuture<MediaSession> answer = asked.get(frame.id());
                if (answer != null && frame.answer().error() == null) {
                    answer.complete(frame.answer().session());
                } else if (answer != null) {
                    answer.completeExceptionally(new IllegalStateException(frame.answer().error()));
                }
            }
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("Unreadable media session request from another node: {}", e.getMessage());
        }
    }

    private void endAsked(String id, String from, String sessionId, Ending why, Duration timeout) {
        CompletableFuture<MediaSession> ended;
        try {
            ended = holders.end(sessionId, why, timeout);
        } catch (RuntimeException e) {
            ended = CompletableFuture.failedFuture(e);
        }
        ended.whenComplete((session, error) -> {
            try {
                publish(from, new Frame(id, null, error == null ? new Answer(session, null)
                        : new Answer(null, String.valueOf(cause(error).getMessage()))));
            } catch (RuntimeException e) {
                LOG.warn("Cannot answer node {} about session {}: {}", from, sessionId, e.getMessage());
            }
        });
    }

    /** The caretaker removes the sessions of nodes that are gone: nobody can end them, and nobody should list them. */
    private void forgetGoneNodes() {
        if (!membership.isCaretaker()) {
            return;
        }
        int removed = 0;
        try {
            for (Map.Entry<String, String> entry : sessions.entrySet()) {
                Held held = read(entry.getValue());
                if (held != null && !membership.isAlive(held.node()) && sessions.remove(entry.getKey(), entry.getValue())) {
                    removed++;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot remove the media sessions of a node that left: {}", e.getMessage());
        }
        if (removed > 0) {
            LOG.info("Removed {} media sessions held by nodes that left", removed);
        }
    }

    private String write(Held held) {
        try {
            return json.writeValueAsString(held);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Held read(String value) {
        try {
            return json.readValue(value, Held.class);
        } catch (JsonProcessingException e) {
            LOG.warn("Unreadable media session in {}: {}", MAP, e.getMessage());
            return null;
        }
    }

    private static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    @Override
    public void close() {
        work.shutdownNow();
    }
}
