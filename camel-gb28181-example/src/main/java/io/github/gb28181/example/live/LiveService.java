package io.github.gb28181.example.live;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.example.PlatformProperties;
import io.github.gb28181.example.streams.StreamFiles;
import io.github.gb28181.example.streams.StreamRecording;
import io.github.gb28181.example.streams.StreamService;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Who watches what. The viewers of a channel's live video share one stream from the device: the first one's page
 * makes the platform INVITE the channel, the others join that stream (or one a user started from the REST API).
 * A stream opened this way is hung up (BYE) {@code gb28181.live-linger} after its last viewer left.
 */
@Service
public class LiveService {

    private static final Logger LOG = LoggerFactory.getLogger(LiveService.class);

    private final StreamFiles files;
    private final StreamService streams;
    private final long lingerMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-linger");
        t.setDaemon(true);
        return t;
    });
    /** The live stream of each channel being watched or being asked for; guarded by this. */
    private final Map<String, ChannelLive> channels = new HashMap<>();

    private static final class ChannelLive {
        CompletableFuture<StreamRecording> stream;
        ScheduledFuture<?> hangUp;
    }

    public LiveService(StreamFiles files, StreamService streams, PlatformProperties properties) {
        this.files = files;
        this.streams = streams;
        this.lingerMillis = properties.liveLinger().toMillis();
        files.onClose(this::closed);
    }

    /** A page wants a channel's live video. */
    void watchChannel(String channelId, LiveViewer viewer) {
        CompletableFuture<StreamRecording> stream;
        synchronized (this) {
            ChannelLive live = channels.computeIfAbsent(channelId, id -> new ChannelLive());
            if (live.hangUp != null) {
                live.hangUp.cancel(false);
                live.hangUp = null;
            }
            if (live.stream == null || live.stream.isCompletedExceptionally()) {
                live.stream = files.liveOf(channelId).map(CompletableFuture::completedFuture)
                        .orElseGet(() -> invite(channelId));
            }
            stream = live.stream;
        }
        stream.whenComplete((recording, error) -> {
            if (error != null) {
                synchronized (this) {
                    channels.computeIfPresent(channelId, (id, live) -> live.stream == stream ? null : live);
                }
                viewer.fail("No video from channel " + channelId + ": " + message(error));
            } else {
                attach(recording, viewer);
            }
        });
    }

    /** A page wants a stream it names: a playback of a recording on the device, say. */
    void watchStream(String streamId, LiveViewer viewer) {
        files.find(streamId).ifPresentOrElse(recording -> attach(recording, viewer),
                () -> viewer.fail("No open stream " + streamId));
    }

    /** A page went away. */
    void left(LiveViewer viewer) {
        viewer.closed();
        StreamRecording recording = viewer.stream();
        if (recording != null) {
            recording.unwatch(viewer);
            lingerIfUnwatched(recording);
        }
    }

    private CompletableFuture<StreamRecording> invite(String channelId) {
        LOG.info("Live view of channel {}: inviting it", channelId);
        return streams.play(channelId, "udp").thenApply(view -> {
            StreamRecording recording = files.find(view.streamId())
                    .orElseThrow(() -> new IllegalStateException("The stream ended as it began"));
            recording.onDemand(true);
            return recording;
        });
    }

    private void attach(StreamRecording recording, LiveViewer viewer) {
        viewer.stream(recording);
        if (viewer.isClosed()) {
            lingerIfUnwatched(recording); // left while the device was being invited
        } else if (!recording.watch(viewer)) {
            viewer.fail("The stream has ended");
        } else if (viewer.isClosed()) {
            left(viewer);
        }
    }

    private void lingerIfUnwatched(StreamRecording recording) {
        if (!recording.onDemand() || recording.viewers() > 0) {
            return;
        }
        synchronized (this) {
            ChannelLive live = channels.get(recording.channelId());
            if (live == null || live.stream == null || live.stream.getNow(null) != recording || live.hangUp != null) {
                return;
            }
            live.hangUp = timer.schedule(() -> hangUp(recording), lingerMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void hangUp(StreamRecording recording) {
        synchronized (this) {
            ChannelLive live = channels.get(recording.channelId());
            if (live == null || live.stream.getNow(null) != recording || recording.viewers() > 0) {
                return;
            }
            channels.remove(recording.channelId());
        }
        LOG.info("Nobody watches channel {} any more: stream {} hung up", recording.channelId(),
                recording.streamId());
        streams.stop(recording.streamId()).exceptionally(e -> {
            LOG.warn("Hanging up stream {}: {}", recording.streamId(), message(e));
            return null;
        });
    }

    private synchronized void closed(StreamRecording recording) {
        channels.values().removeIf(live -> {
            boolean mine = live.stream != null && live.stream.getNow(null) == recording;
            if (mine && live.hangUp != null) {
                live.hangUp.cancel(false);
            }
            return mine;
        });
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    static String message(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
