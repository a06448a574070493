package io.github.gb28181.example.streams;

import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.gb28181.camel.Gb28181Constants;
import io.github.gb28181.camel.sip.media.MediaSession;
import io.github.gb28181.example.DeviceCommands;
import io.github.gb28181.example.PlatformProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.Header;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Asks devices for video and steers it: play and playback INVITE the device to send RTP to the platform's RTP port,
 * where the streams routes record it and pass it on to the pages watching. For tcp-active the platform must connect to the device, so a route
 * is made for the session from the {@code rtp-tcp-active} template and removed when the session ends.
 */
@Service("streams")
public class StreamService {

    private static final Logger LOG = LoggerFactory.getLogger(StreamService.class);
    static final String TCP_ACTIVE_TEMPLATE = "rtp-tcp-active";

    private final DeviceCommands commands;
    private final StreamFiles files;
    private final CamelContext camelContext;
    private final PlatformProperties properties;
    private final StreamJournal journal;

    public StreamService(DeviceCommands commands, StreamFiles files, CamelContext camelContext,
                         PlatformProperties properties, StreamJournal journal) {
        this.journal = journal;
        this.commands = commands;
        this.files = files;
        this.camelContext = camelContext;
        this.properties = properties;
    }

    /** Live video of a channel. */
    public CompletableFuture<StreamView> play(String channelId, String transport) {
        return invite("play", channelId, transport, Map.of());
    }

    /** A recording of a channel, start and end as yyyy-MM-dd'T'HH:mm:ss. */
    public CompletableFuture<StreamView> playback(String channelId, String transport, String start, String end) {
        return invite("playback", channelId, transport,
                Map.of(Gb28181Constants.START_TIME, start, Gb28181Constants.END_TIME, end));
    }

    private CompletableFuture<StreamView> invite(String command, String channelId, String transport,
                                                 Map<String, String> extra) {
        Map<String, Object> headers = new HashMap<>(extra);
        headers.put(Gb28181Constants.CHANNEL_ID, channelId);
        String uri = "gb28181:" + command + "?mediaPort=" + properties.rtpPort() + "&mediaTransport=" + transport;
        return commands.send(uri, headers, MediaSession.class).thenApply(session -> {
            StreamRecording recording = files.open(session);
            if ("tcp-active".equals(transport)) {
                connect(recording, session);
            }
            journal.opened(recording.view());
            LOG.info("Stream {} ({} of channel {}) goes to {}", recording.streamId(), session.kind(), channelId,
                    recording.view().file());
            return recording.view();
        });
    }

    /** pause, resume, speed (header CamelGb28181Scale) or seek (CamelGb28181Position) on an open stream. */
    public CompletableFuture<StreamView> control(String streamId, String command, Map<String, Object> headers) {
        StreamRecording recording = find(streamId);
        Map<String, Object> all = new HashMap<>(headers);
        all.put(Gb28181Constants.SESSION_ID, recording.sessionId());
        return commands.send("gb28181:" + command, all, MediaSession.class).thenApply(session -> {
            recording.state(session.state().name());
            return recording.view();
        });
    }

    /** BYE to the device; the file is closed whether or not the device answers. */
    public CompletableFuture<StreamView> stop(String streamId) {
        StreamRecording recording = find(streamId);
        return commands.send("gb28181:bye", Map.of(Gb28181Constants.SESSION_ID, recording.sessionId()))
                .handle((session, error) -> {
                    files.close(recording.sessionId(), "stopped").ifPresent(r -> disconnect(r.streamId()));
                    if (error != null) {
                        throw error instanceof CompletionException c ? c : new CompletionException(error);
                    }
                    return recording.view();
                });
    }

    /** A session ended, however it ended: from the SESSION_ENDED route, and after our own BYE. */
    public void ended(@Header(Gb28181Constants.SESSION_ID) String sessionId) {
        files.close(sessionId, "the session ended").ifPresent(recording -> {
            journal.closed(recording.streamId());
            disconnect(recording.streamId());
        });
    }

    public StreamRecording find(String streamOrSessionId) {
        return files.find(streamOrSessionId)
                .orElseThrow(() -> new NoSuchElementException("No open stream " + streamOrSessionId));
    }

    private void connect(StreamRecording recording, MediaSession session) {
        if (session.deviceMediaHost() == null || session.deviceMediaPort() <= 0) {
            // the device named no address of its own (it mirrored our offer): the rtp-tcp route takes its stream
            // if it connects to us
            LOG.info("Stream {}: the device gave no media address to connect to; waiting for it to connect to port {}",
                    recording.streamId(), properties.rtpPort());
            return;
        }
        try {
            TemplatedRouteBuilder.builder(camelContext, TCP_ACTIVE_TEMPLATE)
                    .routeId(routeId(recording.streamId()))
                    .parameter("remoteHost", session.deviceMediaHost())
                    .parameter("remotePort", session.deviceMediaPort())
                    .add();
        } catch (RuntimeException e) {
            commands.send("gb28181:bye", Map.of(Gb28181Constants.SESSION_ID, session.sessionId()));
            files.close(session.sessionId(), "the platform could not connect to the device");
            throw e;
        }
    }

    private void disconnect(String streamId) {
        String routeId = routeId(streamId);
        if (camelContext.getRoute(routeId) == null) {
            return;
        }
        try {
            camelContext.getRouteController().stopRoute(routeId);
            camelContext.removeRoute(routeId);
        } catch (Exception e) {
            LOG.warn("Cannot remove the media route {}: {}", routeId, e.getMessage());
        }
    }

    private static String routeId(String streamId) {
        return "rtp-tcp-active-" + streamId;
    }
}
