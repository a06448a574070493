package io.github.gb28181.camel.media.mp4;

import java.util.List;

import io.github.gb28181.camel.media.codec.MediaCodec;

/**
 * What the init segment says about the video: the sample entry (avc1 with avcC, hvc1 with hvcC) built from the
 * parameter sets, the picture size from the sequence parameter set, and the RFC 6381 codec string browsers ask
 * {@code MediaSource.isTypeSupported} about.
 */
abstract class VideoConfig {

    private final int width;
    private final int height;
    private final String codecString;

    VideoConfig(int width, int height, String codecString) {
        this.width = width;
        this.height = height;
        this.codecString = codecString;
    }

    abstract MediaCodec codec();

    /** Writes the visual sample entry with its configuration box. */
    abstract void writeSampleEntry(BoxBuffer out);

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    String codecString() {
        return codecString;
    }

    /** The fields every visual sample entry starts with (ISO/IEC 14496-12 12.1.3). */
    void writeVisualFields(BoxBuffer out) {
        out.zeros(6);
        out.u16(1); // data_reference_index
        out.zeros(16); // pre_defined, reserved
        out.u16(width);
        out.u16(height);
        out.u32(0x00480000); // 72 dpi
        out.u32(0x00480000);
        out.u32(0);
        out.u16(1); // frame_count
        out.zeros(32); // compressorname
        out.u16(0x0018); // depth
        out.u16(0xFFFF); // pre_defined = -1
    }

    /**
     * The configuration for the parameter sets of a key frame, or {@code null} when they are incomplete.
     *
     * @throws IllegalArgumentException when a sequence parameter set does not parse
     */
    static VideoConfig of(MediaCodec codec, List<byte[]> vps, List<byte[]> sps, List<byte[]> pps) {
        if (sps.isEmpty() || pps.isEmpty()) {
            return null;
        }
        if (codec == MediaCodec.H264) {
            return AvcConfig.of(sps, pps);
        }
        return vps.isEmpty() ? null : HevcConfig.of(vps, sps, pps);
    }

    static String hex2(int v) {
        String s = Integer.toHexString(v & 0xFF);
        return s.length() == 1 ? "0" + s : s;
    }
}
