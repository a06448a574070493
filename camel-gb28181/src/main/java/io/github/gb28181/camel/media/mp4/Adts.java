package io.github.gb28181.camel.media.mp4;

import io.github.gb28181.camel.media.codec.MediaCodec;

/**
 * AAC frames in ADTS (ISO/IEC 13818-7 6.2, ISO/IEC 14496-3 1.A.2): a PES carries one or more, each behind a 7-byte
 * header (9 with a CRC). MP4 takes the raw frames and the configuration once.
 */
final class Adts {

    static final int SAMPLES_PER_FRAME = 1024;
    private static final int[] RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025,
        8000, 7350};

    private Adts() {
    }

    /** Whether an ADTS header starts at {@code at}. */
    static boolean isHeader(byte[] d, int at, int end) {
        return end - at >= 7 && (d[at] & 0xFF) == 0xFF && (d[at + 1] & 0xF6) == 0xF0;
    }

    static int headerLength(byte[] d, int at) {
        return (d[at + 1] & 1) == 1 ? 7 : 9;
    }

    /** aac_frame_length: header included. */
    static int frameLength(byte[] d, int at) {
        return ((d[at + 3] & 0x03) << 11) | ((d[at + 4] & 0xFF) << 3) | ((d[at + 5] & 0xE0) >>> 5);
    }

    /** The configuration the header describes, or {@code null} when it names no valid rate or channel layout. */
    static AudioConfig config(byte[] d, int at) {
        int objectType = ((d[at + 2] & 0xC0) >>> 6) + 1;
        int rateIndex = (d[at + 2] & 0x3C) >>> 2;
        int channels = ((d[at + 2] & 0x01) << 2) | ((d[at + 3] & 0xC0) >>> 6);
        if (rateIndex >= RATES.length || channels == 0) {
            return null;
        }
        return new AudioConfig(MediaCodec.AAC, RATES[rateIndex], channels, objectType, rateIndex);
    }
}
