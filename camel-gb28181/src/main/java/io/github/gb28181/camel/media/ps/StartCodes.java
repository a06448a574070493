package io.github.gb28181.camel.media.ps;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Searches for MPEG start codes ({@code 00 00 01 xx}).
 * <p>
 * Compressed video has few zero bytes, and every start code begins with two, so the searches read eight bytes at a
 * time and step over any eight that hold no zero byte (the classic "has a zero byte" bit trick, as in ffmpeg's
 * start code search); only at a zero byte do they look closer. These scans run over every byte of video the
 * receiver takes in, twice in PS mode: the program stream parser looks for a PES that lied about its length, and
 * the framer for key pictures.
 */
public final class StartCodes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

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
        int i = from;
        int last = to - 4;
        while (i <= last) {
            i = nextZero(b, i, to);
            if (i > last) {
                return -1;
            }
            if (b[i + 1] == 0 && b[i + 2] == 1 && (b[i + 3] & 0xFF) >= 0xB9) {
                return i;
            }
            i++;
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
            i = nextZero(b, i, to);
            if (i > last) {
                return -1;
            }
            if (b[i + 1] == 0 && b[i + 2] == 1) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** The index of the first zero byte in {@code [from, to)}, or {@code to} when there is none. */
    static int nextZero(byte[] b, int from, int to) {
        int i = from;
        while (i + 8 <= to) {
            long v = (long) LONGS.get(b, i);
            // the lowest zero byte sets its high bit here (bytes above it may too, through the borrow)
            long zeros = (v - ONES) & ~v & HIGHS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
            i += 8;
        }
        while (i < to && b[i] != 0) {
            i++;
        }
        return i;
    }
}
