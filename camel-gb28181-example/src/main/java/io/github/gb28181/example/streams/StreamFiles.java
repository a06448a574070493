package io.github.gb28181.example.streams;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import io.github.gb28181.camel.Gb28181RtpConstants;
import io.github.gb28181.camel.sip.media.MediaSession;
import io.github.gb28181.example.PlatformProperties;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes every requested stream to {@code <data-dir>/streams/<streamId>.ps} (or {@code .h264}/{@code .h265} in ES
 * mode), one file per session. The RTP routes call {@link #write} with each frame; frames are matched to their
 * session by the Call-ID the component labels them with, so a stream another route requested is written too.
 */
@Component("streamFiles")
public class StreamFiles {

    private static final Logger LOG = LoggerFactory.getLogger(StreamFiles.class);
    private static final int ENDED_REMEMBERED = 256;

    private final Path directory;
    private final boolean esMode;
    private final Clock clock;
    private final Map<String, StreamRecording> bySession = new ConcurrentHashMap<>();
    private final Map<String, StreamRecording> byId = new ConcurrentHashMap<>();
    // UDP stragglers of a session that just ended must not open its file again
    private final Set<String> ended = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > ENDED_REMEMBERED;
                }
            }));

    @Autowired
    public StreamFiles(PlatformProperties properties) {
        this(properties.streamsDir(), properties.esMode(), Clock.systemUTC());
    }

    StreamFiles(Path directory, boolean esMode, Clock clock) {
        this.directory = directory;
        this.esMode = esMode;
        this.clock = clock;
    }

    /** The recording of a session the platform just opened (it may have begun already if frames came first). */
    public StreamRecording open(MediaSession session) {
        StreamRecording recording = recordingOf(session.sessionId());
        recording.describe(session.deviceId(), session.channelId(), session.ssrc(), session.kind().name(),
                session.transport().name());
        return recording;
    }

    /** One frame from a gb28181-rtp route. */
    public void write(@Body byte[] frame,
                      @Header(Gb28181RtpConstants.SESSION_ID) String sessionId,
                      @Header(Gb28181RtpConstants.SSRC) String ssrc,
                      @Header(Gb28181RtpConstants.DEVICE_ID) String deviceId,
                      @Header(Gb28181RtpConstants.CHANNEL_ID) String channelId,
                      @Header(Gb28181RtpConstants.CODEC) String codec,
                      @Header(Gb28181RtpConstants.STREAM_TYPE) String streamType,
                      @Header(Gb28181RtpConstants.PACKETS_LOST) Long lostPackets) {
        if (sessionId == null) {
            LOG.debug("Frame of SSRC {} belongs to no session: not written", ssrc);
            return;
        }
        if (ended.contains(sessionId) || frame == null || esMode && "AUDIO".equals(streamType)) {
            return;
        }
        StreamRecording recording = recordingOf(sessionId);
        recording.describe(deviceId, channelId, ssrc, null, null);
        if (recording.file() == null) {
            recording.file(directory.resolve(recording.streamId() + "." + extension(codec)));
        }
        recording.append(frame, codec, lostPackets);
    }

    /** Closes the file of a stream, named by its stream id or session id; the stream is forgotten. */
    public Optional<StreamRecording> close(String streamOrSessionId) {
        Optional<StreamRecording> found = find(streamOrSessionId);
        found.ifPresent(recording -> {
            ended.add(recording.sessionId());
            bySession.remove(recording.sessionId());
            byId.remove(recording.streamId());
            recording.close();
            LOG.info("Stream {} closed: {}", recording.streamId(), recording.view());
        });
        return found;
    }

    public Optional<StreamRecording> find(String streamOrSessionId) {
        StreamRecording recording = byId.get(streamOrSessionId);
        return Optional.ofNullable(recording != null ? recording : bySession.get(streamOrSessionId));
    }

    /** The open streams, oldest first. */
    public Collection<StreamRecording> streams() {
        return byId.values().stream().sorted(Comparator.comparing(r -> r.view().startedAt())).toList();
    }

    private StreamRecording recordingOf(String sessionId) {
        return bySession.computeIfAbsent(sessionId, id -> {
            StreamRecording recording = new StreamRecording(newStreamId(), id, clock.instant());
            if (!esMode) {
                recording.file(directory.resolve(recording.streamId() + ".ps"));
            }
            byId.put(recording.streamId(), recording);
            return recording;
        });
    }

    private String extension(String codec) {
        if (!esMode) {
            return "ps";
        }
        return switch (codec == null ? "" : codec) {
            case "H264" -> "h264";
            case "H265" -> "h265";
            case "" , "UNKNOWN" -> "es";
            default -> codec.toLowerCase(Locale.ROOT);
        };
    }

    /** Short enough to type, random so files of different runs never collide. */
    private String newStreamId() {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        while (true) {
            StringBuilder id = new StringBuilder(8);
            for (int i = 0; i < 8; i++) {
                id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
            }
            if (!byId.containsKey(id.toString())) {
                return id.toString();
            }
        }
    }
}
