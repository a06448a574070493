package io.github.gb28181.camel;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import io.github.gb28181.camel.platform.PlatformServer;
import io.github.gb28181.camel.sdp.MediaTransportMode;
import io.github.gb28181.camel.sdp.SessionKind;
import io.github.gb28181.camel.sip.media.MediaRequest;
import io.github.gb28181.camel.sip.media.MediaSession;
import org.apache.camel.Message;

/**
 * Translates the media commands (play, playback, download, pause, resume, speed, seek, bye) into calls on the
 * session manager.
 */
final class Gb28181MediaCommands {

    private Gb28181MediaCommands() {
    }

    static boolean isMediaCommand(String command) {
        return switch (command.toLowerCase(Locale.ROOT)) {
            case "play", "playback", "download", "pause", "resume", "speed", "seek", "bye", "sessions", "broadcast",
                 "audio" -> true;
            default -> false;
        };
    }

    static CompletableFuture<?> execute(
            String command, Gb28181Endpoint endpoint, Message in, PlatformServer server) {
        Duration timeout = Duration.ofMillis(endpoint.getTimeout());
        String name = command.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "play" -> server.media().invite(request(SessionKind.LIVE, endpoint, in, server), timeout);
            case "playback" -> server.media().invite(request(SessionKind.PLAYBACK, endpoint, in, server), timeout);
            case "download" -> server.media().invite(request(SessionKind.DOWNLOAD, endpoint, in, server), timeout);
            case "pause" -> server.media().pause(sessionId(in), timeout);
            case "resume" -> server.media().resume(sessionId(in), timeout);
            case "speed" -> server.media().speed(sessionId(in), required(in.getHeader(Gb28181Constants.SCALE,
                    Double.class), Gb28181Constants.SCALE), timeout);
            case "seek" -> server.media().seek(sessionId(in), required(in.getHeader(Gb28181Constants.POSITION,
                    Long.class), Gb28181Constants.POSITION), timeout);
            case "bye" -> server.audio().owns(sessionId(in))
                    ? CompletableFuture.completedFuture(server.audio().bye(sessionId(in)))
                    : server.media().bye(sessionId(in), timeout);
            case "sessions" -> {
                List<MediaSession> all = new ArrayList<>(server.media().sessions());
                all.addAll(server.audio().sessions());
                yield CompletableFuture.completedFuture(all);
            }
            case "broadcast" -> server.audio().broadcast(
                    in.getHeader(Gb28181Constants.DEVICE_ID, endpoint.getDeviceId(), String.class),
                    required(in.getHeader(Gb28181Constants.CHANNEL_ID, endpoint.getChannelId(), String.class),
                            "channelId (the audio output channel)"),
                    endpoint.getMediaHost() != null ? endpoint.getMediaHost() : server.sipServer().advertisedHost(),
                    in.getHeader(Gb28181Constants.MEDIA_PORT, endpoint.getMediaPort() == null ? 0 : endpoint.getMediaPort(),
                            Integer.class),
                    timeout);
            case "audio" -> {
                try {
                    server.audio().send(sessionId(in), required(in.getBody(byte[].class), "a body of G.711A bytes"));
                    yield CompletableFuture.completedFuture(null);
                } catch (java.io.IOException e) {
                    yield CompletableFuture.failedFuture(e);
                }
            }
            default -> throw new IllegalArgumentException("Unknown gb28181 media command '" + command + "'");
        };
    }

    private static MediaRequest request(SessionKind kind, Gb28181Endpoint endpoint, Message in, PlatformServer server) {
        String deviceId = in.getHeader(Gb28181Constants.DEVICE_ID, endpoint.getDeviceId(), String.class);
        String channelId = required(in.getHeader(Gb28181Constants.CHANNEL_ID, endpoint.getChannelId(), String.class),
                "channelId");
        Integer port = required(in.getHeader(Gb28181Constants.MEDIA_PORT, endpoint.getMediaPort(), Integer.class),
                "mediaPort");
        String host = endpoint.getMediaHost() != null ? endpoint.getMediaHost() : server.sipServer().advertisedHost();
        long start = 0;
        long end = 0;
        if (kind.isHistory()) {
            start = epochSeconds(required(in.getHeader(Gb28181Constants.START_TIME, endpoint.getStartTime(),
                    String.class), "startTime"));
            end = epochSeconds(required(in.getHeader(Gb28181Constants.END_TIME, endpoint.getEndTime(), String.class),
                    "endTime"));
            if (end <= start) {
                throw new IllegalArgumentException("endTime must be after startTime");
            }
        }
        return new MediaRequest(deviceId, channelId, kind, host, port,
                MediaTransportMode.of(endpoint.getMediaTransport()), start, end, endpoint.getDownloadSpeed());
    }

    /** yyyy-MM-dd'T'HH:mm:ss in the platform's time zone, as RecordInfo answers give them, or epoch seconds. */
    static long epochSeconds(String time) {
        String value = time.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(value);
        }
        try {
            return LocalDateTime.parse(value).atZone(ZoneId.systemDefault()).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Times are yyyy-MM-dd'T'HH:mm:ss or epoch seconds, not '" + time + "'", e);
        }
    }

    private static String sessionId(Message in) {
        return required(in.getHeader(Gb28181Constants.SESSION_ID, String.class), Gb28181Constants.SESSION_ID);
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("The command needs " + what);
        }
        return value;
    }
}
