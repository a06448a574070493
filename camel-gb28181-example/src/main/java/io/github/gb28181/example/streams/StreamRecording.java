package io.github.gb28181.example.streams;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.MediaStreamType;
import io.github.gb28181.camel.media.mp4.AudioPolicy;
import io.github.gb28181.camel.media.mp4.Fmp4FanOut;
import io.github.gb28181.camel.media.mp4.Fmp4FileWriter;
import io.github.gb28181.camel.media.mp4.Fmp4Muxer;
import io.github.gb28181.camel.media.mp4.Fmp4Settings;
import io.github.gb28181.camel.media.mp4.Fmp4Tracks;
import io.github.gb28181.camel.media.mp4.FragmentMode;

/**
 * One requested stream: its figures for {@code GET /api/streams}, its recording and its live viewers. Every frame
 * goes through two muxers: one cuts a fragment per GOP into the recording, with every audio codec MP4 files carry
 * (G.711 included); the other a fragment per frame for the browsers watching, with the audio they play (AAC) and
 * nothing else. Frames of one SSRC arrive in order on one media thread; viewers come and go and the REST side closes
 * the stream from other threads, hence the lock.
 */
public final class StreamRecording {

    /** Told when the stream ends, so a page watching it can say so. */
    public interface Watcher extends Fmp4FanOut.Viewer {
        void ended(String reason);
    }

    /** How much of the current GOP the live fan-out keeps for viewers who join late. */
    private static final long KEPT_FOR_LATE_VIEWERS = 16L * 1024 * 1024;

    private final String streamId;
    private final String sessionId;
    private final Instant startedAt;
    private final Fmp4FileWriter recording;
    private final Fmp4Muxer fileMuxer;
    private final Fmp4Muxer liveMuxer;
    private final Fmp4FanOut live = new Fmp4FanOut(KEPT_FOR_LATE_VIEWERS);
    private final Set<Watcher> watchers = new CopyOnWriteArraySet<>();
    private volatile String deviceId;
    private volatile String channelId;
    private volatile String ssrc;
    private volatile String kind;
    private volatile String transport;
    private volatile String state = "ACTIVE";
    private volatile String codec;
    private volatile boolean onDemand;
    private long frames;
    private long bytes;
    private long lostPackets;
    private boolean closed;

    StreamRecording(String streamId, String sessionId, Instant startedAt, Path file) {
        this.streamId = streamId;
        this.sessionId = sessionId;
        this.startedAt = startedAt;
        this.recording = new Fmp4FileWriter(file);
        this.fileMuxer = new Fmp4Muxer(Fmp4Settings.of(FragmentMode.GOP, AudioPolicy.ALL), streamId, recording);
        this.liveMuxer = new Fmp4Muxer(Fmp4Settings.of(FragmentMode.FRAME, AudioPolicy.AAC), streamId, live::publish);
    }

    public String streamId() {
        return streamId;
    }

    public String sessionId() {
        return sessionId;
    }

    public String channelId() {
        return channelId;
    }

    public String kind() {
        return kind;
    }

    void describe(String deviceId, String channelId, String ssrc, String kind, String transport) {
        this.deviceId = deviceId != null ? deviceId : this.deviceId;
        this.channelId = channelId != null ? channelId : this.channelId;
        this.ssrc = ssrc != null ? ssrc : this.ssrc;
        this.kind = kind != null ? kind : this.kind;
        this.transport = transport != null ? transport : this.transport;
    }

    void state(String state) {
        this.state = state;
    }

    /** Opened for the page's live view, so hung up when nobody watches any more. */
    public boolean onDemand() {
        return onDemand;
    }

    public void onDemand(boolean onDemand) {
        this.onDemand = onDemand;
    }

    /** One elementary-stream frame; false when the stream was closed meanwhile. */
    synchronized boolean frame(byte[] payload, MediaCodec frameCodec, MediaStreamType type, long pts, long dts,
                               long rtpTimestamp, boolean keyFrame, Long lost) {
        if (closed) {
            return false;
        }
        if (type == MediaStreamType.VIDEO) {
            fileMuxer.video(frameCodec, payload, pts, dts, rtpTimestamp, keyFrame);
            liveMuxer.video(frameCodec, payload, pts, dts, rtpTimestamp, keyFrame);
            codec = frameCodec.name();
            frames++;
        } else {
            fileMuxer.audio(frameCodec, payload, pts, rtpTimestamp);
            liveMuxer.audio(frameCodec, payload, pts, rtpTimestamp);
        }
        bytes += payload.length;
        if (lost != null) {
            lostPackets = lost;
        }
        return true;
    }

    /** Adds a viewer: the init segment and the fragments since the last key frame go to it at once. */
    public boolean watch(Watcher watcher) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            watchers.add(watcher);
        }
        live.subscribe(watcher);
        return true;
    }

    public void unwatch(Watcher watcher) {
        watchers.remove(watcher);
        live.unsubscribe(watcher);
    }

    public int viewers() {
        return live.viewers();
    }

    /** The tracks the recording declares (G.711 included), or {@code null} before the first key frame. */
    public Fmp4Tracks recordedTracks() {
        return fileMuxer.tracks();
    }

    /** The tracks viewers get, or {@code null} before the first key frame. */
    public Fmp4Tracks liveTracks() {
        return live.tracks();
    }

    public Path file() {
        return recording.file();
    }

    synchronized void close(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        state = "ENDED";
        try {
            fileMuxer.finish();
            liveMuxer.finish();
        } finally {
            recording.close();
        }
        for (Watcher w : watchers) {
            live.unsubscribe(w);
            w.ended(reason);
        }
        watchers.clear();
    }

    public synchronized StreamView view() {
        Fmp4Tracks live = liveTracks();
        return new StreamView(streamId, sessionId, deviceId, channelId, ssrc, kind, transport, state, startedAt,
                frames, bytes, lostPackets, codec, recording.file().toAbsolutePath().normalize().toString(),
                recording.file().getFileName().toString(), recording.bytes(), recording.durationMillis(), viewers(),
                live != null ? live.mimeType() : null);
    }
}
