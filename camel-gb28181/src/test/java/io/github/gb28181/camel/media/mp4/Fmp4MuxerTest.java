package io.github.gb28181.camel.media.mp4;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.gb28181.camel.media.CameraPsMuxer;
import io.github.gb28181.camel.media.Ffprobe;
import io.github.gb28181.camel.media.InMemory;
import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.MediaMode;
import io.github.gb28181.camel.media.Packetizer;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.media.codec.MediaCodec;
import org.junit.jupiter.api.Test;
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

    @ParameterizedTest
    @CsvSource({"h264-aud.h264, false, false", "h265-aud.h265, true, false", "h265-aud.h265, true, true"})
    void camerasG711StaysInFilesAndLeavesTheBrowserStream(String sample, boolean h265, boolean onePackPerNal)
            throws Exception {
        List<MediaFrame> frames = Mp4Files.framesOfCamera(sample, h265, true, onePackPerNal);
        List<Fmp4Segment> file = Mp4Files.mux(frames, Fmp4Settings.of(FragmentMode.GOP, AudioPolicy.ALL));
        List<Fmp4Segment> browser = Mp4Files.mux(frames, Fmp4Settings.of(FragmentMode.FRAME, AudioPolicy.AAC));

        Path recording = Mp4Files.write(dir, "file.mp4", file);
        assertThat(Ffprobe.videoFrames(recording, "mp4")).isEqualTo(Samples.videoFrames(sample));
        assertThat(Ffprobe.keyFrames(recording, "mp4")).isEqualTo(Samples.keyFrames(sample));
        long g711Packets = frames.stream().filter(f -> f.codec() == MediaCodec.G711A).count();
        assertThat(Ffprobe.audioFrames(recording, "mp4")).isEqualTo((int) g711Packets).isPositive();
        assertThat(file.get(0).tracks().mimeType()).endsWith(",alaw\"");

        Path live = Mp4Files.write(dir, "live.mp4", browser);
        assertThat(browser.get(0).tracks().hasAudio()).isFalse();
        assertThat(browser.get(0).tracks().mimeType()).startsWith("video/mp4; codecs=\"" + (h265 ? "hvc1." : "avc1."))
                .doesNotContain(",");
        assertThat(Ffprobe.videoFrames(live, "mp4")).isEqualTo(Samples.videoFrames(sample));
        // the G.711 said there was audio at once: the init segment did not wait, every fragment is one frame
        assertThat(browser.stream().filter(s -> !s.isInit())).allMatch(s -> s.videoFrames() == 1);
        assertThat(Mp4FileReader.read(live).durationMillis()).isEqualTo(Samples.videoFrames(sample) * 40L);
    }

    @Test
    void aCameraWithoutPtsIsTimedByItsRtpTimestamps() {
        List<byte[]> units = CameraPsMuxer.accessUnits(Samples.bytes(Samples.H264_AUD), false);
        List<CameraPsMuxer.Unit> muxed = new CameraPsMuxer(false, false, null, 60000).withoutPts().mux(units);
        List<MediaFrame> frames = InMemory.run(Packetizer.rtp(Packetizer.perFrame(muxed, 1400), 3, 0),
                InMemory.config(MediaMode.ES));
        assertThat(frames).allMatch(f -> !f.hasPts());

        List<Fmp4Segment> segments = Mp4Files.mux(frames, Fmp4Settings.of(FragmentMode.GOP, AudioPolicy.AAC));
        List<Fmp4Segment> fragments = segments.stream().filter(s -> !s.isInit()).toList();
        assertThat(fragments).extracting(Fmp4Segment::startMillis).containsExactly(0L, 1000L, 2000L);
        assertThat(fragments).extracting(Fmp4Segment::durationMillis).containsExactly(1000L, 1000L, 1000L);
    }

    @Test
    void newParameterSetsBringANewInitSegmentAtTheirKeyFrame() throws Exception {
        List<MediaFrame> frames = new ArrayList<>(Mp4Files.framesOfSample(Samples.H264_GST_PSM));
        frames.addAll(Mp4Files.framesOfCamera(Samples.H265_AUD, true, false, false));
        List<Fmp4Segment> segments = Mp4Files.mux(frames, Fmp4Settings.of(FragmentMode.GOP, AudioPolicy.AAC));

        List<Fmp4Segment> inits = segments.stream().filter(Fmp4Segment::isInit).toList();
        assertThat(inits).extracting(s -> s.tracks().videoCodec()).containsExactly(MediaCodec.H264, MediaCodec.H265);
        int second = segments.indexOf(inits.get(1));
        assertThat(segments.get(second + 1).keyFrame()).isTrue();
        assertThat(segments.stream().filter(s -> !s.isInit()).mapToInt(Fmp4Segment::videoFrames).sum())
                .isEqualTo(Samples.videoFrames(Samples.H264_GST_PSM) + Samples.videoFrames(Samples.H265_AUD));
        // what follows the new init segment is a file of its own
        Path tail = Mp4Files.write(dir, "tail.mp4", segments.subList(second, segments.size()));
        assertThat(Ffprobe.videoFrames(tail, "mp4")).isEqualTo(Samples.videoFrames(Samples.H265_AUD));
    }

    @Test
    void framesBeforeTheFirstKeyFrameAreSkipped() {
        List<MediaFrame> frames = Mp4Files.framesOfSample(Samples.H264_GST_PSM);
        int firstKey = 0;
        List<MediaFrame> live = frames.subList(5, frames.size()); // a sender that starts at the live position
        for (int i = 0; i < live.size(); i++) {
            if (live.get(i).keyFrame()) {
                firstKey = i;
                break;
            }
        }
        List<Fmp4Segment> segments = Mp4Files.mux(live, Fmp4Settings.of(FragmentMode.GOP, AudioPolicy.AAC));
        assertThat(segments.get(1).keyFrame()).isTrue();
        assertThat(segments.stream().mapToInt(Fmp4Segment::videoFrames).sum()).isEqualTo(live.size() - firstKey);
    }

    @Test
    void aFileCutInsideAFragmentDecodesUpToTheLastCompleteOne() throws Exception {
        List<Fmp4Segment> segments = Mp4Files.mux(Mp4Files.framesOfSample(Samples.H264_GST_PSM),
                Fmp4Settings.of(FragmentMode.GOP, AudioPolicy.AAC));
        byte[] whole = Mp4Files.concatenate(segments);
        int lastFragment = segments.get(segments.size() - 1).data().length;
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(whole, whole.length - lastFragment / 2));

        Mp4FileSummary summary = Mp4FileReader.read(cut);
        assertThat(summary.truncated()).isTrue();
        assertThat(summary.playableBytes()).isEqualTo(whole.length - lastFragment);
        int complete = segments.subList(0, segments.size() - 1).stream().mapToInt(Fmp4Segment::videoFrames).sum();
        assertThat(summary.videoFrames()).isEqualTo(complete);
        assertThat(Ffprobe.decodedVideoFrames(cut)).isGreaterThanOrEqualTo(complete);
    }
}
