package io.github.gb28181.camel.media.mp4;

import java.util.List;

import io.github.gb28181.camel.media.codec.MediaCodec;

/**
 * H.265: the hvc1 sample entry and its HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 8.3.3), filled from the
 * SPS's profile_tier_level and picture fields (H.265 7.3.2.2, 7.3.3). With hvc1 every parameter set lives in the
 * sample entry, so the muxer takes them out of the samples.
 */
final class HevcConfig extends VideoConfig {

    private final List<byte[]> vps;
    private final List<byte[]> sps;
    private final List<byte[]> pps;
    private final Sps fields;

    private record Sps(int profileSpace, boolean tier, int profile, int compatibility, long constraints, int level,
                       int chromaFormat, int bitDepthLuma, int bitDepthChroma, int subLayers,
                       boolean temporalIdNesting) {
    }

    private HevcConfig(int width, int height, Sps fields, List<byte[]> vps, List<byte[]> sps, List<byte[]> pps) {
        super(width, height, codecString(fields));
        this.fields = fields;
        this.vps = vps;
        this.sps = sps;
        this.pps = pps;
    }

    static HevcConfig of(List<byte[]> vps, List<byte[]> sps, List<byte[]> pps) {
        byte[] first = sps.get(0);
        RbspReader r = new RbspReader(first, 2, first.length);
        r.skip(4); // sps_video_parameter_set_id
        int maxSubLayersMinus1 = r.u(3);
        boolean nesting = r.flag();
        int profileSpace = r.u(2);
        boolean tier = r.flag();
        int profile = r.u(5);
        int compatibility = (int) r.u64(32);
        long constraints = r.u64(48);
        int level = r.u(8);
        boolean[] profilePresent = new boolean[maxSubLayersMinus1];
        boolean[] levelPresent = new boolean[maxSubLayersMinus1];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            profilePresent[i] = r.flag();
            levelPresent[i] = r.flag();
        }
        if (maxSubLayersMinus1 > 0) {
            r.skip(2 * (8 - maxSubLayersMinus1));
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            if (profilePresent[i]) {
                r.skip(88);
            }
            if (levelPresent[i]) {
                r.skip(8);
            }
        }
        r.ue(); // sps_seq_parameter_set_id
        int chromaFormat = r.ue();
        if (chromaFormat == 3) {
            r.skip(1); // separate_colour_plane_flag
        }
        int width = r.ue();
        int height = r.ue();
        if (r.flag()) { // conformance_window_flag
            int subWidth = chromaFormat == 1 || chromaFormat == 2 ? 2 : 1;
            int subHeight = chromaFormat == 1 ? 2 : 1;
            width -= subWidth * (r.ue() + r.ue());
            height -= subHeight * (r.ue() + r.ue());
        }
        int bitDepthLuma = r.ue() + 8;
        int bitDepthChroma = r.ue() + 8;
        if (width <= 0 || height <= 0 || width > 16384 || height > 16384 || chromaFormat > 3) {
            throw new IllegalArgumentException("H.265 SPS gives a picture of " + width + "x" + height);
        }
        Sps fields = new Sps(profileSpace, tier, profile, compatibility, constraints, level, chromaFormat,
                bitDepthLuma, bitDepthChroma, maxSubLayersMinus1 + 1, nesting);
        return new HevcConfig(width, height, fields, List.copyOf(vps), List.copyOf(sps), List.copyOf(pps));
    }

    /** ISO/IEC 14496-15 E.3: hvc1.[space]profile.compatibility-reversed.(L|H)level.constraint-bytes. */
    private static String codecString(Sps s) {
        StringBuilder b = new StringBuilder("hvc1.");
        if (s.profileSpace > 0) {
            b.append((char) ('A' + s.profileSpace - 1));
        }
        b.append(s.profile).append('.').append(Integer.toHexString(Integer.reverse(s.compatibility)));
        b.append('.').append(s.tier ? 'H' : 'L').append(s.level);
        int last = 5;
        while (last >= 0 && ((s.constraints >>> (8 * (5 - last))) & 0xFF) == 0) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            b.append('.').append(Integer.toHexString((int) (s.constraints >>> (8 * (5 - i))) & 0xFF).toUpperCase());
        }
        return b.toString();
    }

    @Override
    MediaCodec codec() {
        return MediaCodec.H265;
    }

    @Override
    void writeSampleEntry(BoxBuffer out) {
        int hvc1 = out.begin("hvc1");
        writeVisualFields(out);
        int hvcC = out.begin("hvcC");
        out.u8(1); // configurationVersion
        out.u8((fields.profileSpace << 6) | (fields.tier ? 0x20 : 0) | fields.profile);
        out.u32(fields.compatibility & 0xFFFFFFFFL);
        out.u16((int) (fields.constraints >>> 32));
        out.u32(fields.constraints & 0xFFFFFFFFL);
        out.u8(fields.level);
        out.u16(0xF000); // min_spatial_segmentation_idc 0
        out.u8(0xFC); // parallelismType 0: unknown
        out.u8(0xFC | fields.chromaFormat);
        out.u8(0xF8 | (fields.bitDepthLuma - 8));
        out.u8(0xF8 | (fields.bitDepthChroma - 8));
        out.u16(0); // avgFrameRate: unspecified
        out.u8((fields.subLayers << 3) | (fields.temporalIdNesting ? 4 : 0) | 3); // lengthSizeMinusOne = 3
        out.u8(3); // numOfArrays
        writeArray(out, 32, vps);
        writeArray(out, 33, sps);
        writeArray(out, 34, pps);
        out.end(hvcC);
        out.end(hvc1);
    }

    private static void writeArray(BoxBuffer out, int type, List<byte[]> units) {
        out.u8(0x80 | type); // array_completeness: all of this type are here
        out.u16(units.size());
        for (byte[] u : units) {
            out.u16(u.length);
            out.bytes(u);
        }
    }
}
