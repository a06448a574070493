package io.github.gb28181.camel.media.ps;

import io.github.gb28181.camel.media.codec.GrowableBuffer;
import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.MediaStreamType;

/**
 * Muxes elementary-stream frames into a program stream (ISO/IEC 13818-1 2.5.3, MPEG-2 syntax) the way GB/T 28181
 * devices do (annex C of the standard): each frame is one pack of its own, which its sender can put in RTP packets
 * with the marker bit on the last. A video key frame's pack carries a system header and a program stream map after
 * the pack header, so a receiver joining there learns the codecs; so does the first frame after the set of streams
 * changes, and, in a stream with no video, an audio frame once a second. Video goes on stream id E0, audio on C0.
 * <p>
 * A frame larger than a PES can hold is split over several PES in the same pack; only the first carries the time
 * stamps and the data alignment flag. The DTS is written only when it differs from the PTS (B-frames). The system
 * clock reference is the frame's decoding time (for a frame without time stamps, the previous frame's).
 * <p>
 * Not thread-safe: one muxer per outgoing stream.
 */
public final class PsMuxer {

    public static final int VIDEO_STREAM_ID = 0xE0;
    public static final int AUDIO_STREAM_ID = 0xC0;
    /**
     * What one PES carries at most: below the 16-bit PES length less the largest header, with room to spare for
     * receivers that reserve the last bytes of the range.
     */
    public static final int MAX_PES_PAYLOAD = 65_000;

    /** An absent PTS or DTS. */
    public static final long NO_TIMESTAMP = -1;

    private static final long TIMESTAMP_MASK = 0x1_FFFF_FFFFL;
    /** 20 Mbit/s in the 50-byte units of program_mux_rate and rate_bound: a bound, not a promise. */
    private static final int MUX_RATE = 20_000_000 / 8 / 50;
    private static final int PSM_INTERVAL = 90_000;

    private final byte[] head = new byte[32];
    private int videoType = -1;
    private int audioType = -1;
    private int psmVersion = -1;
    private byte[] systemAndMap;
    private boolean streamsChanged;
    private long lastMapPts = Long.MIN_VALUE;
    private long scr;

    /**
     * Appends one frame as one pack.
     *
     * @param codec    what the frame holds; decides the stream id and the map's stream_type
     * @param pts      the presentation time stamp, 90 kHz (33 bits are kept), or {@link #NO_TIMESTAMP}: the frame
     *                 continues the time of the one before (senders should stamp every frame)
     * @param dts      the decoding time stamp, or {@link #NO_TIMESTAMP} when it equals the PTS
     * @param keyFrame a video frame that can be decoded on its own: the pack gets a system header and a map
     */
    public void mux(MediaCodec codec, byte[] data, int offset, int length, long pts, long dts, boolean keyFrame,
                    GrowableBuffer out) {
        MediaStreamType type = codec.type();
        if (type == null || codec.streamType() < 0) {
            throw new IllegalArgumentException("Cannot mux " + codec + " into a program stream");
        }
        boolean video = type == MediaStreamType.VIDEO;
        learn(video, codec.streamType());
        if (pts >= 0) {
            scr = (dts >= 0 ? dts : pts) & TIMESTAMP_MASK;
        } else {
            dts = NO_TIMESTAMP;
        }
        writePackHeader(out, scr);
        if (mapDue(video, keyFrame, pts)) {
            out.append(systemAndMap(), 0, systemAndMap.length);
            streamsChanged = false;
            lastMapPts = pts;
        }
        int streamId = video ? VIDEO_STREAM_ID : AUDIO_STREAM_ID;
        int at = offset;
        int end = offset + length;
        boolean first = true;
        do {
            int size = Math.min(MAX_PES_PAYLOAD, end - at);
            writePesHeader(out, streamId, size, first, first && pts >= 0 ? pts & TIMESTAMP_MASK : NO_TIMESTAMP,
                    first && dts >= 0 && dts != pts ? dts & TIMESTAMP_MASK : NO_TIMESTAMP);
            out.append(data, at, size);
            at += size;
            first = false;
        } while (at < end);
    }

    private void learn(boolean video, int streamType) {
        if (video && streamType != videoType) {
            videoType = streamType;
            streamsChanged = true;
        } else if (!video && streamType != audioType) {
            audioType = streamType;
            streamsChanged = true;
        }
        if (streamsChanged) {
            systemAndMap = null;
        }
    }

    private boolean mapDue(boolean video, boolean keyFrame, long pts) {
        if (streamsChanged || video && keyFrame) {
            return true;
        }
        return videoType < 0 && (lastMapPts == Long.MIN_VALUE || pts - lastMapPts >= PSM_INTERVAL
                                 || pts >= 0 && pts < lastMapPts);
    }

    private byte[] systemAndMap() {
        if (systemAndMap == null) {
            psmVersion = (psmVersion + 1) & 0x1F;
            byte[] system = systemHeader();
            byte[] map = programStreamMap();
            systemAndMap = new byte[system.length + map.length];
            System.arraycopy(system, 0, systemAndMap, 0, system.length);
            System.arraycopy(map, 0, systemAndMap, system.length, map.length);
        }
        return systemAndMap;
    }

