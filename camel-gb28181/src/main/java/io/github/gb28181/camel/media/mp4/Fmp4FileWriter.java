package io.github.gb28181.camel.media.mp4;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Writes a muxer's segments to a file as they come, so a crash leaves a file that plays up to its last complete
 * fragment. When the stream ends, {@link #close()} writes the duration into the init segment's mehd, so players
 * know it without reading every fragment. Segments are written to the operating system at once, not forced to disk:
 * a killed process loses nothing, a power cut may lose what the page cache held.
 * <p>
 * A new init segment that differs from the file's (the camera changed resolution or codec) cannot follow in the same
 * file: the writer goes on in a new one, {@code name-2.mp4}, {@code name-3.mp4} and so on.
 */
public final class Fmp4FileWriter implements Fmp4Muxer.Sink, Closeable {

    private final Path first;
    private Path file;
    private int part = 1;
    private FileChannel channel;
    private byte[] init;
    private long initPosition;
    private int durationOffset = -1;
    private long durationMillis;
    private long bytes;
    private boolean closed;

    /** @param file where the first part goes; created with its folder at the first segment */
    public Fmp4FileWriter(Path file) {
        this.first = file;
        this.file = file;
    }

    @Override
    public synchronized void segment(Fmp4Segment segment) {
        if (closed) {
            return;
        }
        try {
            if (segment.isInit()) {
                if (init != null && Arrays.equals(init, segment.data())) {
                    return;
                }
                if (init != null) {
                    finishPart();
                    part++;
                    file = partPath(first, part);
                }
                open();
                init = segment.data();
                initPosition = channel.position();
                durationOffset = segment.durationOffset();
            } else if (channel == null) {
                return; // a fragment before any init segment cannot be played
            } else {
                durationMillis = Math.max(durationMillis, segment.startMillis() + segment.durationMillis());
            }
            write(segment.data());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Fills in the duration and closes the file; segments after this are ignored. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            finishPart();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot finish " + file, e);
        }
    }

    /** The file being written (the latest part). */
    public synchronized Path file() {
        return file;
    }

    /** Bytes written, over every part. */
    public synchronized long bytes() {
        return bytes;
    }

    /** The end of the latest fragment written, in milliseconds of the current part's timeline. */
    public synchronized long durationMillis() {
        return durationMillis;
    }

    /** {@code name.mp4}, {@code name-2.mp4}, ... */
    static Path partPath(Path first, int part) {
        if (part == 1) {
            return first;
        }
        String name = first.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        return first.resolveSibling(stem + "-" + part + extension);
    }

    private void open() throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        durationMillis = 0;
    }

    private void write(byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        bytes += data.length;
    }

    private void finishPart() throws IOException {
        if (channel == null) {
            return;
        }
        try {
            if (durationOffset >= 0 && durationMillis > 0) {
                try (FileChannel patch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    patch.write(ByteBuffer.allocate(8).putLong(0, durationMillis), initPosition + durationOffset);
                }
            }
        } finally {
            channel.close();
            channel = null;
        }
    }
}
