package io.github.gb28181.camel.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Damages RTP packets and program streams where their lengths live: RTP's CSRC count, extension length and padding
 * count, the PES, PSM and system header lengths, the PES header length and the pack stuffing; plus truncation, empty
 * datagrams and the byte-level mutations of {@link Mutator}.
 */
public final class MediaMutator {

    private final Random random;
    private final Mutator bytes;

    public MediaMutator(long seed, List<byte[]> pool) {
        this.random = new Random(seed);
        this.bytes = new Mutator(seed * 31 + 7, pool);
    }

    public Random random() {
        return random;
    }

    /** A damaged copy of an RTP packet (12-byte header, no CSRC, no extension, as the samples are sent). */
    public byte[] rtp(byte[] packet) {
        byte[] p = packet.clone();
        switch (random.nextInt(12)) {
            case 0:
                return new byte[random.nextInt(4) == 0 ? 0 : random.nextInt(12)]; // empty or shorter than a header
            case 1:
                return Arrays.copyOf(p, random.nextInt(p.length + 1)); // cut anywhere
            case 2: // more CSRCs than the packet holds
                p[0] = (byte) (p[0] & 0xF0 | 1 + random.nextInt(15));
                return random.nextBoolean() ? Arrays.copyOf(p, Math.min(p.length, 12 + random.nextInt(60))) : p;
            case 3: { // an extension header whose length runs past the end
                p[0] |= 0x10;
                if (p.length >= 16) {
                    int words = random.nextBoolean() ? 0xFFFF : random.nextInt(512);
                    p[14] = (byte) (words >> 8);
                    p[15] = (byte) words;
                }
                return p;
            }
            case 4: { // padding that counts zero, or more bytes than there are
                p[0] |= 0x20;
                if (p.length > 0) {
                    int[] counts = {0, 255, p.length, p.length - 11, p.length + 1, 1};
                    p[p.length - 1] = (byte) counts[random.nextInt(counts.length)];
                }
                return p;
            }
            case 5: // another version
                p[0] = (byte) (p[0] & 0x3F | random.nextInt(4) << 6);
                return p;
            case 6: // RTCP's packet types where the marker and payload type are
                if (p.length > 1) {
                    p[1] = (byte) (192 + random.nextInt(32));
                }
                return p;
            case 7: // a sequence number far from the stream's
                if (p.length > 3) {
                    p[2] = (byte) random.nextInt(256);
                    p[3] = (byte) random.nextInt(256);
                }
                return p;
            case 8: // the payload's program stream lengths lie
                if (p.length > 12) {
                    byte[] payload = ps(Arrays.copyOfRange(p, 12, p.length));
                    return Mutator.concat(Arrays.copyOf(p, 12), payload);
                }
                return p;
            case 9: // a header only
                return Arrays.copyOf(p, Math.min(p.length, 12));
            default:
                return bytes.bytes(p);
        }
    }

    /** A program stream (or a piece of one) with lengths that lie, or bytes mutated. */
    public byte[] ps(byte[] data) {
        byte[] out = data.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = startCode(out, random.nextInt(Math.max(1, out.length)));
            if (at < 0 || random.nextInt(5) == 0) {
                out = bytes.bytes(out);
                continue;
            }
            int code = out[at + 3] & 0xFF;
            if (code == 0xBA) { // pack header: stuffing beyond the pack
                if (at + 13 < out.length) {
                    out[at + 13] = (byte) (out[at + 13] | 0x07);
                }
                if (random.nextBoolean() && at + 4 < out.length) {
                    out[at + 4] = (byte) random.nextInt(256); // neither MPEG-1 nor MPEG-2
                }
            } else if (at + 5 < out.length) {
                int[] lengths = {0, 0xFFFF, 1, 2, 3, random.nextInt(0x10000)};
                int length = lengths[random.nextInt(lengths.length)];
                out[at + 4] = (byte) (length >> 8); // PES, PSM or system header length
                out[at + 5] = (byte) length;
                if (random.nextBoolean() && at + 8 < out.length) {
                    out[at + 8] = (byte) (random.nextBoolean() ? 0xFF : random.nextInt(256)); // PES header length
                }
                if (code == 0xBC && random.nextBoolean() && at + 9 < out.length) {
                    out[at + 8] = (byte) 0xFF; // program_stream_info_length
                    out[at + 9] = (byte) 0xFF;
                }
            }
            if (random.nextInt(4) == 0) { // cut right after the lie
                out = Arrays.copyOf(out, Math.min(out.length, at + 4 + random.nextInt(32)));
            }
        }
        return out;
    }

    private static int startCode(byte[] b, int from) {
        for (int i = from; i + 3 < b.length; i++) {
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1 && (b[i + 3] & 0xFF) >= 0xB9) {
                return i;
            }
        }
        for (int i = 0; i + 3 < Math.min(from + 3, b.length); i++) {
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1 && (b[i + 3] & 0xFF) >= 0xB9) {
                return i;
            }
        }
        return -1;
    }
}
