package io.github.gb28181.example.streams;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import io.github.gb28181.camel.Gb28181RtpConstants;
import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.MediaStreamType;
import io.github.gb28181.camel.sip.media.MediaSession;
import io.github.gb28181.example.PlatformProperties;
import io.github.gb28181.example.recordings.RecordingFiles;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The open streams, by session. The RTP routes (elementary-stream mode) call {@link #write} with each frame; frames
 * are matched to their session by the session id the component labels them with, so a stream another route
 * requested is recorded too. Every stream is recorded to {@code <data-dir>/streams/<streamId>.mp4} and can be
 * watched live.
 */
@Component("streamFiles")
public class StreamFiles {

    private static final Logger LOG = LoggerFactory.getLogger(StreamFiles.class);
    private static final int ENDED_REMEMBERED = 256;

    private final Path directory;
    private final Clock clock;
    private final RecordingFiles recordings;
    private final Map<String, StreamRecording> bySession = new ConcurrentHashMap<>();
    private final Map<String, StreamRecording> byId = new ConcurrentHashMap<>();
    private final Set<Consumer<StreamRecording>> closeListeners = ConcurrentHashMap.newKeySet();
    // UDP stragglers of a session that just ended must not open its recording again
    private final Set<String> ended = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > ENDED_REMEMBERED;
                }
            }));

    @Autowired
    public StreamFiles(PlatformProperties properties, RecordingFiles recordings) {
        this(properties.streamsDir(), recordings, Clock.systemUTC());
    }

    StreamFiles(Path directory, RecordingFiles recordings, Clock clock) {
        this.directory = directory;
        this.recordings = recordings;
        this.clock = clock;
    }

    /** The recording of a session the platform just opened (it may have begun already if frames came first). */
    public StreamRecording open(MediaSession session) {
        StreamRecording recording = recordingOf(session.sessionId());
        recording.describe(session.deviceId(), session.channelId(), session.ssrc(), session.kind().name(),
                session.transport().name());
        recordings.describe(recording.view());
        return recording;
    }

    /** One elementary-stream frame from a gb28181-rtp route (mode=es). */
    public void write(Message frame) {
        String sessionId = frame.getHeader(Gb28181RtpConstants.SESSION_ID, String.class);
        String ssrc = frame.getHeader(Gb28181RtpConstants.SSRC, String.class);
        if (sessionId == null) {
            LOG.debug("Frame of SSRC {} belongs to no session: not recorded", ssrc);
            return;
        }
        byte[] payload = frame.getBody(byte[].class);
        if (ended.contains(sessionId) || payload == null) {
            return;
        }
        StreamRecording recording = recordingOf(sessionId);
        recording.describe(frame.getHeader(Gb28181RtpConstants.DEVICE_ID, String.class),
                frame.getHeader(Gb28181RtpConstants.CHANNEL_ID, String.class), ssrc, null, null);
        long pts = frame.getHeader(Gb28181RtpConstants.PTS, MediaFrame.NO_TIMESTAMP, Long.class);
        recording.frame(payload, codec(frame.getHeader(Gb28181RtpConstants.CODEC, String.class)),
                MediaStreamType.valueOf(frame.getHeader(Gb28181RtpConstants.STREAM_TYPE, "VIDEO", String.class)), pts,
                frame.getHeader(Gb28181RtpConstants.DTS, pts, Long.class),
                frame.getHeader(Gb28181RtpConstants.RTP_TIMESTAMP, 0L, Long.class),
                frame.getHeader(Gb28181RtpConstants.KEY_FRAME, false, Boolean.class),
                frame.getHeader(Gb28181RtpConstants.PACKETS_LOST, Long.class));
    }

    /** Closes a stream, named by its stream id or session id; the stream is forgotten. */
    public Optional<StreamRecording> close(String streamOrSessionId, String reason) {
        Optional<StreamRecording> found = find(streamOrSessionId);
        found.ifPresent(recording -> {
            ended.add(recording.sessionId());
            bySession.remove(recording.sessionId());
            byId.remove(recording.streamId());
            recording.close(reason);
            recordings.describe(recording.view());
            closeListeners.forEach(l -> l.accept(recording));
            LOG.info("Stream {} closed ({}): {}", recording.streamId(), reason, recording.view());
        });
        return found;
    }

    /** Called with every stream that closes, however it closed. */
    public void onClose(Consumer<StreamRecording> listener) {
        closeListeners.add(listener);
    }

    public Optional<StreamRecording> find(String streamOrSessionId) {
        StreamRecording recording = byId.get(streamOrSessionId);
        return Optional.ofNullable(recording != null ? recording : bySession.get(streamOrSessionId));
    }

    /** The open live stream of a channel, when there is one. */
    public Optional<StreamRecording> liveOf(String channelId) {
        return byId.values().stream().filter(r -> channelId.equals(r.channelId()) && "LIVE".equals(r.kind()))
                .findFirst();
    }

    /** The open streams, oldest first. */
    public Collection<StreamRecording> streams() {
        return byId.values().stream().sorted(Comparator.comparing(r -> r.view().startedAt())).toList();
    }

    private StreamRecording recordingOf(String sessionId) {
        return bySession.computeIfAbsent(sessionId, id -> {
            String streamId = newStreamId();
            StreamRecording recording = new StreamRecording(streamId, id, clock.instant(),
                    directory.resolve(streamId + ".mp4"));
            byId.put(streamId, recording);
            return recording;
        });
    }

    private static MediaCodec codec(String name) {
        try {
            return name == null ? MediaCodec.UNKNOWN : MediaCodec.valueOf(name);
        } catch (IllegalArgumentException e) {
            return MediaCodec.UNKNOWN;
        }
    }

    /** Short enough to type, random so files of different runs never collide. */
    private String newStreamId() {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        while (true) {
            StringBuilder id = new StringBuilder(8);
            for (int i = 0; i < 8; i++) {
                id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
            }
            if (!byId.containsKey(id.toString()) && !recordings.exists(id.toString())) {
                return id.toString();
            }
        }
    }
}
