package io.github.gb28181.camel.media.rtp;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The writer and the parser are one packet model: what one writes the other reads back, the way other RTP stacks
 * write it (checked against a header written by hand from RFC 3550).
 */
class RtpWriterTest {

    @Test
    void aWrittenPacketParsesBackToItself() {
        RtpPacket packet = new RtpPacket(0xFFFE, 0xF0000001L, 0xF5F5F5F5L, true, 96, new byte[] {7, 8, 9}, 0, null);
        ByteBuf buf = Unpooled.buffer();
        try {
            RtpWriter.write(packet, buf);
            assertThat(ByteBufUtilHex.of(buf)).isEqualTo("80e0fffef0000001f5f5f5f5070809");
            RtpPacket back = RtpParser.parse(buf, null, 0);
            assertThat(back).usingRecursiveComparison().isEqualTo(packet);
        } finally {
            buf.release();
        }
    }

    @Test
    void framingPutsTheLengthFirst() {
        RtpPacket packet = new RtpPacket(1, 2, 3, false, 8, new byte[160], 0, null);
        ByteBuf buf = Unpooled.buffer();
        try {
            RtpWriter.writeFramed(packet, buf);
            assertThat(buf.readUnsignedShort()).isEqualTo(172);
            assertThat(buf.readableBytes()).isEqualTo(172);
            assertThat(RtpParser.parse(buf, null, 0).payloadType()).isEqualTo(8);
        } finally {
            buf.release();
        }
        assertThatThrownBy(() -> RtpWriter.writeFramed(new RtpPacket(1, 2, 3, false, 8, new byte[65_530], 0, null),
                Unpooled.buffer())).hasMessageContaining("RFC 4571");
    }

    @Test
    void aFrameIsCutIntoPacketsOfAtMost1400BytesTheMarkerOnTheLast() {
        RtpPacketizer packetizer = new RtpPacketizer(100000001L, 96, 0xFFFE, RtpPacketizer.DEFAULT_MAX_PAYLOAD,
                false);
        byte[] frame = new byte[3 * 1400 + 1];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) i;
        }
        List<ByteBuf> buffers = new ArrayList<>();

        int count = packetizer.packetize(frame, 0, frame.length, 0x1_2345_6789L & 0xFFFF_FFFFL, size -> {
            ByteBuf b = Unpooled.buffer(size);
            buffers.add(b);
            return b;
        });

        assertThat(count).isEqualTo(4).isEqualTo(packetizer.packets(frame.length));
        List<RtpPacket> packets = buffers.stream().map(b -> {
            RtpPacket p = RtpParser.parse(b, null, 0);
            b.release();
            return p;
        }).toList();
        assertThat(packets).extracting(RtpPacket::sequence).containsExactly(0xFFFE, 0xFFFF, 0, 1);
        assertThat(packets).extracting(RtpPacket::marker).containsExactly(false, false, false, true);
        assertThat(packets).extracting(p -> p.payload().length).containsExactly(1400, 1400, 1400, 1);
        assertThat(packets).allMatch(p -> p.timestamp() == 0x2345_6789L && p.ssrc() == 100000001L
                                          && p.payloadType() == 96);
        ByteBuf all = Unpooled.buffer();
        packets.forEach(p -> all.writeBytes(p.payload()));
        assertThat(ByteBufUtilHex.bytes(all)).isEqualTo(frame);
        assertThat(packetizer.nextSequence()).isEqualTo(2);
    }

    @Test
    void framedPacketsGatherInOneBufferForAConnection() {
        RtpPacketizer packetizer = new RtpPacketizer(7, 96, 10, 1000, true);
        byte[] frame = new byte[2500];
        ByteBuf buf = Unpooled.buffer(packetizer.wireSize(frame.length));
        try {
            packetizer.packetize(frame, 0, frame.length, 90_000, size -> buf);
            assertThat(buf.readableBytes()).isEqualTo(2500 + 3 * (12 + 2)).isEqualTo(buf.capacity());
            List<Integer> sequences = new ArrayList<>();
            while (buf.isReadable()) {
                int length = buf.readUnsignedShort();
                RtpPacket p = RtpParser.parse(buf.readSlice(length), null, 0);
                sequences.add(p.sequence());
            }
            assertThat(sequences).containsExactly(10, 11, 12);
        } finally {
            buf.release();
        }
    }

    /** Hex and bytes of what a buffer holds, without moving its reader index. */
    private static final class ByteBufUtilHex {
        static String of(ByteBuf b) {
            return io.netty.buffer.ByteBufUtil.hexDump(b);
        }

        static byte[] bytes(ByteBuf b) {
            byte[] out = new byte[b.readableBytes()];
            b.getBytes(b.readerIndex(), out);
            b.release();
            return out;
        }
    }
}
