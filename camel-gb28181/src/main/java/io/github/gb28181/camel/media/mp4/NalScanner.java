package io.github.gb28181.camel.media.mp4;

import java.util.Arrays;

import io.github.gb28181.camel.media.codec.StartCodes;

/**
 * Finds the NAL units of an Annex B access unit: each runs from the byte after its start code to the next start
 * code, without the zero bytes before it (a NAL unit never ends in a zero byte, H.264 7.4.1, H.265 7.4.2). The
 * receiver's framer hands on where the headers are, so usually only the ends are worked out; an access unit without
 * them is searched. The positions are kept in arrays reused from one access unit to the next.
 */
final class NalScanner {

    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int count;

    void scan(byte[] d, int from, int to) {
        count = 0;
        int sc = StartCodes.indexOfPrefix(d, from, to);
        while (sc >= 0) {
            int start = sc + 3;
            int next = start < to ? StartCodes.indexOfPrefix(d, start, to) : -1;
            int end = next >= 0 ? next : to;
            while (end > start && d[end - 1] == 0) {
                end--;
            }
            if (end > start) {
                add(start, end);
            }
            sc = next;
        }
    }

    /** Takes the header positions the framer found: NAL unit i ends where the start code of i + 1 begins. */
    void headers(byte[] d, int[] headers, int to) {
        count = 0;
        for (int i = 0; i < headers.length; i++) {
            int start = headers[i];
            int end = i + 1 < headers.length ? headers[i + 1] - 3 : to;
            while (end > start && d[end - 1] == 0) {
                end--;
            }
            if (end > start) {
                add(start, end);
            }
        }
    }

    private void add(int start, int end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    int count() {
        return count;
    }

    /** Where NAL unit i's header is. */
    int start(int i) {
        return starts[i];
    }

    /** One past NAL unit i's last byte. */
    int end(int i) {
        return ends[i];
    }
}
