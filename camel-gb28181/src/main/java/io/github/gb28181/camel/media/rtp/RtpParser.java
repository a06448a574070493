package io.github.gb28181.camel.media.rtp;

import java.net.InetSocketAddress;

import io.netty.buffer.ByteBuf;

/**
 * Reads RTP headers (RFC 3550 section 5.1) defensively: every length in the header is checked against the bytes
 * actually present, so truncated packets and lying CSRC counts, extension lengths or padding counts are rejected
 * instead of read past.
 */
public final class RtpParser {

    /** The fixed header size. */
    public static final int HEADER_SIZE = 12;

    private RtpParser() {
    }

    /**
     * RTCP multiplexed on the RTP port (RFC 5761): its packet types 192..223 fall where RTP's marker bit and payload
     * type would be.
     */
    public static boolean isRtcp(ByteBuf buf) {
        if (buf.readableBytes() < 2 || buf.getUnsignedByte(buf.readerIndex()) >> 6 != 2) {
            return false;
        }
        int second = buf.getUnsignedByte(buf.readerIndex() + 1);
        return second >= 192 && second <= 223;
    }

    /**
     * Parses the readable bytes of {@code buf} without moving its reader index.
     *
     * @return the packet, or {@code null} when the bytes are not a well-formed RTP version 2 packet
     */
    public static RtpPacket parse(ByteBuf buf, InetSocketAddress source, long arrivalNanos) {
        int start = buf.readerIndex();
        int length = buf.readableBytes();
        if (length < HEADER_SIZE) {
            return null;
        }
        int first = buf.getUnsignedByte(start);
        if (first >> 6 != 2) {
            return null;
        }
        boolean padding = (first & 0x20) != 0;
        boolean extension = (first & 0x10) != 0;
        int csrcCount = first & 0x0F;
        int second = buf.getUnsignedByte(start + 1);
        int headerLength = HEADER_SIZE + 4 * csrcCount;
        if (extension) {
            if (length < headerLength + 4) {
                return null;
            }
            headerLength += 4 + 4 * buf.getUnsignedShort(start + headerLength + 2);
        }
        int payloadEnd = length;
        if (padding) {
            int padCount = buf.getUnsignedByte(start + length - 1);
            if (padCount == 0) {
                return null;
            }
            payloadEnd -= padCount;
        }
        if (headerLength > payloadEnd) {
            return null;
        }
        byte[] payload = new byte[payloadEnd - headerLength];
        buf.getBytes(start + headerLength, payload);
        return new RtpPacket(buf.getUnsignedShort(start + 2), buf.getUnsignedInt(start + 4),
                buf.getUnsignedInt(start + 8), (second & 0x80) != 0, second & 0x7F, payload, arrivalNanos, source);
    }
}