    /** ISO/IEC 13818-1 2.5.3.3: 14 bytes, no stuffing. */
    private void writePackHeader(GrowableBuffer out, long scr) {
        byte[] h = head;
        h[0] = 0;
        h[1] = 0;
        h[2] = 1;
        h[3] = (byte) 0xBA;
        h[4] = (byte) (0x44 | (scr >> 27) & 0x38 | (scr >> 28) & 0x03);
        h[5] = (byte) (scr >> 20);
        h[6] = (byte) ((scr >> 12) & 0xF8 | 0x04 | (scr >> 13) & 0x03);
        h[7] = (byte) (scr >> 5);
        h[8] = (byte) ((scr << 3) & 0xF8 | 0x04); // SCR extension 0
        h[9] = 0x01;
        h[10] = (byte) (MUX_RATE >> 14);
        h[11] = (byte) (MUX_RATE >> 6);
        h[12] = (byte) (MUX_RATE << 2 | 0x03);
        h[13] = (byte) 0xF8;
        out.append(h, 0, 14);
    }

    /** ISO/IEC 13818-1 2.5.3.5, with the buffer bounds GB/T 28181 devices commonly announce. */
    private byte[] systemHeader() {
        int streams = (videoType >= 0 ? 1 : 0) + (audioType >= 0 ? 1 : 0);
        int length = 6 + 3 * streams;
        byte[] h = new byte[6 + length];
        h[2] = 1;
        h[3] = (byte) 0xBB;
        h[4] = (byte) (length >> 8);
        h[5] = (byte) length;
        h[6] = (byte) (0x80 | MUX_RATE >> 15);
        h[7] = (byte) (MUX_RATE >> 7);
        h[8] = (byte) (MUX_RATE << 1 | 0x01);
        h[9] = (byte) ((audioType >= 0 ? 1 : 0) << 2); // audio_bound, not fixed, not constrained
        h[10] = (byte) (0xE0 | (videoType >= 0 ? 1 : 0)); // audio and video locked, marker, video_bound
        h[11] = (byte) 0x7F; // no packet rate restriction
        int p = 12;
        if (videoType >= 0) {
            p = streamBound(h, p, VIDEO_STREAM_ID, 1, 1024); // 1 MiB in 1024-byte units
        }
        if (audioType >= 0) {
            streamBound(h, p, AUDIO_STREAM_ID, 0, 64); // 8 KiB in 128-byte units
        }
        return h;
    }

    private static int streamBound(byte[] h, int p, int streamId, int scale, int size) {
        h[p] = (byte) streamId;
        h[p + 1] = (byte) (0xC0 | scale << 5 | size >> 8);
        h[p + 2] = (byte) size;
        return p + 3;
    }

    /** ISO/IEC 13818-1 2.5.4: one entry per stream, no descriptors, with its CRC. */
    private byte[] programStreamMap() {
        int entries = (videoType >= 0 ? 1 : 0) + (audioType >= 0 ? 1 : 0);
        int length = 10 + 4 * entries;
        byte[] m = new byte[6 + length];
        m[2] = 1;
        m[3] = (byte) 0xBC;
        m[4] = (byte) (length >> 8);
        m[5] = (byte) length;
        m[6] = (byte) (0xE0 | psmVersion); // current, version
        m[7] = (byte) 0xFF; // marker
        m[8] = 0; // no program descriptors
        m[9] = 0;
        m[10] = (byte) (4 * entries >> 8);
        m[11] = (byte) (4 * entries);
        int p = 12;
        if (videoType >= 0) {
            m[p] = (byte) videoType;
            m[p + 1] = (byte) VIDEO_STREAM_ID;
            p += 4;
        }
        if (audioType >= 0) {
            m[p] = (byte) audioType;
            m[p + 1] = (byte) AUDIO_STREAM_ID;
            p += 4;
        }
        int crc = Crc32Mpeg.of(m, 0, p);
        m[p] = (byte) (crc >> 24);
        m[p + 1] = (byte) (crc >> 16);
        m[p + 2] = (byte) (crc >> 8);
        m[p + 3] = (byte) crc;
        return m;
    }

    /** ISO/IEC 13818-1 2.4.3.6, MPEG-2 syntax. */
    private void writePesHeader(GrowableBuffer out, int streamId, int payload, boolean aligned, long pts, long dts) {
        byte[] h = head;
        int stamps = pts < 0 ? 0 : dts < 0 ? 5 : 10;
        int length = 3 + stamps + payload;
        h[0] = 0;
        h[1] = 0;
        h[2] = 1;
        h[3] = (byte) streamId;
        h[4] = (byte) (length >> 8);
        h[5] = (byte) length;
        h[6] = (byte) (0x80 | (aligned ? 0x04 : 0));
        h[7] = (byte) (stamps == 0 ? 0 : stamps == 5 ? 0x80 : 0xC0);
        h[8] = (byte) stamps;
        if (stamps == 5) {
            timestamp(h, 9, 0x2, pts);
        } else if (stamps == 10) {
            timestamp(h, 9, 0x3, pts);
            timestamp(h, 14, 0x1, dts);
        }
        out.append(h, 0, 9 + stamps);
    }

    private static void timestamp(byte[] h, int p, int prefix, long ts) {
        h[p] = (byte) (prefix << 4 | (ts >> 29) & 0x0E | 0x01);
        h[p + 1] = (byte) (ts >> 22);
        h[p + 2] = (byte) ((ts >> 14) & 0xFE | 0x01);
        h[p + 3] = (byte) (ts >> 7);
        h[p + 4] = (byte) ((ts << 1) & 0xFE | 0x01);
    }
}
