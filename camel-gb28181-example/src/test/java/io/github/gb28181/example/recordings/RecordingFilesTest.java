package io.github.gb28181.example.recordings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.media.mp4.AudioPolicy;
import io.github.gb28181.camel.media.mp4.Fmp4Settings;
import io.github.gb28181.camel.media.mp4.FragmentMode;
import io.github.gb28181.camel.media.mp4.Mp4Files;
import io.github.gb28181.example.streams.StreamView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recordings folder as the REST API sees it: only names the platform gives are served, durations come from the
 * files, a recording cut short lists what it can play, and deleting the last part takes its description along.
 */
class RecordingFilesTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void listsRecordingsWithTheirDurationAndChannelAndServesNothingElse() throws Exception {
        RecordingFiles recordings = new RecordingFiles(dir, json);
        Path file = Mp4Files.write(dir, "abcd2345.mp4", Mp4Files.mux(Mp4Files.framesOfSample(Samples.H264_GST_PSM),
                Fmp4Settings.of(FragmentMode.GOP, AudioPolicy.ALL)));
        recordings.describe(new StreamView("abcd2345", "call", "dev", "ch", "0100000001", "LIVE", "UDP", "ENDED",
                Instant.parse("2024-05-04T06:43:16Z"), 100, 0, 0, "H264", file.toString(), "abcd2345.mp4", 0, 0, 0,
                null));
        // a recording cut in the middle of its last fragment, without a description
        byte[] whole = Files.readAllBytes(file);
        Files.write(dir.resolve("zzzz2345.mp4"), Arrays.copyOf(whole, whole.length - 100));
        Files.writeString(dir.resolve("notes.txt"), "not a recording");
        Files.writeString(dir.resolve("ABCD.mp4"), "not a name the platform gives");

        List<Recording> list = recordings.list(streamId -> streamId.equals("zzzz2345"));
        assertThat(list).extracting(Recording::name).containsExactly("zzzz2345.mp4", "abcd2345.mp4");
        Recording described = list.get(1);
        assertThat(described.durationMillis()).isEqualTo(4000);
        assertThat(described.channelId()).isEqualTo("ch");
        assertThat(described.kind()).isEqualTo("LIVE");
        assertThat(described.startedAt()).isEqualTo(Instant.parse("2024-05-04T06:43:16Z"));
        assertThat(described.videoCodec()).isEqualTo("avc1");
        assertThat(described.open()).isFalse();
        Recording cut = list.get(0);
        assertThat(cut.durationMillis()).isEqualTo(3000); // the last GOP is incomplete
        assertThat(cut.open()).isTrue();

        assertThat(recordings.file("../abcd2345.mp4")).isEmpty();
        assertThat(recordings.file("abcd2345.mp4/..")).isEmpty();
        assertThat(recordings.file("ABCD.mp4")).isEmpty();
        assertThat(recordings.file("notes.txt")).isEmpty();
        assertThat(recordings.file("abcd2345.mp4")).contains(file);

        assertThat(recordings.delete("abcd2345.mp4")).isTrue();
        assertThat(dir.resolve("abcd2345.json")).doesNotExist();
        assertThat(recordings.delete("abcd2345.mp4")).isFalse();
    }
}
