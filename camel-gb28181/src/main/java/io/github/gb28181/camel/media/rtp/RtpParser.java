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
        long bounds = payloadBounds(buf);
        if (bounds < 0) {
            return null;
        }
        int start = buf.readerIndex();
        int headerLength = (int) (bounds >>> 32);
        byte[] payload = new byte[(int) bounds - headerLength];
        buf.getBytes(start + headerLength, payload);
        int second = buf.getUnsignedByte(start + 1);
        return new RtpPacket(buf.getUnsignedShort(start + 2), buf.getUnsignedInt(start + 4),
                buf.getUnsignedInt(start + 8), (second & 0x80) != 0, second & 0x7F, payload, arrivalNanos, source);
    }

    /**
     * Where the payload of the packet in {@code buf}'s readable bytes lies, without copying it: a relay passes it on
     * from the network buffer. The header fields are at fixed places (sequence at 2, timestamp at 4, SSRC at 8).
     *
     * @return the payload's start (the header's length) in the upper 32 bits and its end in the lower ones, both
     *         relative to the reader index; -1 when the bytes are not a well-formed RTP version 2 packet
     */
    public static long payloadBounds(ByteBuf buf) {
        int start = buf.readerIndex();
        int length = buf.readableBytes();
        if (length < HEADER_SIZE) {
            return -1;
        }
        int first = buf.getUnsignedByte(start);
        if (first >> 6 != 2) {
            return -1;
        }
        boolean padding = (first & 0x20) != 0;
        boolean extension = (first & 0x10) != 0;
        int csrcCount = first & 0x0F;
        int headerLength = HEADER_SIZE + 4 * csrcCount;
        if (extension) {
            if (length < headerLength + 4) {
                return -1;
            }
            headerLength += 4 + 4 * buf.getUnsignedShort(start + headerLength + 2);
        }
        int payloadEnd = length;
        if (padding) {
            int padCount = buf.getUnsignedByte(start + length - 1);
            if (padCount == 0) {
                return -1;
            }
            payloadEnd -= padCount;
        }
        if (headerLength > payloadEnd) {
            return -1;
        }
        return (long) headerLength << 32 | payloadEnd;
    }
}
