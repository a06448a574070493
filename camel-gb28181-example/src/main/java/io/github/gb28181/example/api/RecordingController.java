package io.github.gb28181.example.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;

import io.github.gb28181.example.recordings.Recording;
import io.github.gb28181.example.recordings.RecordingFiles;
import io.github.gb28181.example.streams.StreamFiles;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The MP4 recordings of every stream: listed with duration and size, served for playing in the page (with Range
 * requests, so the player can seek) or for download, deleted when no longer recording.
 */
@RestController
@RequestMapping("/api/recordings")
public class RecordingController {

    private static final MediaType MP4 = MediaType.parseMediaType("video/mp4");

    private final RecordingFiles recordings;
    private final StreamFiles streams;

    public RecordingController(RecordingFiles recordings, StreamFiles streams) {
        this.recordings = recordings;
        this.streams = streams;
    }

    @GetMapping
    public List<Recording> list() {
        return recordings.list(this::open);
    }

    @GetMapping("/{name}/info")
    public Recording info(@PathVariable String name) {
        return recordings.find(name, this::open).orElseThrow(() -> noSuch(name));
    }

    /** The file; {@code ?download=true} asks the browser to save it. */
    @GetMapping("/{name}")
    public ResponseEntity<Resource> file(@PathVariable String name,
                                         @RequestParam(defaultValue = "false") boolean download) {
        Path file = recordings.file(name).orElseThrow(() -> noSuch(name));
        ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(name).build();
        return ResponseEntity.ok().contentType(MP4).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(new FileSystemResource(file));
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String name) throws IOException {
        if (recordings.file(name).isPresent() && open(RecordingFiles.streamIdOf(name))) {
            throw new IllegalStateException("Stream " + RecordingFiles.streamIdOf(name)
                                            + " is still being recorded: stop it first");
        }
        if (!recordings.delete(name)) {
            throw noSuch(name);
        }
    }

    private boolean open(String streamId) {
        return streams.find(streamId).isPresent();
    }

    private static NoSuchElementException noSuch(String name) {
        return new NoSuchElementException("No recording " + name);
    }
}
