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
