package io.github.gb28181.camel.media.mp4;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.gb28181.camel.media.Ffprobe;
import io.github.gb28181.camel.media.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Viewers of one stream: the same segments to each, and whoever joins late starts at the last key frame, with a
 * stream ffprobe decodes from its first byte.
 */
class Fmp4FanOutTest {

    @TempDir
    Path dir;

    private final List<Fmp4Segment> segments = Mp4Files.mux(Mp4Files.framesOfSample(Samples.H264_GST_PSM),
            Fmp4Settings.of(FragmentMode.FRAME, AudioPolicy.NONE));

    @Test
    void aLateViewerGetsTheInitSegmentAndTheFragmentsSinceTheLastKeyFrame() throws Exception {
        Fmp4FanOut fanOut = new Fmp4FanOut(8 * 1024 * 1024);
        List<Fmp4Segment> early = new ArrayList<>();
        List<Fmp4Segment> late = new ArrayList<>();
        fanOut.subscribe(early::add);
        int joinAt = 40; // the second GOP starts at fragment 26 (frame 25 after the init segment)
        for (int i = 0; i < segments.size(); i++) {
            if (i == joinAt) {
                fanOut.subscribe(late::add);
                assertThat(late.get(0).isInit()).isTrue();
                assertThat(late.get(1).keyFrame()).isTrue();
                assertThat(late).hasSize(1 + fanOut.keptFragments());
            }
            fanOut.publish(segments.get(i));
        }
        assertThat(early).isEqualTo(segments);
        assertThat(late.get(late.size() - 1)).isSameAs(segments.get(segments.size() - 1));
        assertThat(fanOut.viewers()).isEqualTo(2);

        Path file = Mp4Files.write(dir, "late.mp4", late);
        int keyFrameIndex = segments.indexOf(late.get(1));
        int frames = segments.subList(keyFrameIndex, segments.size()).stream().mapToInt(Fmp4Segment::videoFrames)
                .sum();
        assertThat(Ffprobe.videoFrames(file, "mp4")).isEqualTo(frames);
    }

    @Test
    void withoutKeptFragmentsAViewerWaitsForTheNextKeyFrame() {
        Fmp4FanOut fanOut = new Fmp4FanOut(0); // keeps nothing
        List<Fmp4Segment> late = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            if (i == 10) {
                fanOut.subscribe(late::add);
            }
            fanOut.publish(segments.get(i));
        }
        assertThat(late.get(0).isInit()).isTrue();
        assertThat(late.get(1).keyFrame()).isTrue();
        assertThat(late.get(1).sequence()).isGreaterThan(segments.get(10).sequence());
    }

    @Test
    void aNewInitSegmentRestartsEveryViewerAtItsKeyFrame() {
        Fmp4FanOut fanOut = new Fmp4FanOut(8 * 1024 * 1024);
        List<Fmp4Segment> viewer = new ArrayList<>();
        fanOut.subscribe(viewer::add);
        segments.forEach(fanOut::publish);
        viewer.clear();
        fanOut.publish(segments.get(0)); // the init segment again, as after new parameter sets
        fanOut.publish(segments.get(5)); // not a key frame: held back
        fanOut.publish(segments.get(1)); // a key frame
        assertThat(viewer).containsExactly(segments.get(0), segments.get(1));
    }

    @Test
    void aViewerThatFailsIsDropped() {
        Fmp4FanOut fanOut = new Fmp4FanOut(8 * 1024 * 1024);
        List<Fmp4Segment> healthy = new ArrayList<>();
        fanOut.subscribe(healthy::add);
        fanOut.subscribe(s -> {
            throw new IllegalStateException("connection closed");
        });
        segments.forEach(fanOut::publish);
        assertThat(fanOut.viewers()).isEqualTo(1);
        assertThat(healthy).isEqualTo(segments);
        assertThat(fanOut.unsubscribe(healthy::add)).as("another lambda is another viewer").isFalse();
    }
}
