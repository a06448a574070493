package io.github.gb28181.camel.media;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default registry: a concurrent map, good for one JVM.
 */
public class InMemoryMediaSessionRegistry implements MediaSessionRegistry {

    private final Map<Long, MediaSessionInfo> sessions = new ConcurrentHashMap<>();

    @Override
    public void announce(long ssrc, MediaSessionInfo session) {
        sessions.put(Ssrc.check(ssrc), session);
    }

    @Override
    public MediaSessionInfo lookup(long ssrc) {
        return sessions.get(ssrc);
    }

    @Override
    public MediaSessionInfo remove(long ssrc) {
        return sessions.remove(ssrc);
    }

    @Override
    public boolean rekey(long offeredSsrc, long answeredSsrc) {
        Ssrc.check(answeredSsrc);
        if (offeredSsrc == answeredSsrc) {
            return sessions.containsKey(offeredSsrc);
        }
        MediaSessionInfo session = sessions.remove(offeredSsrc);
        if (session == null) {
            return false;
        }
        sessions.put(answeredSsrc, session);
        return true;
    }

    /** The number of announced sessions. */
    public int size() {
        return sessions.size();
    }
}
