package io.github.gb28181.camel.media.ps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.gb28181.camel.media.CameraPsMuxer;
import io.github.gb28181.camel.media.Ffprobe;
import io.github.gb28181.camel.media.InMemory;
import io.github.gb28181.camel.media.MediaCase;
import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.MediaMode;
import io.github.gb28181.camel.media.Packetizer;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.media.codec.GrowableBuffer;
import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.MediaStreamType;
import io.github.gb28181.camel.media.codec.NalUnits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PS muxer judged by ffprobe (frame and key-frame counts of the committed samples survive muxing) and by our own
 * demuxer (the elementary streams come back byte for byte), plus the layout GB/T 28181 receivers expect.
 */
class PsMuxerTest {

    private static final Path DIR = Path.of("target", "ps-muxer");

    /** An elementary-stream frame as a sender hands it to the muxer. */
    record Es(MediaCodec codec, byte[] data, long pts, long dts, boolean key) {
    }

    @ParameterizedTest
    @ValueSource(strings = {Samples.H264_AUD, Samples.H265_AUD})
    void annexBSamplesMuxedDecodeToTheSameFramesAndKeyFrames(String sample) throws IOException {
        List<Es> frames = annexB(sample);

        Path file = write(sample + ".ps", mux(frames));

        assertThat(Ffprobe.videoFrames(file, "mpeg")).isEqualTo(Samples.videoFrames(sample));
        assertThat(Ffprobe.keyFrames(file, "mpeg")).isEqualTo(Samples.keyFrames(sample));
    }

    @ParameterizedTest
    @ValueSource(strings = {Samples.H264_FFMPEG_E2, Samples.H264_FFMPEG_MPEG1, Samples.H265_FFMPEG_E0,
        Samples.H264_GST_PSM, Samples.H264_AAC_GST_PSM})
    void programStreamSamplesRemuxedFromTheirElementaryStreamsKeepTheirCounts(String sample) throws IOException {
        List<Es> frames = demuxed(sample);

        Path file = write(sample, mux(frames));

        assertThat(Ffprobe.videoFrames(file, "mpeg")).isEqualTo(Samples.videoFrames(sample));
        assertThat(Ffprobe.keyFrames(file, "mpeg")).isEqualTo(Samples.keyFrames(sample));
        if (sample.contains("aac")) {
            assertThat(Ffprobe.audioFrames(file, "mpeg")).isEqualTo(Samples.audioFrames(sample));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Samples.H264_AUD, Samples.H265_AUD, Samples.H264_FFMPEG_E2, Samples.H264_AAC_GST_PSM})
    void ourDemuxerGetsBackEveryFrameByteForByteWithItsTimeStampsAndCodec(String sample) {
        List<Es> frames = sample.endsWith(".ps") ? demuxed(sample) : annexB(sample);
        if (sample.equals(Samples.H264_AUD)) {
            frames = withG711(frames);
        }
        byte[] ps = mux(frames);

        List<MediaFrame> back = InMemory.run(Packetizer.rtp(Packetizer.alignedToPacks(ps, 1400), 5, 0),
                InMemory.config(MediaMode.ES));

        // a video access unit ends only when the next one starts, so audio may come out ahead of it: compare each
        // stream on its own
        for (MediaStreamType type : MediaStreamType.values()) {
            List<Es> sent = frames.stream().filter(f -> f.codec().type() == type).toList();
            List<MediaFrame> got = back.stream().filter(f -> f.streamType() == type).toList();
            assertThat(got).as(type.name()).hasSameSizeAs(sent);
            for (int i = 0; i < sent.size(); i++) {
                Es s = sent.get(i);
                MediaFrame g = got.get(i);
                assertThat(Arrays.equals(g.payload(), s.data())).as("%s frame %d byte for byte", type, i).isTrue();
                assertThat(g.codec()).as("%s frame %d", type, i).isEqualTo(s.codec());
                assertThat(g.pts()).as("%s frame %d", type, i).isEqualTo(s.pts());
                assertThat(g.keyFrame()).as("%s frame %d", type, i).isEqualTo(s.key());
                if (s.dts() >= 0 && s.dts() != s.pts()) {
                    assertThat(g.dts()).as("%s frame %d", type, i).isEqualTo(s.dts());
                }
            }
        }
    }

