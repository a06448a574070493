package io.github.gb28181.camel.media.ps;

import java.util.Arrays;

import io.github.gb28181.camel.media.codec.StartCodeList;
import io.github.gb28181.camel.media.codec.StartCodes;

/**
 * Cuts a program stream (ISO/IEC 13818-1 2.5.3, MPEG-2 or MPEG-1 system syntax) into its elements, whatever the
 * RTP payloads' boundaries: payloads may hold whole packs or be cut anywhere, and an element is handed on only once
 * all its bytes are there.
 * <p>
 * Element sizes come from the headers, never from a search, except for a video PES whose length field is zero
 * (unbounded), which ends at the next start code. After a gap, or on bytes that are not an element, the demuxer
 * reports a discontinuity and looks for the next plausible start code. A PES of H.264 or H.265 video that would
 * contain a program stream start code claimed a length that ran over the next element: it is dropped as corrupt and
 * parsing resumes at that start code. That search notes the NAL unit start codes on its way and hands them on with
 * the element, so no framer searches the same bytes again.
 * <p>
 * Not thread-safe.
 */
public final class PsDemuxer {

    private static final int NEED_MORE = -1;
    private static final int INVALID = -2;
    private static final int RESTARTED = -3;
    private static final int NO_TIMESTAMP = -1;

    private final PsElementSink sink;
    private final int maxUnboundedPes;
    private final PsElement element = new PsElement();
    private final int[] streamTypes = new int[256];
    private final ChunkTimestamps chunkTimestamps = new ChunkTimestamps();
    /** The start codes found so far in the video PES at {@link #pos}: the search resumes at {@link #scanFrom}. */
    private final StartCodeList videoStartCodes = new StartCodeList();

    private byte[] buf = new byte[16 * 1024];
    private int pos;
    private int end;
    private long base;
    private boolean resync = true;
    private boolean reported;
    private boolean fed;
    private int scanFrom = -1;

    private long corruptions;
    private long skippedBytes;

    /**
     * @param maxUnboundedPes the most bytes a video PES without a length may take before it is declared corrupt
     */
    public PsDemuxer(PsElementSink sink, int maxUnboundedPes) {
        this.sink = sink;
        this.maxUnboundedPes = Math.max(maxUnboundedPes, 64 * 1024);
        Arrays.fill(streamTypes, -1);
    }

    /**
     * Takes the next piece of the stream.
     *
     * @param discontinuity bytes are missing before this piece
     */
    public void feed(byte[] data, int offset, int length, long rtpTimestamp, boolean discontinuity) {
        if (discontinuity && fed) {
            skippedBytes += end - pos;
            pos = end;
            startResync();
        }
        fed = true;
        if (length == 0) {
            return;
        }
        append(data, offset, length, rtpTimestamp);
        parse();
        compact();
    }

    /** The PSM stream_type of a stream id, or -1 when no PSM has named it. */
    public int streamType(int streamId) {
        return streamTypes[streamId & 0xFF];
    }

    /** Bytes waiting for the rest of their element. */
    public int pendingBytes() {
        return end - pos;
    }

    /** Times corrupt data made the demuxer look for a start code. */
    public long corruptions() {
        return corruptions;
    }

    /** Bytes thrown away: partial elements before a gap, and data between a corruption and the next start code. */
    public long skippedBytes() {
        return skippedBytes;
    }

    private void parse() {
        while (true) {
            if (resync && !findStartCode()) {
                return;
            }
            int available = end - pos;
            if (available < 4) {
                return;
            }
            if (buf[pos] != 0 || buf[pos + 1] != 0 || buf[pos + 2] != 1) {
                corrupt();
                continue;
            }
            int code = buf[pos + 3] & 0xFF;
            int length = measure(code, available);
            if (length == NEED_MORE) {
                return;
            }
            if (length == INVALID) {
                corrupt();
                continue;
            }
            if (length == RESTARTED) {
                continue;
            }
            int consumed = handle(code, length);
            if (consumed < 0) {
                corrupt();
                continue;
            }
            pos += consumed;
            scanFrom = -1;
        }
    }

    private int measure(int code, int available) {
        if (code == 0xBA) {
            if (available < 5) {
                return NEED_MORE;
            }
            int b4 = buf[pos + 4] & 0xFF;
            int length;
            if ((b4 & 0xC0) == 0x40) {
                if (available < 14) {
                    return NEED_MORE;
                }
                length = 14 + (buf[pos + 13] & 0x07);
            } else if ((b4 & 0xF0) == 0x20) {
                length = 12;
            } else {
                return INVALID;
            }
            return length > available ? NEED_MORE : length;
        }
        if (code == 0xB9) {
            return 4;
        }
        if (code < 0xB9) {
            return INVALID;
        }
        if (available < 6) {
            return NEED_MORE;
        }
        int length = 6 + ((buf[pos + 4] & 0xFF) << 8 | buf[pos + 5] & 0xFF);
        boolean video = code >= 0xE0 && code <= 0xEF;
        if (length == 6 && video) {
            return measureUnbounded(available);
        }
        if (length > available) {
            // a video PES that claims more bytes than it has is caught as soon as the next element shows up
            return video && mayHoldH26x(code) && scanPendingVideo() ? RESTARTED : NEED_MORE;
        }
        return length;
    }

