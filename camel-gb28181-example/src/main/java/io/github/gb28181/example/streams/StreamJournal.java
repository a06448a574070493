package io.github.gb28181.example.streams;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gb28181.camel.media.mp4.Mp4FileReader;
import io.github.gb28181.camel.media.mp4.Mp4FileSummary;
import io.github.gb28181.example.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Remembers on disk which streams are being recorded ({@code <streamId>.open.json} beside the file), so that a
 * stream cut by a crash is not forgotten: at the next start its marker becomes {@code <streamId>.interrupted.json}
 * and {@code GET /api/streams} lists it with state INTERRUPTED, its MP4 recording as the crash left it (its
 * fragments up to the crash play). A stream that closes, however it closes, loses its marker.
 */
@Component
public class StreamJournal {

    public static final String INTERRUPTED = "INTERRUPTED";
    private static final Logger LOG = LoggerFactory.getLogger(StreamJournal.class);
    private static final String OPEN = ".open.json";
    private static final String CUT = ".interrupted.json";

    private final Path directory;
    private final ObjectMapper json;
    private final List<StreamView> interrupted = new ArrayList<>();

    public StreamJournal(PlatformProperties properties, ObjectMapper json, StreamFiles files) {
        this.directory = properties.streamsDir();
        this.json = json;
        recover();
        files.onClose(recording -> closed(recording.streamId()));
    }

    /** A stream the platform asked for has begun. */
    public void opened(StreamView view) {
        try {
            Files.createDirectories(directory);
            json.writeValue(directory.resolve(view.streamId() + OPEN).toFile(), view);
        } catch (IOException e) {
            LOG.warn("Cannot note stream {} as open: {}", view.streamId(), e.getMessage());
        }
    }

    /** It ended, however: its file is complete. */
    public void closed(String streamId) {
        try {
            Files.deleteIfExists(directory.resolve(streamId + OPEN));
        } catch (IOException e) {
            LOG.warn("Cannot note stream {} as closed: {}", streamId, e.getMessage());
        }
    }

    /** Streams a crash cut, oldest first. */
    public synchronized List<StreamView> interrupted() {
        return List.copyOf(interrupted);
    }

    private synchronized void recover() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> markers = Files.newDirectoryStream(directory, "*{" + OPEN + "," + CUT + "}")) {
            for (Path marker : markers) {
                StreamView view = json.readValue(marker.toFile(), StreamView.class);
                if (marker.getFileName().toString().endsWith(OPEN)) {
                    Files.move(marker, directory.resolve(view.streamId() + CUT));
                    LOG.warn("Stream {} ({} of channel {}) was cut by a crash; its file {} is marked interrupted",
                            view.streamId(), view.kind(), view.channelId(), view.file());
                }
                interrupted.add(asCut(view));
            }
        } catch (IOException e) {
            LOG.warn("Cannot read the stream markers in {}: {}", directory, e.getMessage());
        }
        interrupted.sort(Comparator.comparing(StreamView::startedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /** The stream as the crash left it: what its recording holds now, nobody watching. */
    private static StreamView asCut(StreamView view) {
        long recordedBytes = view.recordedBytes();
        long durationMillis = view.durationMillis();
        Path file = view.file() != null ? Path.of(view.file()) : null;
        if (file != null && Files.isRegularFile(file)) {
            try {
                Mp4FileSummary summary = Mp4FileReader.read(file);
                recordedBytes = summary.bytes();
                durationMillis = summary.durationMillis();
            } catch (IOException e) {
                LOG.debug("Recording {} of an interrupted stream unreadable: {}", file, e.getMessage());
            }
        }
        return new StreamView(view.streamId(), view.callId(), view.deviceId(), view.channelId(), view.ssrc(),
                view.kind(), view.transport(), INTERRUPTED, view.startedAt(), view.frames(), view.bytes(),
                view.lostPackets(), view.codec(), view.file(), view.recording(), recordedBytes, durationMillis, 0,
                view.mimeType());
    }
}
