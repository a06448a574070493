package io.github.gb28181.camel.media;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Turns program streams into RTP datagrams the ways real senders do, and damages them the ways networks do.
 */
public final class Packetizer {

    /** An RTP payload before it gets its header. */
    public record Chunk(byte[] payload, long timestamp, boolean marker) {
    }

    private Packetizer() {
    }

    /**
     * Every pack (a muxer buffer) split to fit the MTU, the marker on the last packet of each pack: "marker per muxer
     * buffer".
     */
    public static List<Chunk> alignedToPacks(byte[] ps, int mtu) {
        List<Integer> packs = new ArrayList<>();
        for (int i = 0; i + 4 < ps.length; i++) {
            if (ps[i] == 0 && ps[i + 1] == 0 && ps[i + 2] == 1 && (ps[i + 3] & 0xFF) == 0xBA) {
                packs.add(i);
            }
        }
        List<Chunk> chunks = new ArrayList<>();
        for (int k = 0; k < packs.size(); k++) {
            int from = packs.get(k);
            int to = k + 1 < packs.size() ? packs.get(k + 1) : ps.length;
            split(ps, from, to, mtu, 3600L * k, true, chunks);
        }
        return chunks;
    }

    /** Cut every {@code size} bytes wherever that falls, no marker: what an MPEG-TS style 188 x 7 sender does. */
    public static List<Chunk> fixedSize(byte[] ps, int size) {
        List<Chunk> chunks = new ArrayList<>();
        for (int off = 0; off < ps.length; off += size) {
            int len = Math.min(size, ps.length - off);
            byte[] p = new byte[len];
            System.arraycopy(ps, off, p, 0, len);
            chunks.add(new Chunk(p, 3600L * (off / 8192), false));
        }
        return chunks;
    }

    /** A camera: every muxed frame split to fit the MTU, the marker on its last packet, its PTS as timestamp. */
    public static List<Chunk> perFrame(List<CameraPsMuxer.Unit> units, int mtu) {
        List<Chunk> chunks = new ArrayList<>();
        for (CameraPsMuxer.Unit u : units) {
            split(u.ps(), 0, u.ps().length, mtu, u.pts(), true, chunks);
        }
        return chunks;
    }

    private static void split(byte[] data, int from, int to, int mtu, long ts, boolean marker, List<Chunk> out) {
        for (int off = from; off < to; off += mtu) {
            int len = Math.min(mtu, to - off);
            byte[] p = new byte[len];
            System.arraycopy(data, off, p, 0, len);
            out.add(new Chunk(p, ts, marker && off + len == to));
        }
    }

    /** RTP packets (RFC 3550, payload type 96) of the chunks, sequence numbers from {@code firstSeq}. */
    public static List<byte[]> rtp(List<Chunk> chunks, long ssrc, int firstSeq) {
        List<byte[]> packets = new ArrayList<>(chunks.size());
        int seq = firstSeq;
        for (Chunk c : chunks) {
            packets.add(rtp(c.payload(), seq, c.timestamp(), ssrc, c.marker()));
            seq = (seq + 1) & 0xFFFF;
        }
        return packets;
    }

    public static byte[] rtp(byte[] payload, int seq, long timestamp, long ssrc, boolean marker) {
        byte[] p = new byte[12 + payload.length];
        p[0] = (byte) 0x80;
        p[1] = (byte) ((marker ? 0x80 : 0) | 96);
        p[2] = (byte) (seq >> 8);
        p[3] = (byte) seq;
        p[4] = (byte) (timestamp >> 24);
        p[5] = (byte) (timestamp >> 16);
        p[6] = (byte) (timestamp >> 8);
        p[7] = (byte) timestamp;
        p[8] = (byte) (ssrc >> 24);
        p[9] = (byte) (ssrc >> 16);
        p[10] = (byte) (ssrc >> 8);
        p[11] = (byte) ssrc;
        System.arraycopy(payload, 0, p, 12, payload.length);
        return p;
    }

    /** Moves packets up to {@code window - 1} places from where they were sent. */
    public static List<byte[]> reorder(List<byte[]> packets, int window, long seed) {
        List<byte[]> out = new ArrayList<>(packets);
        Random random = new Random(seed);
        for (int i = 0; i + window <= out.size(); i += window) {
            Collections.shuffle(out.subList(i, i + window), random);
        }
        return out;
    }

    /** Drops a fraction of the packets, never the first. */
    public static List<byte[]> lose(List<byte[]> packets, double fraction, long seed) {
        List<byte[]> out = new ArrayList<>(packets.size());
        Random random = new Random(seed);
        for (int i = 0; i < packets.size(); i++) {
            if (i == 0 || random.nextDouble() >= fraction) {
                out.add(packets.get(i));
            }
        }
        return out;
    }

    /** Sends a fraction of the packets twice, the copy a few packets later. */
    public static List<byte[]> duplicate(List<byte[]> packets, double fraction, long seed) {
        List<byte[]> out = new ArrayList<>(packets);
        Random random = new Random(seed);
        for (int i = packets.size() - 1; i >= 0; i--) {
            if (random.nextDouble() < fraction) {
                out.add(Math.min(out.size(), i + 1 + random.nextInt(4)), packets.get(i).clone());
            }
        }
        return out;
    }
}
