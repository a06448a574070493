package io.github.gb28181.camel.media.mp4;

import java.util.ArrayDeque;

import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.MediaStreamType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fragmented MP4 (ISO/IEC 14496-12 and -15) out of one stream's elementary-stream frames: H.264 (avc1) or H.265
 * (hvc1) video, AAC audio, and G.711 for files ({@link AudioPolicy}). Feed it the frames of one SSRC in order (one
 * thread at a time); it hands out an init segment, then fragments.
 * <ul>
 * <li>The stream starts at the first key frame whose parameter sets are complete; frames before it cannot be decoded
 * and are skipped. The init segment is built from those parameter sets (avcC, hvcC) and the first audio frame's
 * configuration; when the parameter sets change at a later key frame, the fragment in progress is closed and a new
 * init segment follows.</li>
 * <li>Decode times come from the PES DTS (else PTS), presentation times from the PTS, both on a timeline starting at
 * 0 ({@link MediaClock}); key frames are the sync samples.</li>
 * <li>Access units are written in the length-prefixed form MP4 wants, without their delimiters and parameter
 * sets. A frame's bytes are not copied until its fragment is written, into the one array that fragment is.</li>
 * <li>Audio frames join the fragment in progress. An audio codec first seen after the init segment went out is left
 * out, as MSE cannot add a track to a running stream; the init segment waits {@code audioWaitMillis} of video for
 * it.</li>
 * </ul>
 */
public final class Fmp4Muxer {

    private static final Logger LOG = LoggerFactory.getLogger(Fmp4Muxer.class);
    /** A GOP fragment is closed at this length even without a key frame, to bound memory and latency. */
    private static final long MAX_FRAGMENT_TICKS = 10 * MediaClock.TICKS;
    /** Audio frames kept from before the first key frame: those that play with it go into the first fragment. */
    private static final int EARLY_AUDIO = 16;

    /** Where the segments go. */
    @FunctionalInterface
    public interface Sink {
        /** Runs on the thread that fed the frame; the segment's bytes are the sink's to keep. */
        void segment(Fmp4Segment segment);
    }

    private final Fmp4Settings settings;
    private final Sink sink;
    private final String name;
    private final BoxBuffer boxes = new BoxBuffer(4096);
    private final NalScanner nals = new NalScanner();
    private final ParameterSets parameterSets = new ParameterSets();
    private final MediaClock clock = new MediaClock();
    private final SampleRun video = new SampleRun(true);
    private final SampleRun audio = new SampleRun(false);
    private final int[] durationOffset = new int[1];
    private final ArrayDeque<EarlyAudio> earlyAudio = new ArrayDeque<>();

    private MediaCodec videoCodec;
    private VideoConfig videoConfig;
    private AudioConfig audioConfig;
    private Fmp4Tracks tracks;
    private boolean initSent;
    private boolean holding;
    private boolean audioSeen;
    private long holdUntil;
    private long sequence;
    private long nextAudioTime = -1;

    private long videoFrames;
    private long audioFrames;
    private long skippedFrames;
    private long droppedAudio;
    private long fragments;
    private boolean warnedVideoCodec;
    private boolean warnedAudio;

    /**
     * @param name what log lines call the stream, for example its SSRC
     */
    public Fmp4Muxer(Fmp4Settings settings, String name, Sink sink) {
        this.settings = settings;
        this.name = name;
        this.sink = sink;
    }

    /** A frame of the receiver in ES mode. */
    public void frame(MediaFrame frame) {
        if (frame.streamType() == MediaStreamType.VIDEO) {
            video(frame.codec(), frame.payload(), frame.damaged() ? null : frame.nalUnits(), frame.pts(), frame.dts(),
                    frame.rtpTimestamp(), frame.keyFrame());
        } else if (frame.streamType() == MediaStreamType.AUDIO) {
            audio(frame.codec(), frame.payload(), frame.pts(), frame.rtpTimestamp());
        }
    }

    /**
     * One Annex B access unit.
     *
     * @param accessUnit handed over: the muxer keeps a reference until the fragment is written
     */
    public void video(MediaCodec codec, byte[] accessUnit, long pts, long dts, long rtpTimestamp, boolean keyFrame) {
        video(codec, accessUnit, null, pts, dts, rtpTimestamp, keyFrame);
    }

