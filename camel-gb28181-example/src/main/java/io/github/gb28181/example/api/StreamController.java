package io.github.gb28181.example.api;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import io.github.gb28181.camel.Gb28181Constants;
import io.github.gb28181.example.streams.StreamFiles;
import io.github.gb28181.example.streams.StreamJournal;
import io.github.gb28181.example.streams.StreamRecording;
import io.github.gb28181.example.streams.StreamService;
import io.github.gb28181.example.streams.StreamView;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The open streams with their figures, and what can be done to them. A stream is named by the streamId play and
 * playback returned, or by its Call-ID.
 */
@RestController
@RequestMapping("/api/streams")
public class StreamController {

    /** {"scale":2.0}: 0.25 to 8, negative plays backwards. */
    public record SpeedRequest(Double scale) {
    }

    /** {"seconds":120}: from the start of the requested range. */
    public record SeekRequest(Long seconds) {
    }

    private final StreamFiles files;
    private final StreamService streams;
    private final StreamJournal journal;

    public StreamController(StreamFiles files, StreamService streams, StreamJournal journal) {
        this.files = files;
        this.streams = streams;
        this.journal = journal;
    }

    /** The open streams, then those a crash cut (state INTERRUPTED), whose files are as the crash left them. */
    @GetMapping
    public Collection<StreamView> streams() {
        return Stream.concat(journal.interrupted().stream(), files.streams().stream().map(StreamRecording::view))
                .toList();
    }

    @PostMapping("/{streamId}/pause")
    public CompletableFuture<StreamView> pause(@PathVariable String streamId) {
        return streams.control(streamId, "pause", Map.of());
    }

    @PostMapping("/{streamId}/resume")
    public CompletableFuture<StreamView> resume(@PathVariable String streamId) {
        return streams.control(streamId, "resume", Map.of());
    }

    @PostMapping("/{streamId}/speed")
    public CompletableFuture<StreamView> speed(@PathVariable String streamId, @RequestBody SpeedRequest request) {
        if (request.scale() == null) {
            throw new IllegalArgumentException("scale is required, for example {\"scale\":2.0}");
        }
        return streams.control(streamId, "speed", Map.of(Gb28181Constants.SCALE, request.scale()));
    }

    @PostMapping("/{streamId}/seek")
    public CompletableFuture<StreamView> seek(@PathVariable String streamId, @RequestBody SeekRequest request) {
        if (request.seconds() == null) {
            throw new IllegalArgumentException("seconds is required, for example {\"seconds\":120}");
        }
        return streams.control(streamId, "seek", Map.of(Gb28181Constants.POSITION, request.seconds()));
    }

    /** BYE to the device; the answer is the stream's final figures. */
    @DeleteMapping("/{streamId}")
    public CompletableFuture<StreamView> stop(@PathVariable String streamId) {
        return streams.stop(streamId);
    }
}
