package io.github.gb28181.camel.media.mp4;

import java.util.List;

import io.github.gb28181.camel.media.codec.MediaCodec;

/**
 * H.264: the avc1 sample entry and its AVCDecoderConfigurationRecord (ISO/IEC 14496-15 5.3.3), the picture size
 * from the SPS (H.264 7.3.2.1.1).
 */
final class AvcConfig extends VideoConfig {

    private final List<byte[]> sps;
    private final List<byte[]> pps;

    private AvcConfig(int width, int height, List<byte[]> sps, List<byte[]> pps) {
        super(width, height, "avc1." + hex2(sps.get(0)[1]) + hex2(sps.get(0)[2]) + hex2(sps.get(0)[3]));
        this.sps = sps;
        this.pps = pps;
    }

    /** @param sps NAL units with their header byte and without start codes */
    static AvcConfig of(List<byte[]> sps, List<byte[]> pps) {
        byte[] first = sps.get(0);
        if (first.length < 4) {
            throw new IllegalArgumentException("H.264 SPS of " + first.length + " bytes");
        }
        RbspReader r = new RbspReader(first, 1, first.length);
        int profile = r.u(8);
        r.skip(16); // constraint flags, level_idc
        r.ue(); // seq_parameter_set_id
        int chromaFormat = 1;
        boolean separateColourPlane = false;
        if (hasChromaInfo(profile)) {
            chromaFormat = r.ue();
            if (chromaFormat == 3) {
                separateColourPlane = r.flag();
            }
            r.ue(); // bit_depth_luma_minus8
            r.ue(); // bit_depth_chroma_minus8
            r.skip(1); // qpprime_y_zero_transform_bypass_flag
            if (r.flag()) { // seq_scaling_matrix_present_flag
                int lists = chromaFormat != 3 ? 8 : 12;
                for (int i = 0; i < lists; i++) {
                    if (r.flag()) {
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        r.ue(); // log2_max_frame_num_minus4
        int pocType = r.ue();
        if (pocType == 0) {
            r.ue();
        } else if (pocType == 1) {
            r.skip(1);
            r.se();
            r.se();
            int cycle = r.ue();
            for (int i = 0; i < cycle; i++) {
                r.se();
            }
        }
        r.ue(); // max_num_ref_frames
        r.skip(1); // gaps_in_frame_num_value_allowed_flag
        int widthMbs = r.ue() + 1;
        int heightMapUnits = r.ue() + 1;
        boolean frameMbsOnly = r.flag();
        if (!frameMbsOnly) {
            r.skip(1);
        }
        r.skip(1); // direct_8x8_inference_flag
        int cropLeft = 0;
        int cropRight = 0;
        int cropTop = 0;
        int cropBottom = 0;
        if (r.flag()) {
            cropLeft = r.ue();
            cropRight = r.ue();
            cropTop = r.ue();
            cropBottom = r.ue();
        }
        int chromaArrayType = separateColourPlane ? 0 : chromaFormat;
        int cropUnitX = chromaArrayType == 0 ? 1 : chromaFormat == 3 ? 1 : 2;
        int cropUnitY = (chromaArrayType == 0 ? 1 : chromaFormat == 1 ? 2 : 1) * (frameMbsOnly ? 1 : 2);
        int width = widthMbs * 16 - cropUnitX * (cropLeft + cropRight);
        int height = (frameMbsOnly ? 1 : 2) * heightMapUnits * 16 - cropUnitY * (cropTop + cropBottom);
        if (width <= 0 || height <= 0 || width > 16384 || height > 16384) {
            throw new IllegalArgumentException("H.264 SPS gives a picture of " + width + "x" + height);
        }
        return new AvcConfig(width, height, List.copyOf(sps), List.copyOf(pps));
    }

    private static boolean hasChromaInfo(int profile) {
        switch (profile) {
            case 100:
            case 110:
            case 122:
            case 244:
            case 44:
            case 83:
            case 86:
            case 118:
            case 128:
            case 138:
            case 139:
            case 134:
            case 135:
                return true;
            default:
                return false;
        }
    }

    private static void skipScalingList(RbspReader r, int size) {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                next = (last + r.se() + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }

    @Override
    MediaCodec codec() {
        return MediaCodec.H264;
    }

    @Override
    void writeSampleEntry(BoxBuffer out) {
        int avc1 = out.begin("avc1");
        writeVisualFields(out);
        int avcC = out.begin("avcC");
        byte[] first = sps.get(0);
        out.u8(1); // configurationVersion
        out.u8(first[1]); // AVCProfileIndication
        out.u8(first[2]); // profile_compatibility
        out.u8(first[3]); // AVCLevelIndication
        out.u8(0xFF); // lengthSizeMinusOne = 3
        out.u8(0xE0 | sps.size());
        for (byte[] s : sps) {
            out.u16(s.length);
            out.bytes(s);
        }
        out.u8(pps.size());
        for (byte[] p : pps) {
            out.u16(p.length);
            out.bytes(p);
        }
        out.end(avcC);
        out.end(avc1);
    }
}
