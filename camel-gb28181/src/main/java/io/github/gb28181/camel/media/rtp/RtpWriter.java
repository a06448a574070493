package io.github.gb28181.camel.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Writes RTP headers (RFC 3550 section 5.1), the counterpart of {@link RtpParser}: version 2, no padding, no
 * extension, no CSRC, so a written packet parses back to the same {@link RtpPacket}. On a TCP connection every packet
 * is preceded by its length in two bytes (RFC 4571).
 */
public final class RtpWriter {

    /** The header this writer writes: the fixed part only. */
    public static final int HEADER_SIZE = RtpParser.HEADER_SIZE;
    /** The RFC 4571 length before each packet on a stream transport. */
    public static final int FRAMING_SIZE = 2;
    /** The largest packet RFC 4571 can frame. */
    public static final int MAX_FRAMED_PACKET = 0xFFFF;

    private RtpWriter() {
    }

    public static void writeHeader(ByteBuf out, boolean marker, int payloadType, int sequence, long timestamp,
                                   long ssrc) {
        out.writeByte(0x80);
        out.writeByte((marker ? 0x80 : 0) | payloadType & 0x7F);
        out.writeShort(sequence);
        out.writeInt((int) timestamp);
        out.writeInt((int) ssrc);
    }

    /** The packet as it goes in a datagram. */
    public static void write(RtpPacket packet, ByteBuf out) {
        writeHeader(out, packet.marker(), packet.payloadType(), packet.sequence(), packet.timestamp(), packet.ssrc());
        out.writeBytes(packet.payload());
    }

    /** The packet as it goes on a TCP connection: its length, then the packet. */
    public static void writeFramed(RtpPacket packet, ByteBuf out) {
        int length = HEADER_SIZE + packet.payload().length;
        if (length > MAX_FRAMED_PACKET) {
            throw new IllegalArgumentException("An RTP packet of " + length + " bytes cannot be framed (RFC 4571)");
        }
        out.writeShort(length);
        write(packet, out);
    }
}
