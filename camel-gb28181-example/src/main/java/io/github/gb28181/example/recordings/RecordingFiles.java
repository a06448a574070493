package io.github.gb28181.example.recordings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gb28181.camel.media.mp4.Mp4FileReader;
import io.github.gb28181.camel.media.mp4.Mp4FileSummary;
import io.github.gb28181.example.PlatformProperties;
import io.github.gb28181.example.streams.StreamView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The MP4 recordings on disk: each {@code <streamId>.mp4} (and {@code <streamId>-2.mp4} ... when the camera changed
 * its picture size mid-stream) with a {@code <streamId>.json} beside it saying which channel it shows. Durations are
 * read from the files' fragments, so a recording cut by a crash lists what it can play.
 */
@Component
public class RecordingFiles {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingFiles.class);
    /** Only names the platform gives: nothing else under the folder is served. */
    private static final Pattern NAME = Pattern.compile("([a-z0-9]{8})(-[0-9]{1,4})?\\.mp4");

    private final Path directory;
    private final ObjectMapper json;
    private final Map<Path, Cached> summaries = new ConcurrentHashMap<>();

    private record Cached(long size, Instant modified, Mp4FileSummary summary) {
    }

    /** What the JSON beside a recording says. */
    record Description(String streamId, String channelId, String deviceId, String kind, Instant startedAt,
                       String state) {
    }

    @Autowired
    public RecordingFiles(PlatformProperties properties, ObjectMapper json) {
        this(properties.streamsDir(), json);
    }

    RecordingFiles(Path directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
    }

    /** Writes (again) which channel a stream's recording shows. */
    public void describe(StreamView stream) {
        Description d = new Description(stream.streamId(), stream.channelId(), stream.deviceId(), stream.kind(),
                stream.startedAt(), stream.state());
        try {
            Files.createDirectories(directory);
            json.writeValue(directory.resolve(stream.streamId() + ".json").toFile(), d);
        } catch (IOException e) {
            LOG.warn("Cannot describe recording {}: {}", stream.streamId(), e.getMessage());
        }
    }

    public boolean exists(String streamId) {
        return Files.exists(directory.resolve(streamId + ".mp4")) || Files.exists(directory.resolve(streamId + ".json"));
    }

    /** Every recording, newest first; {@code open} tells the streams still being recorded. */
    public List<Recording> list(Predicate<String> open) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .map(p -> recording(p, open)).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(Recording::startedAt).reversed().thenComparing(Recording::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of a recording named as {@link #list()} names it. */
    public Optional<Path> file(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = directory.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public Optional<Recording> find(String name, Predicate<String> open) {
        return file(name).flatMap(p -> recording(p, open));
    }

    /** Deletes a recording (and its description once no part is left). */
    public boolean delete(String name) throws IOException {
        Optional<Path> file = file(name);
        if (file.isEmpty()) {
            return false;
        }
        Files.delete(file.get());
        summaries.remove(file.get());
        String streamId = streamIdOf(name);
        try (Stream<Path> left = Files.list(directory)) {
            if (left.noneMatch(p -> p.getFileName().toString().startsWith(streamId) && p.toString().endsWith(".mp4"))) {
                Files.deleteIfExists(directory.resolve(streamId + ".json"));
            }
        }
        return true;
    }

    public static String streamIdOf(String name) {
        var m = NAME.matcher(name);
        return m.matches() ? m.group(1) : name;
    }

    private Optional<Recording> recording(Path file, Predicate<String> open) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Instant modified = attributes.lastModifiedTime().toInstant();
            Cached cached = summaries.get(file);
            if (cached == null || cached.size != attributes.size() || !cached.modified.equals(modified)) {
                cached = new Cached(attributes.size(), modified, Mp4FileReader.read(file));
                summaries.put(file, cached);
            }
            String name = file.getFileName().toString();
            String streamId = streamIdOf(name);
            Description d = description(streamId);
            Mp4FileSummary s = cached.summary;
            return Optional.of(new Recording(name, streamId, d != null ? d.channelId() : null,
                    d != null ? d.deviceId() : null, d != null ? d.kind() : null,
                    d != null && d.startedAt() != null ? d.startedAt() : modified, s.bytes(), s.durationMillis(),
                    s.videoCodec(), s.audioCodec(), open.test(streamId)));
        } catch (IOException e) {
            LOG.debug("Recording {} unreadable: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private Description description(String streamId) {
        Path path = directory.resolve(streamId + ".json");
        if (!Files.isRegularFile(path)) {
            return null;
        }
        try {
            return json.readValue(path.toFile(), Description.class);
        } catch (IOException e) {
            return null;
        }
    }
}
