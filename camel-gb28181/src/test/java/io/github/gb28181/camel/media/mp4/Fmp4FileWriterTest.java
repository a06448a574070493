package io.github.gb28181.camel.media.mp4;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.gb28181.camel.media.Ffprobe;
import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recording files: segments written as they come, the duration filled in at the end, and a new file when the
 * stream's tracks change.
 */
class Fmp4FileWriterTest {

    @TempDir
    Path dir;

    @Test
    void closingFillsInTheDuration() throws Exception {
        Path file = dir.resolve("rec").resolve("camera.mp4");
        Fmp4FileWriter writer = new Fmp4FileWriter(file);
        Fmp4Muxer muxer = new Fmp4Muxer(Fmp4Settings.of(FragmentMode.GOP, AudioPolicy.ALL), "test", writer);
        Mp4Files.framesOfSample(Samples.H264_AAC_GST_PSM).forEach(muxer::frame);
        muxer.finish();
        assertThat(mehd(file)).as("unknown while recording").isZero();

        writer.close();
        assertThat(mehd(file)).isEqualTo(3000);
        assertThat(writer.bytes()).isEqualTo(Files.size(file));
        assertThat(Ffprobe.videoFrames(file, "mp4")).isEqualTo(Samples.videoFrames(Samples.H264_AAC_GST_PSM));
        assertThat(Ffprobe.audioFrames(file, "mp4")).isEqualTo(Samples.audioFrames(Samples.H264_AAC_GST_PSM));
    }

    @Test
    void newTracksGoToTheNextPart() throws Exception {
        List<MediaFrame> frames = new ArrayList<>(Mp4Files.framesOfSample(Samples.H264_GST_PSM));
        frames.addAll(Mp4Files.framesOfCamera(Samples.H265_AUD, true, false, false));
        Path file = dir.resolve("camera.mp4");
        try (Fmp4FileWriter writer = new Fmp4FileWriter(file)) {
            Fmp4Muxer muxer = new Fmp4Muxer(Fmp4Settings.of(FragmentMode.GOP, AudioPolicy.ALL), "test", writer);
            frames.forEach(muxer::frame);
            muxer.finish();
            assertThat(writer.file()).isEqualTo(dir.resolve("camera-2.mp4"));
        }
        assertThat(Ffprobe.videoFrames(file, "mp4")).isEqualTo(Samples.videoFrames(Samples.H264_GST_PSM));
        assertThat(Ffprobe.videoFrames(dir.resolve("camera-2.mp4"), "mp4"))
                .isEqualTo(Samples.videoFrames(Samples.H265_AUD));
        // the stream's timeline goes on across the parts: the second starts at 4 s and ends at 6 s
        assertThat(mehd(dir.resolve("camera-2.mp4"))).isEqualTo(6000);
    }

    /** The fragment_duration of the file's mehd, found by its box type. */
    private static long mehd(Path file) throws Exception {
        byte[] data = Files.readAllBytes(file);
        for (int i = 4; i + 16 <= data.length; i++) {
            if (data[i] == 'm' && data[i + 1] == 'e' && data[i + 2] == 'h' && data[i + 3] == 'd') {
                return ByteBuffer.wrap(data, i + 8, 8).getLong();
            }
        }
        throw new AssertionError("no mehd in " + file);
    }
}