    // a video PES with length 0 runs to the next start code, which video data cannot contain
    private int measureUnbounded(int available) {
        int from = Math.max(pos + 9, scanFrom);
        int hit = scanVideo(from, end);
        if (hit >= 0) {
            scanFrom = hit; // searched up to its end
            return hit - pos;
        }
        if (available > maxUnboundedPes) {
            return INVALID;
        }
        scanFrom = Math.max(from, end - 3);
        return NEED_MORE;
    }

    /** @return true when the pending video PES was found to run into another element, and was dropped */
    private boolean scanPendingVideo() {
        int from = Math.max(pos + 9, scanFrom);
        int hit = scanVideo(from, end);
        if (hit < 0) {
            scanFrom = Math.max(from, end - 3);
            return false;
        }
        dropLyingPes(hit);
        return true;
    }

    /** Searches on in the video PES at {@link #pos}, noting its NAL unit start codes on the way. */
    private int scanVideo(int from, int to) {
        if (scanFrom < 0) {
            videoStartCodes.clear();
        }
        return StartCodes.indexOfSystemStartCode(buf, from, to, videoStartCodes);
    }

    private void dropLyingPes(int nextElement) {
        corruptions++;
        skippedBytes += nextElement - pos;
        pos = nextElement;
        scanFrom = -1;
        discontinuity();
    }

    /** @return bytes consumed (0 when the element was dropped), or -1 when its header does not hold together */
    private int handle(int code, int length) {
        PsElement e = element;
        e.streamId = code;
        e.streamType = streamTypes[code];
        e.data = buf;
        e.offset = pos;
        e.length = length;
        e.position = base + pos;
        e.rtpTimestamp = chunkTimestamps.at(e.position);
        e.pts = NO_TIMESTAMP;
        e.dts = NO_TIMESTAMP;
        e.payloadOffset = pos + length;
        e.payloadLength = 0;
        e.startCodes = null;
        switch (code) {
            case 0xBA:
                e.kind = PsElement.Kind.PACK_HEADER;
                break;
            case 0xB9:
                e.kind = PsElement.Kind.END;
                break;
            case 0xBB:
                e.kind = PsElement.Kind.SYSTEM_HEADER;
                break;
            case 0xBC:
                e.kind = PsElement.Kind.STREAM_MAP;
                ProgramStreamMap.parse(buf, pos, length, streamTypes);
                break;
            default:
                if (code == 0xBD || code >= 0xC0 && code <= 0xEF) {
                    e.kind = PsElement.Kind.PES;
                    if (!readPesHeader(e)) {
                        return -1;
                    }
                    if (code >= 0xE0 && mayHoldH26x(code)) {
                        int hit = scanVideo(Math.max(e.payloadOffset, scanFrom), pos + length);
                        if (hit >= 0) {
                            dropLyingPes(hit);
                            return 0; // parsing goes on at the element the PES ran into
                        }
                        // the search began before the end of the PES header, which is not video
                        videoStartCodes.dropBefore(e.payloadOffset);
                        e.startCodes = videoStartCodes;
                    }
                } else {
                    e.kind = PsElement.Kind.OTHER;
                }
        }
        sink.onElement(e);
        return length;
    }

    private boolean mayHoldH26x(int streamId) {
        int type = streamTypes[streamId];
        return type < 0 || type == 0x1B || type == 0x24;
    }

    private boolean readPesHeader(PsElement e) {
        int p = pos + 6;
        int limit = pos + e.length;
        if (p >= limit) {
            return false;
        }
        if ((buf[p] & 0xC0) == 0x80) {
            if (p + 3 > limit) {
                return false;
            }
            int flags = buf[p + 1] & 0xFF;
            int headerLength = buf[p + 2] & 0xFF;
            int payload = p + 3 + headerLength;
            if (payload > limit) {
                return false;
            }
            if ((flags & 0x80) != 0) {
                if (headerLength < 5) {
                    return false;
                }
                e.pts = timestamp(p + 3);
                if ((flags & 0x40) != 0) {
                    if (headerLength < 10) {
                        return false;
                    }
                    e.dts = timestamp(p + 8);
                }
            }
            e.payloadOffset = payload;
            e.payloadLength = limit - payload;
            return true;
        }
        return readMpeg1PesHeader(e, p, limit);
    }

    // ISO/IEC 11172-1 2.4.3.3: stuffing, optional STD buffer size, then the time stamps
    private boolean readMpeg1PesHeader(PsElement e, int p, int limit) {
        int stuffing = 0;
        while (p < limit && buf[p] == (byte) 0xFF && stuffing < 16) {
            p++;
            stuffing++;
        }
        if (p < limit && (buf[p] & 0xC0) == 0x40) {
            p += 2;
        }
        if (p >= limit) {
            return false;
        }
        int b = buf[p] & 0xFF;
        if ((b & 0xF0) == 0x20) {
            if (p + 5 > limit) {
                return false;
            }
            e.pts = timestamp(p);
            p += 5;
        } else if ((b & 0xF0) == 0x30) {
            if (p + 10 > limit) {
                return false;
            }
            e.pts = timestamp(p);
            e.dts = timestamp(p + 5);
            p += 10;
        } else if (b == 0x0F) {
            p++;
        } else {
            return false;
        }
        e.payloadOffset = p;
        e.payloadLength = limit - p;
        return true;
    }

