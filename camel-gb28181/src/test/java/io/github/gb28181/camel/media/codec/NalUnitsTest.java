package io.github.gb28181.camel.media.codec;

import io.github.gb28181.camel.media.Samples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NalUnitsTest {

    private static byte[] bytes(int... b) {
        byte[] d = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            d[i] = (byte) b[i];
        }
        return d;
    }

    @Test
    void tellsH264FromH265ByTheirParameterSets() {
        assertThat(NalUnits.sniff(bytes(0, 0, 0, 1, 0x67, 0x64, 0, 0x1F), 0, 8)).isEqualTo(MediaCodec.H264);
        assertThat(NalUnits.sniff(bytes(0, 0, 0, 1, 0x40, 0x01, 0x0C, 0x01), 0, 8)).isEqualTo(MediaCodec.H265);
        assertThat(NalUnits.sniff(bytes(0, 0, 1, 0x42, 0x01, 0x01), 0, 6)).isEqualTo(MediaCodec.H265);
    }

    @Test
    void tellsThemApartInTheMiddleOfAGop() {
        assertThat(NalUnits.sniff(bytes(0, 0, 1, 0x41, 0x9A, 0x20), 0, 6)).as("H.264 P slice").isEqualTo(MediaCodec.H264);
        assertThat(NalUnits.sniff(bytes(0, 0, 1, 0x02, 0x01, 0xD0), 0, 6)).as("H.265 TRAIL_R").isEqualTo(
                MediaCodec.H265);
    }

    @Test
    void staysUndecidedOnAmbiguousUnits() {
        assertThat(NalUnits.sniff(bytes(0, 0, 1, 0x06, 0x05, 0x10), 0, 6)).as("SEI, or an H.265 TSA_R").isNull();
        assertThat(NalUnits.sniff(bytes(1, 2, 3, 4, 5), 0, 5)).isNull();
    }

    @Test
    void findsKeyPictures() {
        byte[] h264 = Samples.bytes(Samples.H264_AUD);
        assertThat(NalUnits.anyKeyPicture(MediaCodec.H264, h264, 0, 2000)).isTrue();
        assertThat(NalUnits.anyKeyPicture(MediaCodec.H264, bytes(0, 0, 1, 0x41, 0x9A, 0, 0, 1, 0x09, 0xF0), 0, 10))
                .isFalse();
        byte[] h265 = Samples.bytes(Samples.H265_AUD);
        assertThat(NalUnits.sniff(h265, 0, h265.length)).isEqualTo(MediaCodec.H265);
        assertThat(NalUnits.anyKeyPicture(MediaCodec.H265, h265, 0, 4000)).isTrue();
    }
}
