package io.github.gb28181.camel.media.mp4;

import java.nio.file.Path;
import java.util.List;

import io.github.gb28181.camel.media.Ffprobe;
import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.media.codec.MediaCodec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the muxer writes, judged by ffprobe: every picture of the source decodes from the MP4, the key frames are the
 * source's, and the audio a file should carry is there.
 */
class Fmp4MuxerTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "h264-ffmpeg-e2.ps, GOP", "h264-ffmpeg-e2.ps, FRAME", "h264-ffmpeg-mpeg1.ps, GOP", "h265-ffmpeg-e0.ps, GOP",
        "h265-ffmpeg-e0.ps, FRAME", "h264-gst-psm.ps, FRAME", "h264-aac-gst-psm.ps, GOP"})
    void committedSamplesDecodeToTheSourcesFrames(String sample, FragmentMode mode) {
        List<MediaFrame> frames = Mp4Files.framesOfSample(sample);
        List<Fmp4Segment> segments = Mp4Files.mux(frames, Fmp4Settings.of(mode, AudioPolicy.AAC));
        Path file = Mp4Files.write(dir, sample + "." + mode + ".mp4", segments);

        assertThat(segments.get(0).isInit()).isTrue();
        assertThat(Ffprobe.videoFrames(file, "mp4")).isEqualTo(Samples.videoFrames(sample));
        assertThat(Ffprobe.keyFrames(file, "mp4")).isEqualTo(Samples.keyFrames(sample));
        List<Fmp4Segment> fragments = segments.stream().filter(s -> !s.isInit()).toList();
        if (mode == FragmentMode.GOP) {
            assertThat(fragments).hasSize(Samples.keyFrames(sample)).allMatch(Fmp4Segment::keyFrame);
        } else {
            // the first fragment holds what came while the init segment waited to see whether audio follows
            assertThat(fragments.get(0).keyFrame()).isTrue();
            assertThat(fragments.subList(1, fragments.size())).allMatch(f -> f.videoFrames() == 1);
        }
        if (sample.contains("aac")) {
            assertThat(segments.get(0).tracks().audioCodec()).isEqualTo(MediaCodec.AAC);
            assertThat(Ffprobe.audioFrames(file, "mp4")).isEqualTo(Samples.audioFrames(sample));
        }
    }
}
