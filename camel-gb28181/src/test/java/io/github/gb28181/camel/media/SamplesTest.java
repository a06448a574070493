package io.github.gb28181.camel.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The counts in samples.properties are what ffprobe says about the committed samples. */
class SamplesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {Samples.H264_FFMPEG_E2, Samples.H264_FFMPEG_MPEG1, Samples.H265_FFMPEG_E0,
        Samples.H264_GST_PSM, Samples.H264_AAC_GST_PSM, Samples.H264_AUD, Samples.H265_AUD})
    void countsAreFfprobes(String sample) throws IOException {
        Path file = dir.resolve(sample);
        Files.write(file, Samples.bytes(sample));
        String format = sample.endsWith(".ps") ? "mpeg" : sample.endsWith(".h264") ? "h264" : "hevc";
        assertThat(Ffprobe.videoFrames(file, format)).isEqualTo(Samples.videoFrames(sample));
        assertThat(Ffprobe.keyFrames(file, format)).isEqualTo(Samples.keyFrames(sample));
        if (sample.contains("aac")) {
            assertThat(Ffprobe.audioFrames(file, format)).isEqualTo(Samples.audioFrames(sample));
        }
    }
}