    /**
     * One Annex B access unit whose NAL unit headers were located already.
     *
     * @param nalUnits where each NAL unit header is in {@code accessUnit}, in order ({@link MediaFrame#nalUnits()});
     *                 {@code null} to search the access unit
     */
    public void video(MediaCodec codec, byte[] accessUnit, int[] nalUnits, long pts, long dts, long rtpTimestamp,
                      boolean keyFrame) {
        if (codec != MediaCodec.H264 && codec != MediaCodec.H265) {
            skippedFrames++;
            if (!warnedVideoCodec) {
                warnedVideoCodec = true;
                LOG.warn("Stream {}: {} video cannot go into MP4 here (H.264 and H.265 can); no MP4 is made", name,
                        codec);
            }
            return;
        }
        boolean h265 = codec == MediaCodec.H265;
        if (nalUnits != null) {
            nals.headers(accessUnit, nalUnits, accessUnit.length);
        } else {
            nals.scan(accessUnit, 0, accessUnit.length);
        }
        if (codec != videoCodec) {
            parameterSets.clear();
        }
        parameterSets.update(h265, accessUnit, nals);
        boolean restart = videoConfig == null || codec != videoCodec || keyFrame && parameterSets.changed();
        VideoConfig config = null;
        if (restart) {
            config = keyFrame ? configure(codec) : null;
            if (config == null && (videoConfig == null || codec != videoCodec)) {
                skippedFrames++;
                return;
            }
            restart = config != null; // else the configuration in use stays
        }
        long time = clock.video(pts, dts, rtpTimestamp);
        if (restart) {
            if (videoConfig != null) {
                closeFragment(time);
            }
            videoCodec = codec;
            videoConfig = config;
            parameterSets.taken();
            startInit(time);
            replayEarlyAudio();
        } else if (!video.isEmpty() && (keyFrame && settings.fragment() == FragmentMode.GOP
                                        || time - video.time(0) >= MAX_FRAGMENT_TICKS)) {
            closeFragment(time);
        }
        video.begin(time, 0, MediaClock.compositionOffset(pts, dts), keyFrame);
        for (int i = 0; i < nals.count(); i++) {
            int start = nals.start(i);
            if (!isDropped(h265, accessUnit[start])) {
                video.chunk(accessUnit, start, nals.end(i) - start);
            }
        }
        video.dropIfEmpty();
        videoFrames++;
        if (holding && (audioSeen || time >= holdUntil)) {
            sendInit();
        }
        if (!holding && settings.fragment() == FragmentMode.FRAME) {
            closeFragment(-1);
        }
    }

    /**
     * One audio PES payload: ADTS frames for AAC, samples for G.711.
     *
     * @param payload handed over, as for video
     */
    public void audio(MediaCodec codec, byte[] payload, long pts, long rtpTimestamp) {
        audioSeen = true;
        AudioConfig config = audioConfigOf(codec, payload);
        if (config == null) {
            droppedAudio++;
            return;
        }
        if (audioConfig == null) {
            if (initSent) {
                dropAudio("first seen after the init segment, which declared no audio track");
                return;
            }
            audioConfig = config;
        } else if (!audioConfig.equals(config)) {
            dropAudio("not the " + audioConfig.codec() + " " + audioConfig.sampleRate() + " Hz of the audio track");
            return;
        }
        if (videoConfig == null) {
            if (earlyAudio.size() == EARLY_AUDIO) {
                earlyAudio.removeFirst();
                droppedAudio++;
            }
            earlyAudio.addLast(new EarlyAudio(codec, payload, pts, rtpTimestamp));
            return;
        }
        int rate = config.sampleRate();
        long at = clock.audio(pts, rtpTimestamp);
        long time = at == MediaFrame.NO_TIMESTAMP ? nextAudioTime : at * rate / MediaClock.TICKS;
        if (nextAudioTime >= 0 && time < nextAudioTime + rate / 10) {
            time = nextAudioTime; // contiguous with the frame before: jitter and rounding are not gaps
        }
        if (time < 0) {
            droppedAudio++;
            return;
        }
        if (config.isAac()) {
            int pos = 0;
            while (Adts.isHeader(payload, pos, payload.length)) {
                int length = Adts.frameLength(payload, pos);
                int header = Adts.headerLength(payload, pos);
                if (length <= header || pos + length > payload.length) {
                    break;
                }
                audio.begin(time, Adts.SAMPLES_PER_FRAME, 0, true);
                audio.chunk(payload, pos + header, length - header);
                time += Adts.SAMPLES_PER_FRAME;
                audioFrames++;
                pos += length;
            }
        } else if (payload.length > 0) {
            audio.begin(time, payload.length, 0, true);
            audio.chunk(payload, 0, payload.length);
            time += payload.length;
            audioFrames++;
        }
        nextAudioTime = time;
    }

    private void replayEarlyAudio() {
        EarlyAudio a;
        while ((a = earlyAudio.pollFirst()) != null) {
            audio(a.codec, a.payload, a.pts, a.rtpTimestamp);
        }
    }

    private record EarlyAudio(MediaCodec codec, byte[] payload, long pts, long rtpTimestamp) {
    }

