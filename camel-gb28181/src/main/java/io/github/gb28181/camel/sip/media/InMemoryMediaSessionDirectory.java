package io.github.gb28181.camel.sip.media;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A single node's directory: the sessions of this JVM, ended by the holders that serve it.
 */
public final class InMemoryMediaSessionDirectory implements MediaSessionDirectory {

    private final Map<String, Held> sessions = new ConcurrentHashMap<>();
    private final MediaSessionHolders holders = new MediaSessionHolders();

    @Override
    public void hold(MediaSession session) {
        sessions.put(session.sessionId(), new Held(null, session));
    }

    @Override
    public void release(String sessionId) {
        sessions.remove(sessionId);
    }

    @Override
    public Optional<Held> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public Collection<Held> sessions() {
        return List.copyOf(sessions.values());
    }

    @Override
    public CompletableFuture<MediaSession> end(Held held, Ending why, Duration timeout) {
        return holders.end(held.session().sessionId(), why, timeout);
    }

    @Override
    public void serve(Holder holder) {
        holders.add(holder);
    }

    @Override
    public void stopServing(Holder holder) {
        holders.remove(holder);
    }
}
