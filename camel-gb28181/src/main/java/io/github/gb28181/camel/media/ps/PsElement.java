package io.github.gb28181.camel.media.ps;

import io.github.gb28181.camel.media.codec.StartCodeList;

/**
 * One complete syntactic element of a program stream (ISO/IEC 13818-1 2.5.3): a pack header, a system header, a
 * program stream map, a PES packet or the end code. The demuxer reuses one instance and its backing array, so a
 * sink copies what it keeps before it returns.
 */
public final class PsElement {

    /** The element kinds a framer cares about. */
    public enum Kind {
        PACK_HEADER,
        SYSTEM_HEADER,
        STREAM_MAP,
        /** A PES packet of an audio (C0..DF) or video (E0..EF) stream, or private stream 1 (BD). */
        PES,
        /** Padding, private stream 2 and the other stream ids without media. */
        OTHER,
        END
    }

    Kind kind;
    int streamId;
    byte[] data;
    int offset;
    int length;
    int payloadOffset;
    int payloadLength;
    int streamType;
    long pts;
    long dts;
    long rtpTimestamp;
    long position;
    StartCodeList startCodes;

    public Kind kind() {
        return kind;
    }

    /** The byte after the start code (BA, BB, BC, C0..EF...). */
    public int streamId() {
        return streamId;
    }

    public boolean isVideo() {
        return kind == Kind.PES && streamId >= 0xE0 && streamId <= 0xEF;
    }

    public boolean isAudio() {
        return kind == Kind.PES && streamId >= 0xC0 && streamId <= 0xDF;
    }

    /** The array holding the element; valid only during the sink call. */
    public byte[] data() {
        return data;
    }

    /** Where the element, start code included, begins in {@link #data()}. */
    public int offset() {
        return offset;
    }

    /** The element's size, start code included. */
    public int length() {
        return length;
    }

    /** Where the PES payload (the elementary stream bytes) begins in {@link #data()}; PES only. */
    public int payloadOffset() {
        return payloadOffset;
    }

    public int payloadLength() {
        return payloadLength;
    }

    /** The stream_type the program stream map gave this stream id, or -1. */
    public int streamType() {
        return streamType;
    }

    /** The PES PTS (90 kHz) or -1. */
    public long pts() {
        return pts;
    }

    /** The PES DTS (90 kHz) or -1. */
    public long dts() {
        return dts;
    }

    /** The RTP timestamp of the packet that carried the element's first byte. */
    public long rtpTimestamp() {
        return rtpTimestamp;
    }

    /**
     * The start codes ({@code 00 00 01}) in the payload of a video PES whose fourth byte is in the payload too, in
     * {@link #data()} coordinates; {@code null} when the demuxer did not search this PES (a program stream map names a
     * codec other than H.264 or H.265).
     */
    public StartCodeList startCodes() {
        return startCodes;
    }

    /** The element's offset in the stream since the demuxer started. */
    public long position() {
        return position;
    }
}
