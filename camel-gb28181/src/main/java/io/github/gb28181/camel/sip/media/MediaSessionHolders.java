package io.github.gb28181.camel.sip.media;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** The holders of one node (a platform server each): a request to end a session goes to the one holding it. */
public final class MediaSessionHolders {

    private final List<MediaSessionDirectory.Holder> holders = new CopyOnWriteArrayList<>();

    public void add(MediaSessionDirectory.Holder holder) {
        holders.add(holder);
    }

    public void remove(MediaSessionDirectory.Holder holder) {
        holders.remove(holder);
    }

    /** Asks each holder in turn; fails when none holds the session. */
    public CompletableFuture<MediaSession> end(String sessionId, MediaSessionDirectory.Ending why, Duration timeout) {
        for (MediaSessionDirectory.Holder holder : holders) {
            Optional<CompletableFuture<MediaSession>> ended = holder.end(sessionId, why, timeout);
            if (ended.isPresent()) {
                return ended.get();
            }
        }
        return CompletableFuture.failedFuture(new IllegalStateException("No media session " + sessionId));
    }
}
