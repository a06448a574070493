package io.github.gb28181.example.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One requested stream being written to its file, with the figures {@code GET /api/streams} shows. Frames of one
 * SSRC arrive in order on one media thread; the REST side reads the figures and closes the file, hence the locks.
 */
public final class StreamRecording {

    private final String streamId;
    private final String sessionId;
    private final Instant startedAt;
    private volatile String deviceId;
    private volatile String channelId;
    private volatile String ssrc;
    private volatile String kind;
    private volatile String transport;
    private volatile String state = "ACTIVE";
    private volatile String codec;
    private volatile Path file;
    private FileChannel out;
    private long frames;
    private long bytes;
    private long lostPackets;
    private boolean closed;

    StreamRecording(String streamId, String sessionId, Instant startedAt) {
        this.streamId = streamId;
        this.sessionId = sessionId;
        this.startedAt = startedAt;
    }

    public String streamId() {
        return streamId;
    }

    public String sessionId() {
        return sessionId;
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

    /** Where the frames go; ES mode knows it only when the first frame names the codec. */
    synchronized void file(Path file) {
        if (this.file == null) {
            this.file = file;
        }
    }

    synchronized Path file() {
        return file;
    }

    /** Appends one frame; false when the recording was closed meanwhile. */
    synchronized boolean append(byte[] frame, String codec, Long lost) {
        if (closed) {
            return false;
        }
        try {
            if (out == null) {
                Files.createDirectories(file.getParent());
                out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            }
            ByteBuffer buffer = ByteBuffer.wrap(frame);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write stream " + streamId + " to " + file, e);
        }
        frames++;
        bytes += frame.length;
        if (codec != null) {
            this.codec = codec;
        }
        if (lost != null) {
            lostPackets = lost;
        }
        return true;
    }

    synchronized void close() {
        closed = true;
        state = "ENDED";
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // the data written is on disk already; nothing more to save
            }
            out = null;
        }
    }

    public synchronized StreamView view() {
        return new StreamView(streamId, sessionId, deviceId, channelId, ssrc, kind, transport, state, startedAt,
                frames, bytes, lostPackets, codec, file == null ? null : file.toAbsolutePath().normalize().toString());
    }
}
