package io.github.gb28181.camel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.gb28181.camel.platform.PlatformServer;
import io.github.gb28181.camel.sip.media.MediaSession;

/**
 * The media commands that are more than one call on the session manager.
 */
final class MediaOperations {

    private MediaOperations() {
    }

    static CompletableFuture<MediaSession> bye(CommandInput in) {
        PlatformServer server = in.platform();
        String sessionId = in.sessionId();
        return server.audio().owns(sessionId)
                ? CompletableFuture.completedFuture(server.audio().bye(sessionId))
                : server.media().bye(sessionId, in.timeout());
    }

    static CompletableFuture<List<MediaSession>> sessions(CommandInput in) {
        List<MediaSession> all = new ArrayList<>(in.platform().media().sessions());
        all.addAll(in.platform().audio().sessions());
        return CompletableFuture.completedFuture(all);
    }

    static CompletableFuture<MediaSession> broadcast(CommandInput in) {
        return in.platform().audio().broadcast(in.deviceId(), in.required(in.channelId(),
                "channelId (the audio output channel)"), in.mediaHost(),
                in.message().getHeader(Gb28181Constants.MEDIA_PORT, in.config().getMediaPort() == null ? 0
                        : in.config().getMediaPort(), Integer.class), in.timeout());
    }

    static CompletableFuture<Void> audio(CommandInput in) throws Exception {
        in.platform().audio().send(in.sessionId(), in.required(in.message().getBody(byte[].class),
                "a body of G.711A bytes"));
        return CompletableFuture.completedFuture(null);
    }
}
