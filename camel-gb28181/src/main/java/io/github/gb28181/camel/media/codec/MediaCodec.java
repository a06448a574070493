package io.github.gb28181.camel.media.codec;


/**
 * The codecs GB/T 28181 devices put in a program stream, with the stream_type values of the program stream map
 * (ISO/IEC 13818-1 table 2-34, and the GB/T 28181 assignments for G.711, G.722.1, G.723.1, G.729 and SVAC).
 */
public enum MediaCodec {
    H264(MediaStreamType.VIDEO),
    H265(MediaStreamType.VIDEO),
    MPEG4(MediaStreamType.VIDEO),
    MPEG2(MediaStreamType.VIDEO),
    SVAC(MediaStreamType.VIDEO),
    G711A(MediaStreamType.AUDIO),
    G711U(MediaStreamType.AUDIO),
    G722_1(MediaStreamType.AUDIO),
    G723_1(MediaStreamType.AUDIO),
    G729(MediaStreamType.AUDIO),
    AAC(MediaStreamType.AUDIO),
    MPEG_AUDIO(MediaStreamType.AUDIO),
    SVAC_AUDIO(MediaStreamType.AUDIO),
    /** Neither the program stream map nor the payload told. */
    UNKNOWN(null);

    private final MediaStreamType type;

    MediaCodec(MediaStreamType type) {
        this.type = type;
    }

    /** VIDEO or AUDIO, or {@code null} for {@link #UNKNOWN}. */
    public MediaStreamType type() {
        return type;
    }

    /**
     * The PSM stream_type a muxer writes for this codec (the inverse of {@link #fromStreamType(int)}): for AAC the
     * ADTS type 0x0F, for G.711 µ-law 0x91, which GB/T 28181 leaves unassigned but receivers read as G.711U.
     *
     * @return the stream_type byte, or -1 for a codec no program stream map names
     */
    public int streamType() {
        return switch (this) {
            case H264 -> 0x1B;
            case H265 -> 0x24;
            case MPEG4 -> 0x10;
            case MPEG2 -> 0x02;
            case SVAC -> 0x80;
            case G711A -> 0x90;
            case G711U -> 0x91;
            case G722_1 -> 0x92;
            case G723_1 -> 0x93;
            case G729 -> 0x99;
            case SVAC_AUDIO -> 0x9B;
            case AAC -> 0x0F;
            case MPEG_AUDIO -> 0x03;
            case UNKNOWN -> -1;
        };
    }

    /**
     * @param  streamType a PSM stream_type byte
     * @return            the codec, or {@link #UNKNOWN} for a type GB/T 28181 does not use
     */
    public static MediaCodec fromStreamType(int streamType) {
        switch (streamType) {
            case 0x1B:
                return H264;
            case 0x24:
                return H265;
            case 0x10:
                return MPEG4;
            case 0x01:
            case 0x02:
                return MPEG2;
            case 0x80:
                return SVAC;
            case 0x90:
                return G711A;
            case 0x91:
                return G711U;
            case 0x92:
                return G722_1;
            case 0x93:
                return G723_1;
            case 0x99:
                return G729;
            case 0x9B:
                return SVAC_AUDIO;
            case 0x0F:
            case 0x11:
                return AAC;
            case 0x03:
            case 0x04:
                return MPEG_AUDIO;
            default:
                return UNKNOWN;
        }
    }
}
