package io.github.gb28181.camel.media.codec;


/**
 * Names the audio codec when no program stream map does.
 */
public final class AudioCodecs {

    private AudioCodecs() {
    }

    /**
     * Only AAC in ADTS gives itself away (a 12-bit sync word, layer 0); G.711 is raw samples and says nothing.
     */
    public static MediaCodec sniff(byte[] d, int from, int to) {
        if (to - from >= 7 && (d[from] & 0xFF) == 0xFF && (d[from + 1] & 0xF6) == 0xF0) {
            return MediaCodec.AAC;
        }
        return MediaCodec.UNKNOWN;
    }
}
