package io.github.gb28181.camel.media.codec;


/**
 * Looks at H.264 (ITU-T H.264 7.3.1) and H.265 (ITU-T H.265 7.3.1.2) NAL unit headers in Annex B byte streams.
 */
public final class NalUnits {

    private NalUnits() {
    }

    /**
     * Tells H.264 from H.265 when the program stream map does not. Only NAL units that one codec forbids are
     * believed: an odd first header byte is never an H.265 base-layer unit (its last bit is a layer id bit), and
     * H.265 parameter sets, IRAP slices and delimiters have a first byte H.264 gives no meaning to.
     *
     * @return {@link MediaCodec#H264}, {@link MediaCodec#H265}, or {@code null} while undecided
     */
    public static MediaCodec sniff(byte[] d, int from, int to) {
        int i = StartCodes.indexOfPrefix(d, from, to);
        while (i >= 0 && i + 3 < to) {
            MediaCodec codec = codecOf(d, i + 3, to);
            if (codec != null) {
                return codec;
            }
            i = StartCodes.indexOfPrefix(d, i + 3, to);
        }
        return null;
    }

    public static MediaCodec codecOf(byte[] d, int header, int end) {
        int b0 = d[header] & 0xFF;
        if ((b0 & 0x80) != 0) {
            return null;
        }
        int type264 = b0 & 0x1F;
        int refIdc = b0 >> 5;
        if ((b0 & 1) != 0) {
            boolean sps = type264 == 7 && refIdc != 0 && header + 1 < end && isH264Profile(d[header + 1] & 0xFF);
            boolean slice = type264 == 1 || type264 == 5 && refIdc != 0;
            boolean delimiter = type264 == 9 && refIdc == 0;
            return sps || slice || delimiter ? MediaCodec.H264 : null;
        }
        if (header + 1 >= end) {
            return null;
        }
        int b1 = d[header + 1] & 0xFF;
        if (b1 < 1 || b1 > 7) {
            return null;
        }
        switch (b0 >> 1) {
            case 0: // TRAIL_N
            case 1: // TRAIL_R
            case 19: // IDR_W_RADL
            case 21: // CRA
            case 32: // VPS
            case 33: // SPS
            case 34: // PPS
            case 35: // AUD
            case 39: // prefix SEI
                return MediaCodec.H265;
            default:
                return null;
        }
    }

    private static boolean isH264Profile(int profileIdc) {
        switch (profileIdc) {
            case 44:
            case 66:
            case 77:
            case 83:
            case 86:
            case 88:
            case 100:
            case 110:
            case 118:
            case 122:
            case 128:
            case 134:
            case 135:
            case 138:
            case 139:
            case 244:
                return true;
            default:
                return false;
        }
    }

    /** Whether any picture NAL unit in the region is a random access point. */
    public static boolean anyKeyPicture(MediaCodec codec, byte[] d, int from, int to) {
        int i = StartCodes.indexOfPrefix(d, from, to);
        while (i >= 0 && i + 4 < to) {
            if (isKeyPicture(codec, d, i + 3)) {
                return true;
            }
            i = StartCodes.indexOfPrefix(d, i + 3, to);
        }
        return false;
    }

    /** Whether any NAL unit in the region is a coded picture (a slice), not a parameter set, SEI or delimiter. */
    public static boolean anyPicture(MediaCodec codec, byte[] d, int from, int to) {
        int i = StartCodes.indexOfPrefix(d, from, to);
        while (i >= 0 && i + 3 < to) {
            int type = codec == MediaCodec.H264 ? h264Type(d[i + 3]) : h265Type(d[i + 3]);
            if (codec == MediaCodec.H264 ? type >= 1 && type <= 5 : type <= 31) {
                return true;
            }
            i = StartCodes.indexOfPrefix(d, i + 3, to);
        }
        return false;
    }

    /** Like {@link #anyKeyPicture(MediaCodec, byte[], int, int)}, for a region whose start codes are known. */
    public static boolean anyKeyPicture(MediaCodec codec, byte[] d, StartCodeList startCodes, int to) {
        for (int k = 0; k < startCodes.size(); k++) {
            int i = startCodes.get(k);
            if (i + 4 < to && isKeyPicture(codec, d, i + 3)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKeyPicture(MediaCodec codec, byte[] d, int header) {
        return codec == MediaCodec.H264 ? h264Type(d[header]) == 5
                : layerId(d, header) == 0 && isIrap(h265Type(d[header]));
    }

    public static int h264Type(byte header) {
        return header & 0x1F;
    }

    public static int h265Type(byte firstHeaderByte) {
        return (firstHeaderByte >> 1) & 0x3F;
    }

    public static int layerId(byte[] d, int header) {
        return (d[header] & 1) << 5 | (d[header + 1] & 0xFF) >> 3;
    }

    public static boolean isIrap(int h265Type) {
        return h265Type >= 16 && h265Type <= 23;
    }
}