    @Test
    void keyFramesCarryTheSystemHeaderAndMapOthersOnlyAPackHeader() {
        PsMuxer muxer = new PsMuxer();
        List<Es> frames = withG711(annexB(Samples.H264_AUD));
        int maps = 0;
        boolean audioSeen = false;
        for (Es f : frames) {
            GrowableBuffer out = new GrowableBuffer(1024);
            muxer.mux(f.codec(), f.data(), 0, f.data().length, f.pts(), f.dts(), f.key(), out);
            byte[] ps = out.toArray();
            boolean audio = f.codec() == MediaCodec.G711A;
            assertThat(Arrays.copyOf(ps, 4)).isEqualTo(new byte[] {0, 0, 1, (byte) 0xBA});
            boolean map = (ps[17] & 0xFF) == 0xBB;
            assertThat(map).as("map on %s", f).isEqualTo(f.key() || audio && !audioSeen);
            audioSeen |= audio;
            int pes = 14;
            if (map) {
                maps++;
                int psm = 14 + 6 + ((ps[18] & 0xFF) << 8 | ps[19] & 0xFF);
                assertThat(ps[psm + 3] & 0xFF).isEqualTo(0xBC);
                int psmLength = 6 + ((ps[psm + 4] & 0xFF) << 8 | ps[psm + 5] & 0xFF);
                assertThat(Crc32Mpeg.of(ps, psm, psm + psmLength)).as("CRC over the whole map").isZero();
                List<String> entries = new ArrayList<>();
                for (int e = psm + 12; e < psm + psmLength - 4; e += 4) {
                    entries.add(Integer.toHexString(ps[e] & 0xFF) + "@" + Integer.toHexString(ps[e + 1] & 0xFF));
                }
                assertThat(entries).isEqualTo(audioSeen ? List.of("1b@e0", "90@c0") : List.of("1b@e0"));
                pes = psm + psmLength;
            }
            assertThat(ps[pes + 3] & 0xFF).isEqualTo(audio ? 0xC0 : 0xE0);
        }
        assertThat(maps).as("3 key frames, and the first audio frame brings a new stream").isEqualTo(4);
    }

    @Test
    void aFrameBiggerThanAPesIsSplitAndOnlyTheFirstPesIsStamped() {
        byte[] key = annexB(Samples.H264_AUD).get(0).data();
        byte[] big = Arrays.copyOf(key, 150_000); // and a filler NAL unit to make it big
        Arrays.fill(big, key.length, big.length, (byte) 0xFF);
        System.arraycopy(new byte[] {0, 0, 1, 0x0C}, 0, big, key.length, 4);
        big[big.length - 1] = (byte) 0x80;
        GrowableBuffer out = new GrowableBuffer(1024);

        new PsMuxer().mux(MediaCodec.H264, big, 0, big.length, 90_000, PsMuxer.NO_TIMESTAMP, true, out);

        byte[] ps = out.toArray();
        List<Integer> pes = new ArrayList<>();
        for (int i = 0; i + 3 < ps.length; i++) {
            if (ps[i] == 0 && ps[i + 1] == 0 && ps[i + 2] == 1 && (ps[i + 3] & 0xFF) == 0xE0) {
                pes.add(i);
                i += 6 + ((ps[i + 4] & 0xFF) << 8 | ps[i + 5] & 0xFF) - 1;
            }
        }
        assertThat(pes).hasSize(3);
        assertThat(pes.stream().map(p -> ps[p + 7] & 0xFF)).containsExactly(0x80, 0, 0);
        assertThat(pes.stream().map(p -> (ps[p + 4] & 0xFF) << 8 | ps[p + 5] & 0xFF))
                .allMatch(length -> length <= 0xFFFF);
        List<MediaFrame> back = InMemory.run(Packetizer.rtp(Packetizer.alignedToPacks(ps, 1400), 5, 0),
                InMemory.config(MediaMode.ES));
        assertThat(back).singleElement().satisfies(f -> {
            assertThat(Arrays.equals(f.payload(), big)).isTrue();
            assertThat(f.pts()).isEqualTo(90_000);
        });
    }

