package io.github.gb28181.camel.media.rtp;

import java.net.InetSocketAddress;

/**
 * An RTP packet (RFC 3550) with its payload copied out of the network buffer, so nothing downstream holds Netty
 * memory.
 */
public final class RtpPacket {

    private final int sequence;
    private final long timestamp;
    private final long ssrc;
    private final boolean marker;
    private final int payloadType;
    private final byte[] payload;
    private final long arrivalNanos;
    private final InetSocketAddress source;

    public RtpPacket(int sequence, long timestamp, long ssrc, boolean marker, int payloadType, byte[] payload,
                     long arrivalNanos, InetSocketAddress source) {
        this.sequence = sequence;
        this.timestamp = timestamp;
        this.ssrc = ssrc;
        this.marker = marker;
        this.payloadType = payloadType;
        this.payload = payload;
        this.arrivalNanos = arrivalNanos;
        this.source = source;
    }

    /** The 16-bit sequence number. */
    public int sequence() {
        return sequence;
    }

    /** The 32-bit timestamp, unsigned. */
    public long timestamp() {
        return timestamp;
    }

    /** The 32-bit SSRC, unsigned. */
    public long ssrc() {
        return ssrc;
    }

    public boolean marker() {
        return marker;
    }

    public int payloadType() {
        return payloadType;
    }

    public byte[] payload() {
        return payload;
    }

    /** {@link System#nanoTime()} when the packet was read from the socket. */
    public long arrivalNanos() {
        return arrivalNanos;
    }

    /** Where the packet came from; {@code null} when not read from a socket. */
    public InetSocketAddress source() {
        return source;
    }

    @Override
    public String toString() {
        return "RtpPacket[seq=" + sequence + ", ts=" + timestamp + ", ssrc=" + ssrc + (marker ? ", M" : "") + ", pt="
               + payloadType + ", " + payload.length + " bytes]";
    }
}
