package io.github.gb28181.camel.media.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Searches for MPEG start codes ({@code 00 00 01 xx}).
 * <p>
 * Every start code begins with two zero bytes, which compressed video rarely holds (H.264 and H.265 forbid
 * {@code 00 00} followed by 0, 1 or 2 inside a NAL unit). So the searches read eight bytes at a time and look for a
 * zero pair among them with a few word operations (the "has a zero byte" bit trick applied to each byte ORed with
 * the next), four words per step; only at a zero pair do they look closer. These scans run over every byte of video
 * the receiver takes in, once: the program stream parser looks for a PES that lied about its length and, on the
 * way, notes the NAL unit start codes for the framers ({@link StartCodeList}).
 */
public final class StartCodes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    /** The high bits of the seven lower bytes: a word is tested for pairs starting in its first seven bytes. */
    private static final long PAIR_STARTS = 0x0080808080808080L;

    private StartCodes() {
    }

    /**
     * Finds a program stream start code (pack, system header, PSM, PES: {@code xx >= B9}). H.264 and H.265 never
     * contain one inside their data (a NAL header byte of 0x80 or more is forbidden and emulation prevention keeps
     * {@code 00 00 01} to NAL starts), so in their PES payloads a hit means a length lied.
     *
     * @return the index of the first {@code 00}, or -1
     */
    public static int indexOfSystemStartCode(byte[] b, int from, int to) {
        return indexOfSystemStartCode(b, from, to, null);
    }

    /**
     * Like {@link #indexOfSystemStartCode(byte[], int, int)}, and adds every other start code before it whose fourth
     * byte lies before {@code to} to {@code others} (when not null).
     */
    public static int indexOfSystemStartCode(byte[] b, int from, int to, StartCodeList others) {
        int i = from;
        int last = to - 4;
        while (i <= last) {
            i = nextZeroPair(b, i, to);
            if (i > last) {
                return -1;
            }
            if (b[i + 2] == 1) {
                if ((b[i + 3] & 0xFF) >= 0xB9) {
                    return i;
                }
                if (others != null) {
                    others.add(i);
                }
                i += 3;
            } else {
                i++;
            }
        }
        return -1;
    }

    /**
     * Finds any start code prefix {@code 00 00 01}.
     *
     * @return the index of the first {@code 00}, or -1
     */
    public static int indexOfPrefix(byte[] b, int from, int to) {
        int i = from;
        int last = to - 3;
        while (i <= last) {
            i = nextZeroPair(b, i, to);
            if (i > last) {
                return -1;
            }
            if (b[i + 2] == 1) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** The first index i in {@code [from, to - 1)} with two zero bytes at i and i + 1, or {@code to}. */
    static int nextZeroPair(byte[] b, int from, int to) {
        int i = from;
        while (i + 29 <= to) {
            if ((pairs(b, i) | pairs(b, i + 7) | pairs(b, i + 14) | pairs(b, i + 21)) != 0) {
                break;
            }
            i += 28;
        }
        while (i + 8 <= to) {
            long p = pairs(b, i);
            if (p != 0) {
                return i + (Long.numberOfTrailingZeros(p) >>> 3);
            }
            i += 7;
        }
        while (i + 1 < to) {
            if (b[i] == 0 && b[i + 1] == 0) {
                return i;
            }
            i++;
        }
        return to;
    }

    /**
     * Byte k of {@code v | v >>> 8} is zero when bytes k and k + 1 both are; the lowest high bit of the result marks
     * the first such k below 7 (a borrow can only set bits above a real zero).
     */
    private static long pairs(byte[] b, int i) {
        long v = (long) LONGS.get(b, i);
        long w = v | v >>> 8;
        return (w - ONES) & ~w & PAIR_STARTS;
    }
}