    @Test
    void audioAloneGetsItsMapOnceASecond() {
        PsMuxer muxer = new PsMuxer();
        int maps = 0;
        for (int i = 0; i < 100; i++) { // 4 s of 40 ms frames
            GrowableBuffer out = new GrowableBuffer(512);
            muxer.mux(MediaCodec.G711U, new byte[320], 0, 320, 3600L * i, PsMuxer.NO_TIMESTAMP, false, out);
            if ((out.array()[17] & 0xFF) == 0xBB) {
                maps++;
            }
        }
        assertThat(maps).isEqualTo(4);
    }

    @Test
    void codecsWithoutAStreamTypeAreRefused() {
        assertThatThrownBy(() -> new PsMuxer().mux(MediaCodec.UNKNOWN, new byte[10], 0, 10, 0, -1, false,
                new GrowableBuffer(64))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UNKNOWN");
    }

    /** The access units of an Annex B sample, 25 fps, key frames from the NAL units. */
    static List<Es> annexB(String sample) {
        boolean h265 = sample.endsWith(".h265");
        MediaCodec codec = h265 ? MediaCodec.H265 : MediaCodec.H264;
        List<Es> frames = new ArrayList<>();
        long pts = 90_000;
        for (byte[] au : CameraPsMuxer.accessUnits(Samples.bytes(sample), h265)) {
            frames.add(new Es(codec, au, pts, PsMuxer.NO_TIMESTAMP, NalUnits.anyKeyPicture(codec, au, 0, au.length)));
            pts += 3600;
        }
        return frames;
    }

    /** The access units and audio frames our receiver takes out of a program stream sample. */
    static List<Es> demuxed(String sample) {
        MediaCase c = MediaCase.file(sample, "packs", ps -> Packetizer.alignedToPacks(ps, 1400));
        List<Es> frames = new ArrayList<>();
        for (MediaFrame f : InMemory.run(c.rtp(1), InMemory.config(MediaMode.ES))) {
            frames.add(new Es(f.codec(), f.payload(), f.pts(), f.dts(), f.keyFrame()));
        }
        return frames;
    }

    /** 40 ms of G.711 A-law after every picture. */
    static List<Es> withG711(List<Es> video) {
        byte[] alaw = Samples.bytes(Samples.G711A);
        List<Es> frames = new ArrayList<>();
        int at = 0;
        for (Es v : video) {
            frames.add(v);
            if (at + 320 <= alaw.length) {
                frames.add(new Es(MediaCodec.G711A, Arrays.copyOfRange(alaw, at, at + 320), v.pts(),
                        PsMuxer.NO_TIMESTAMP, false));
                at += 320;
            }
        }
        return frames;
    }

    static byte[] mux(List<Es> frames) {
        PsMuxer muxer = new PsMuxer();
        GrowableBuffer out = new GrowableBuffer(1 << 16);
        for (Es f : frames) {
            muxer.mux(f.codec(), f.data(), 0, f.data().length, f.pts(), f.dts(), f.key(), out);
        }
        return out.toArray();
    }

    private static Path write(String name, byte[] ps) throws IOException {
        Files.createDirectories(DIR);
        return Files.write(DIR.resolve(name.replace('.', '-') + ".ps"), ps);
    }
}