    private long timestamp(int p) {
        return ((long) (buf[p] & 0x0E) << 29) | (buf[p + 1] & 0xFF) << 22 | (buf[p + 2] & 0xFE) << 14
               | (buf[p + 3] & 0xFF) << 7 | (buf[p + 4] & 0xFF) >>> 1;
    }

    private void corrupt() {
        corruptions++;
        skippedBytes++;
        pos++;
        scanFrom = -1;
        if (!resync) {
            startResync();
        }
    }

    private void startResync() {
        resync = true;
        scanFrom = -1;
        discontinuity();
    }

    private void discontinuity() {
        reported = true;
        sink.onDiscontinuity();
    }

    /** Moves {@link #pos} to a plausible start code; false when more bytes are needed to find one. */
    private boolean findStartCode() {
        int i = pos;
        while (true) {
            int hit = StartCodes.indexOfPrefix(buf, i, end);
            if (hit < 0) {
                skip(Math.max(pos, end - 2));
                return false;
            }
            int plausible = plausibleStart(hit);
            if (plausible == NEED_MORE) {
                skip(hit);
                return false;
            }
            if (plausible > 0) {
                skip(hit);
                resync = false;
                reported = false;
                return true;
            }
            i = hit + 1;
        }
    }

    private void skip(int to) {
        if (to > pos) {
            skippedBytes += to - pos;
            if (!reported) {
                // junk before the first element: the stream was joined in the middle
                discontinuity();
            }
            pos = to;
        }
    }

    /** @return 1 when a start code at i looks like a pack or PES header, 0 when not, NEED_MORE */
    private int plausibleStart(int i) {
        if (i + 3 >= end) {
            return NEED_MORE;
        }
        int code = buf[i + 3] & 0xFF;
        if (code == 0xBA) {
            if (i + 4 >= end) {
                return NEED_MORE;
            }
            int b = buf[i + 4] & 0xFF;
            return (b & 0xC0) == 0x40 || (b & 0xF0) == 0x20 ? 1 : 0;
        }
        if (code == 0xBB || code == 0xBC) {
            return 1;
        }
        if (code == 0xBD || code >= 0xC0 && code <= 0xEF) {
            if (i + 6 >= end) {
                return NEED_MORE;
            }
            int b = buf[i + 6] & 0xFF;
            boolean mpeg2 = (b & 0xC0) == 0x80;
            boolean mpeg1 = b == 0xFF || (b & 0xC0) == 0x40 || (b & 0xE0) == 0x20 || b == 0x0F;
            return mpeg2 || mpeg1 ? 1 : 0;
        }
        return 0;
    }

    private void append(byte[] data, int offset, int length, long rtpTimestamp) {
        if (end + length > buf.length) {
            compactNow();
            if (end + length > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, end + length));
            }
        }
        chunkTimestamps.add(base + end, rtpTimestamp);
        System.arraycopy(data, offset, buf, end, length);
        end += length;
    }

    private void compact() {
        if (pos == end) {
            base += pos;
            pos = 0;
            end = 0;
            scanFrom = -1;
            // a big unbounded PES may have grown the buffer; give the memory back once it is parsed
            if (buf.length > 256 * 1024) {
                buf = new byte[16 * 1024];
            }
        } else if (pos > buf.length / 2) {
            compactNow();
        }
    }

    private void compactNow() {
        if (pos == 0) {
            return;
        }
        System.arraycopy(buf, pos, buf, 0, end - pos);
        if (scanFrom >= 0) {
            scanFrom -= pos;
            videoStartCodes.shiftDown(pos);
        }
        base += pos;
        end -= pos;
        pos = 0;
    }

    /** Which RTP timestamp each byte came with: the start positions of the last pieces fed. */
    private static final class ChunkTimestamps {
        private long[] positions = new long[64];
        private long[] stamps = new long[64];
        private int head;
        private int size;

        void add(long position, long stamp) {
            if (size == positions.length) {
                long[] p = new long[size * 2];
                long[] s = new long[size * 2];
                for (int k = 0; k < size; k++) {
                    p[k] = positions[(head + k) % size];
                    s[k] = stamps[(head + k) % size];
                }
                positions = p;
                stamps = s;
                head = 0;
            }
            int tail = (head + size) % positions.length;
            positions[tail] = position;
            stamps[tail] = stamp;
            size++;
        }

        /** Positions are asked in increasing order, so pieces before the asked one are forgotten. */
        long at(long position) {
            while (size > 1 && positions[(head + 1) % positions.length] <= position) {
                head = (head + 1) % positions.length;
                size--;
            }
            return size == 0 ? 0 : stamps[head];
        }
    }
}
