package io.github.gb28181.camel.media.ps;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.github.gb28181.camel.media.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PsDemuxerTest {

    /** What the sink saw, as text, to compare runs; checks the start codes handed on against a plain search. */
    static final class Recorder implements PsElementSink {
        final List<String> events = new ArrayList<>();
        long bytes;
        int discontinuities;
        int startCodesHandedOn;

        @Override
        public void onElement(PsElement e) {
            if (e.startCodes() != null) {
                List<Integer> handedOn = new ArrayList<>();
                for (int k = 0; k < e.startCodes().size(); k++) {
                    handedOn.add(e.startCodes().get(k));
                }
                assertThat(handedOn).as("start codes of %s", e.position()).isEqualTo(startCodesIn(e));
                startCodesHandedOn += handedOn.size();
            }
            events.add(e.kind() + ":" + Integer.toHexString(e.streamId()) + "@" + e.position() + "+" + e.length() + " pts="
                       + e.pts() + " dts=" + e.dts() + " payload=" + e.payloadLength() + " type=" + e.streamType());
            bytes += e.length();
        }

        @Override
        public void onDiscontinuity() {
            discontinuities++;
            events.add("GAP");
        }
    }

    private static List<Integer> startCodesIn(PsElement e) {
        List<Integer> found = new ArrayList<>();
        byte[] d = e.data();
        for (int i = e.payloadOffset(); i + 4 <= e.payloadOffset() + e.payloadLength(); i++) {
            if (d[i] == 0 && d[i + 1] == 0 && d[i + 2] == 1) {
                found.add(i);
            }
        }
        return found;
    }

    private static Recorder demux(byte[] ps, int chunk) {
        Recorder r = new Recorder();
        PsDemuxer d = new PsDemuxer(r, 1 << 20);
        for (int off = 0; off < ps.length; off += chunk) {
            d.feed(ps, off, Math.min(chunk, ps.length - off), off / 1000, false);
        }
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {Samples.H264_FFMPEG_E2, Samples.H264_FFMPEG_MPEG1, Samples.H265_FFMPEG_E0,
        Samples.H264_GST_PSM, Samples.H264_AAC_GST_PSM})
    void findsTheSameElementsWhateverTheChunking(String sample) {
        byte[] ps = Samples.bytes(sample);
        Recorder whole = demux(ps, ps.length);
        assertThat(whole.bytes).isEqualTo(ps.length);
        assertThat(whole.discontinuities).isZero();
        assertThat(whole.startCodesHandedOn).isGreaterThan(10);
        for (int chunk : new int[] {1, 7, 188, 1316, 1400}) {
            assertThat(demux(ps, chunk).events).as("chunks of %d", chunk).isEqualTo(whole.events);
        }
    }

    @Test
    void readsTimestampsAndTheStreamMap() {
        Recorder r = demux(Samples.bytes(Samples.H264_AAC_GST_PSM), 1400);
        assertThat(r.events).anyMatch(e -> e.startsWith("STREAM_MAP:bc"));
        assertThat(r.events).anyMatch(e -> e.startsWith("PES:e0@") && e.contains("pts=3600 dts=3600") && e.endsWith(
                "type=27"));
        assertThat(r.events).anyMatch(e -> e.startsWith("PES:c0@") && e.endsWith("type=15"));
    }

    @Test
    void readsMpeg1Headers() {
        Recorder r = demux(Samples.bytes(Samples.H264_FFMPEG_MPEG1), 1400);
        assertThat(r.events.get(0)).startsWith("PACK_HEADER:ba@0+12");
        assertThat(r.events).filteredOn(e -> e.startsWith("PES:e2") && !e.contains("pts=-1")).hasSizeGreaterThan(10);
    }

    @Test
    void endsAnUnboundedVideoPesAtTheNextStartCode() {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(pack());
        s.writeBytes(new byte[] {0, 0, 1, (byte) 0xE0, 0, 0, (byte) 0x80, 0, 0, 0, 0, 0, 1, 0x65, 1, 2, 3, 4});
        s.writeBytes(pack());
        byte[] ps = s.toByteArray();
        Recorder r = demux(ps, 5);
        assertThat(r.events).containsExactly(
                "PACK_HEADER:ba@0+14 pts=-1 dts=-1 payload=0 type=-1",
                "PES:e0@14+18 pts=-1 dts=-1 payload=9 type=-1",
                "PACK_HEADER:ba@32+14 pts=-1 dts=-1 payload=0 type=-1");
    }

    @Test
    void catchesAVideoPesWhoseLengthRunsIntoTheNextElement() {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(pack());
        // claims 60000 bytes, has 9
        s.writeBytes(new byte[] {0, 0, 1, (byte) 0xE0, (byte) 0xEA, 0x60, (byte) 0x80, 0, 0, 0, 0, 0, 1, 0x65, 1, 2});
        s.writeBytes(pack());
        s.writeBytes(new byte[] {0, 0, 1, (byte) 0xE0, 0, 9, (byte) 0x80, 0, 0, 0, 0, 0, 1, 0x41, 1});
        s.writeBytes(pack());
        Recorder r = demux(s.toByteArray(), 1400);
        assertThat(r.events).containsExactly(
                "PACK_HEADER:ba@0+14 pts=-1 dts=-1 payload=0 type=-1",
                "GAP",
                "PACK_HEADER:ba@30+14 pts=-1 dts=-1 payload=0 type=-1",
                "PES:e0@44+15 pts=-1 dts=-1 payload=6 type=-1",
                "PACK_HEADER:ba@59+14 pts=-1 dts=-1 payload=0 type=-1");
    }

    @Test
    void skipsJunkBeforeTheFirstElementAndSaysSo() {
        byte[] ps = Samples.bytes(Samples.H264_GST_PSM);
        byte[] joined = new byte[ps.length - 1000];
        System.arraycopy(ps, 1000, joined, 0, joined.length);
        Recorder r = demux(joined, 1400);
        assertThat(r.events.get(0)).isEqualTo("GAP");
        assertThat(r.discontinuities).isEqualTo(1);
        assertThat(r.events.get(1)).startsWith("PES:e0@");
    }

    @Test
    void dropsThePartialElementAtAGap() {
        byte[] ps = Samples.bytes(Samples.H264_GST_PSM);
        Recorder r = new Recorder();
        PsDemuxer d = new PsDemuxer(r, 1 << 20);
        d.feed(ps, 0, 100, 0, false); // pack, system header, PSM, start of the first PES
        d.feed(ps, 2000, ps.length - 2000, 0, true);
        assertThat(r.events.subList(0, 4)).extracting(e -> e.substring(0, e.indexOf(':') < 0 ? 3 : e.indexOf(':')))
                .containsExactly("PACK_HEADER", "SYSTEM_HEADER", "STREAM_MAP", "GAP");
        assertThat(d.skippedBytes()).isGreaterThan(0);
        assertThat(r.events.get(4)).startsWith("PES:e0@");
    }

    @Test
    void survivesGarbageWithBoundedMemory() {
        byte[] ps = Samples.bytes(Samples.H264_AAC_GST_PSM);
        Random random = new Random(42);
        for (int round = 0; round < 30; round++) {
            byte[] damaged = ps.clone();
            for (int k = 0; k < 200; k++) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            byte[] noise = new byte[20_000];
            random.nextBytes(noise);
            Recorder r = new Recorder();
            PsDemuxer d = new PsDemuxer(r, 1 << 20);
            int off = 0;
            while (off < damaged.length) {
                int len = Math.min(1 + random.nextInt(2000), damaged.length - off);
                d.feed(damaged, off, len, 0, random.nextInt(50) == 0);
                if (random.nextInt(40) == 0) {
                    d.feed(noise, 0, 1 + random.nextInt(noise.length), 0, false);
                }
                off += len;
                assertThat(d.pendingBytes()).isLessThanOrEqualTo(6 + 0xFFFF + 2000);
            }
            assertThat(r.events).isNotEmpty();
        }
    }

    static byte[] pack() {
        return new byte[] {0, 0, 1, (byte) 0xBA, 0x44, 0, 4, 0, 4, 1, 1, (byte) 0x89, (byte) 0xC3, (byte) 0xF8};
    }
}
