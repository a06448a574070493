package io.github.gb28181.camel.media;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.gb28181.camel.media.codec.MediaCodec;

/**
 * A program stream, packetized one way real senders do, with what the receiver must make of it.
 *
 * @param name        for test reports
 * @param ps          the program stream bytes
 * @param chunks      the RTP payloads
 * @param videoFrames access units in the stream (ffprobe's count)
 * @param audioFrames audio PES in the stream
 * @param keyFrames   key frames (ffprobe's count)
 * @param psFrames    PS-mode frames: one per picture for muxers that align packets to pictures, else one per video
 *                    PES carrying a PTS
 * @param codec       the video codec
 * @param accessUnits the access units muxed, when the test muxed them itself; else {@code null}
 */
public record MediaCase(String name, byte[] ps, List<Packetizer.Chunk> chunks, int videoFrames, int audioFrames,
        int keyFrames, int psFrames, MediaCodec codec, List<byte[]> accessUnits) {

    @Override
    public String toString() {
        return name;
    }

    public List<byte[]> rtp(long ssrc) {
        return Packetizer.rtp(chunks, ssrc, (int) (ssrc * 7919 & 0xFFFF));
    }

    /** A sample file packetized by {@code packetize}. */
    public static MediaCase file(String sample, String how, Function<byte[], List<Packetizer.Chunk>> packetize) {
        byte[] ps = Samples.bytes(sample);
        boolean aligned = sample.contains("gst");
        int video = Samples.videoFrames(sample);
        int audio = sample.contains("aac") ? Samples.audioFrames(sample) : 0;
        MediaCodec codec = sample.startsWith("h265") ? MediaCodec.H265 : MediaCodec.H264;
        return new MediaCase(sample + " " + how, ps, packetize.apply(ps), video, audio, Samples.keyFrames(sample),
                aligned ? video : videoPesWithPts(ps), codec, null);
    }

    /** An elementary stream muxed and packetized the way a camera does, one RTP packet run per muxed frame. */
    public static MediaCase camera(String sample, boolean onePackPerNal, boolean withAudio) {
        boolean h265 = sample.endsWith(".h265");
        List<byte[]> units = CameraPsMuxer.accessUnits(Samples.bytes(sample), h265);
        byte[] alaw = withAudio ? Samples.bytes(Samples.G711A) : null;
        List<CameraPsMuxer.Unit> muxed = new CameraPsMuxer(h265, onePackPerNal, alaw, 4000).mux(units);
        ByteArrayOutputStream ps = new ByteArrayOutputStream();
        muxed.forEach(u -> ps.writeBytes(u.ps()));
        int audio = (int) muxed.stream().filter(u -> !u.video()).count();
        String how = onePackPerNal ? "one pack per NAL unit" : withAudio ? "camera with G.711" : "camera";
        return new MediaCase(sample + " " + how, ps.toByteArray(), Packetizer.perFrame(muxed, 1400), units.size(),
                audio, Samples.keyFrames(sample), units.size(), h265 ? MediaCodec.H265 : MediaCodec.H264, units);
    }

    /** Every way of sending the samples the tests use. */
    public static Stream<MediaCase> all() {
        return Stream.of(
                file(Samples.H264_FFMPEG_E2, "aligned to packs", ps -> Packetizer.alignedToPacks(ps, 1400)),
                file(Samples.H264_FFMPEG_E2, "188x7 without marker", ps -> Packetizer.fixedSize(ps, 188 * 7)),
                file(Samples.H264_FFMPEG_MPEG1, "188x7 without marker", ps -> Packetizer.fixedSize(ps, 188 * 7)),
                file(Samples.H265_FFMPEG_E0, "aligned to packs", ps -> Packetizer.alignedToPacks(ps, 1400)),
                file(Samples.H264_GST_PSM, "aligned to packs", ps -> Packetizer.alignedToPacks(ps, 1400)),
                file(Samples.H264_GST_PSM, "188 without marker", ps -> Packetizer.fixedSize(ps, 188)),
                file(Samples.H264_AAC_GST_PSM, "188x7 without marker", ps -> Packetizer.fixedSize(ps, 188 * 7)),
                camera(Samples.H264_AUD, false, true),
                camera(Samples.H264_AUD, true, false),
                camera(Samples.H265_AUD, false, false));
    }

    /** Counts video PES that carry a PTS, MPEG-2 or MPEG-1 syntax: the test's own reading of the headers. */
    static int videoPesWithPts(byte[] ps) {
        int count = 0;
        for (int i = 0; i + 9 < ps.length; i++) {
            if (ps[i] != 0 || ps[i + 1] != 0 || ps[i + 2] != 1 || (ps[i + 3] & 0xF0) != 0xE0) {
                continue;
            }
            int b = ps[i + 6] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                if ((ps[i + 7] & 0x80) != 0) {
                    count++;
                }
            } else {
                int p = i + 6;
                while ((ps[p] & 0xFF) == 0xFF) {
                    p++;
                }
                if ((ps[p] & 0xC0) == 0x40) {
                    p += 2;
                }
                if ((ps[p] & 0xE0) == 0x20) {
                    count++;
                }
            }
        }
        return count;
    }
}
