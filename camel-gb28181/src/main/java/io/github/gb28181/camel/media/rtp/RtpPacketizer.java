package io.github.gb28181.camel.media.rtp;

import java.util.function.IntFunction;

import io.netty.buffer.ByteBuf;

/**
 * Cuts frames into the RTP packets of one outgoing stream (one SSRC), numbering them. The sequence lives here, not
 * in a connection, so it runs on unbroken when a TCP connection is replaced. Not thread-safe: one sender at a time.
 */
public final class RtpPacketizer {

    /** The payload size GB/T 28181 senders keep to, so a packet with its headers fits a 1500-byte Ethernet MTU. */
    public static final int DEFAULT_MAX_PAYLOAD = 1400;

    private final long ssrc;
    private final int payloadType;
    private final int maxPayload;
    private final boolean framed;
    private int sequence;

    /**
     * @param firstSequence the sequence number of the first packet (RFC 3550 suggests a random one)
     * @param maxPayload    the most payload bytes per packet
     * @param framed        whether each packet is preceded by its RFC 4571 length (TCP)
     */
    public RtpPacketizer(long ssrc, int payloadType, int firstSequence, int maxPayload, boolean framed) {
        if (maxPayload < 1 || maxPayload > RtpWriter.MAX_FRAMED_PACKET - RtpWriter.HEADER_SIZE) {
            throw new IllegalArgumentException("Payload size out of range: " + maxPayload);
        }
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SSRC out of range: " + ssrc);
        }
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("Payload type out of range: " + payloadType);
        }
        this.ssrc = ssrc;
        this.payloadType = payloadType;
        this.maxPayload = maxPayload;
        this.framed = framed;
        this.sequence = firstSequence & 0xFFFF;
    }

    /** How many packets a frame of {@code length} bytes takes. */
    public int packets(int length) {
        return Math.max(1, (length + maxPayload - 1) / maxPayload);
    }

    /** The bytes a frame of {@code length} bytes takes on the wire, headers (and framing) included. */
    public int wireSize(int length) {
        return length + packets(length) * (RtpWriter.HEADER_SIZE + (framed ? RtpWriter.FRAMING_SIZE : 0));
    }

    /**
     * Writes one frame as packets of at most the maximum payload, all with {@code timestamp}, the marker bit on the
     * last one.
     *
     * @param  buffers gives the buffer to write each packet into, asked with the packet's size on the wire: a new
     *                 one per packet for datagrams, or the same one every time to gather a frame for a connection
     * @return         the packets written
     */
    public int packetize(byte[] frame, int offset, int length, long timestamp, IntFunction<ByteBuf> buffers) {
        int count = packets(length);
        int at = offset;
        int end = offset + length;
        for (int i = 0; i < count; i++) {
            int size = Math.min(maxPayload, end - at);
            ByteBuf out = buffers.apply(size + RtpWriter.HEADER_SIZE + (framed ? RtpWriter.FRAMING_SIZE : 0));
            write(out, frame, at, size, timestamp, i == count - 1);
            at += size;
        }
        return count;
    }

    /** Writes one packet with the payload as given, for senders that cut their own packets (G.711 every 20 ms). */
    public void write(ByteBuf out, byte[] payload, int offset, int length, long timestamp, boolean marker) {
        if (framed) {
            out.writeShort(RtpWriter.HEADER_SIZE + length);
        }
        RtpWriter.writeHeader(out, marker, payloadType, sequence, timestamp, ssrc);
        out.writeBytes(payload, offset, length);
        sequence = (sequence + 1) & 0xFFFF;
    }

    /** The sequence number the next packet gets. */
    public int nextSequence() {
        return sequence;
    }

    public long ssrc() {
        return ssrc;
    }
}
