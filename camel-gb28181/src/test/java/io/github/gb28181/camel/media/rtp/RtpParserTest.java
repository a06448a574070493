package io.github.gb28181.camel.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RtpParserTest {

    private static RtpPacket parse(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        ByteBuf buf = Unpooled.wrappedBuffer(b);
        try {
            return RtpParser.parse(buf, null, 0);
        } finally {
            buf.release();
        }
    }

    @Test
    void readsTheFixedHeader() {
        RtpPacket p = parse(0x80, 0xE0, 0xFF, 0xFE, 0xF0, 0, 0, 1, 0xF5, 0xF5, 0xF5, 0xF5, 7, 8, 9);
        assertThat(p.sequence()).isEqualTo(0xFFFE);
        assertThat(p.timestamp()).isEqualTo(0xF0000001L);
        assertThat(p.ssrc()).isEqualTo(0xF5F5F5F5L);
        assertThat(p.marker()).isTrue();
        assertThat(p.payloadType()).isEqualTo(96);
        assertThat(p.payload()).containsExactly(7, 8, 9);
    }

    @Test
    void skipsCsrcsExtensionAndPadding() {
        RtpPacket p = parse(0xB1, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1,
                1, 2, 3, 4, // one CSRC
                0xBE, 0xDE, 0, 1, 9, 9, 9, 9, // one-word extension
                0x42, 0x43, // payload
                0, 0, 3); // three bytes of padding
        assertThat(p.payload()).containsExactly(0x42, 0x43);
    }

    @Test
    void rejectsWhatDoesNotAddUp() {
        assertThat(parse(0x80, 96, 0, 1)).as("truncated").isNull();
        assertThat(parse(0x40, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 5)).as("version 1").isNull();
        assertThat(parse(0x8F, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 5)).as("15 CSRCs claimed").isNull();
        assertThat(parse(0x90, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0x7F, 0xFF)).as("extension length lies")
                .isNull();
        assertThat(parse(0xA0, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 5, 0xFF)).as("padding longer than packet").isNull();
        assertThat(parse(0xA0, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 5, 0)).as("zero padding count").isNull();
    }

    @Test
    void acceptsAnEmptyPayload() {
        assertThat(parse(0x80, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1).payload()).isEmpty();
    }

    @Test
    void tellsRtcpApart() {
        ByteBuf sr = Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, (byte) 200, 0, 6});
        ByteBuf rtp = Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, (byte) 0xE0, 0, 6});
        assertThat(RtpParser.isRtcp(sr)).isTrue();
        assertThat(RtpParser.isRtcp(rtp)).isFalse();
        sr.release();
        rtp.release();
    }
}