    /** The stream ended: the fragment in progress goes out. */
    public void finish() {
        closeFragment(-1);
    }

    private VideoConfig configure(MediaCodec codec) {
        try {
            return VideoConfig.of(codec, parameterSets.get(ParameterSets.VPS), parameterSets.get(ParameterSets.SPS),
                    parameterSets.get(ParameterSets.PPS));
        } catch (IllegalArgumentException e) {
            parameterSets.clear();
            LOG.debug("Stream {}: unusable parameter sets ({}); waiting for the next key frame", name, e.getMessage());
            return null;
        }
    }

    private static boolean isDropped(boolean h265, byte header) {
        if (h265) {
            int type = (header >> 1) & 0x3F;
            return type >= 32 && type <= 35 || type == 38; // parameter sets, delimiter, filler
        }
        int type = header & 0x1F;
        return type == 7 || type == 8 || type == 9 || type == 12;
    }

    private AudioConfig audioConfigOf(MediaCodec codec, byte[] payload) {
        if (settings.audio() == AudioPolicy.NONE) {
            return null;
        }
        if (codec == MediaCodec.AAC || codec == MediaCodec.UNKNOWN && Adts.isHeader(payload, 0, payload.length)) {
            return Adts.isHeader(payload, 0, payload.length) ? Adts.config(payload, 0) : null;
        }
        if ((codec == MediaCodec.G711A || codec == MediaCodec.G711U) && settings.audio() == AudioPolicy.ALL) {
            return AudioConfig.g711(codec);
        }
        return null;
    }

    private void dropAudio(String why) {
        droppedAudio++;
        if (!warnedAudio) {
            warnedAudio = true;
            LOG.info("Stream {}: audio left out of the MP4: {}", name, why);
        }
    }

    /** The video configuration is decided: the init segment goes out now, or when audio has had its chance. */
    private void startInit(long time) {
        tracks = new Fmp4Tracks(videoConfig.codec(), videoConfig.width(), videoConfig.height(),
                videoConfig.codecString(), null, null);
        if (initSent || settings.audio() == AudioPolicy.NONE || audioSeen) {
            sendInit();
        } else {
            holding = true;
            holdUntil = time + settings.audioWaitMillis() * MediaClock.TICKS / 1000;
        }
    }

    private void sendInit() {
        holding = false;
        initSent = true;
        tracks = new Fmp4Tracks(videoConfig.codec(), videoConfig.width(), videoConfig.height(),
                videoConfig.codecString(), audioConfig != null ? audioConfig.codec() : null,
                audioConfig != null ? audioConfig.codecString() : null);
        byte[] data = InitSegmentWriter.write(boxes, videoConfig, audioConfig, durationOffset);
        sink.segment(new Fmp4Segment(Fmp4Segment.Type.INIT, data, 0, false, 0, 0, 0, 0, tracks, durationOffset[0]));
    }

    /** @param nextVideoTime the decode time of the video frame after the fragment, or -1 when not known */
    private void closeFragment(long nextVideoTime) {
        if (video.isEmpty() && audio.isEmpty()) {
            return;
        }
        if (!initSent) {
            if (videoConfig == null) {
                audio.clear();
                return;
            }
            sendInit();
        }
        video.closeDurations(nextVideoTime, clock.interval());
        boolean key = !video.isEmpty() && video.flags(0) == SampleRun.SYNC;
        long start;
        long duration;
        if (!video.isEmpty()) {
            start = video.time(0) / 90;
            duration = video.totalDuration() / 90;
        } else {
            start = audio.time(0) * 1000 / audioConfig.sampleRate();
            duration = audio.totalDuration() * 1000 / audioConfig.sampleRate();
        }
        byte[] data = FragmentWriter.write(boxes, ++sequence, video, audio);
        Fmp4Segment segment = new Fmp4Segment(Fmp4Segment.Type.FRAGMENT, data, sequence, key, start, duration,
                video.count(), audio.count(), tracks, -1);
        video.clear();
        audio.clear();
        fragments++;
        sink.segment(segment);
    }

    /** The tracks of the current init segment, or {@code null} before the first. */
    public Fmp4Tracks tracks() {
        return initSent ? tracks : null;
    }

    public long videoFrames() {
        return videoFrames;
    }

    public long audioFrames() {
        return audioFrames;
    }

    /** Video frames skipped: before the first key frame, or of a codec MP4 cannot carry here. */
    public long skippedFrames() {
        return skippedFrames;
    }

    /** Audio frames left out: by the audio policy, before the video started, or of a codec without a track. */
    public long droppedAudio() {
        return droppedAudio;
    }

    public long fragments() {
        return fragments;
    }
}
