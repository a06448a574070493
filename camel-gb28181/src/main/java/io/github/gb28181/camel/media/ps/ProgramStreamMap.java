package io.github.gb28181.camel.media.ps;

/**
 * Reads the program stream map (ISO/IEC 13818-1 2.5.4): which stream_type each elementary stream id carries.
 * Devices get the lengths and the CRC wrong often enough that the CRC is not checked and the loop stops at the
 * first entry that would run past the element.
 */
final class ProgramStreamMap {

    private ProgramStreamMap() {
    }

    /**
     * @param  types receives stream_type by stream id
     * @return       how many entries were read
     */
    static int parse(byte[] d, int offset, int length, int[] types) {
        int end = offset + length;
        if (length < 16) {
            return 0;
        }
        int p = offset + 10 + u16(d, offset + 8);
        if (p + 2 > end) {
            return 0;
        }
        int mapEnd = Math.min(p + 2 + u16(d, p), end - 4); // the CRC_32 closes the element
        p += 2;
        int entries = 0;
        while (p + 4 <= mapEnd) {
            int streamType = d[p] & 0xFF;
            int streamId = d[p + 1] & 0xFF;
            types[streamId] = streamType;
            entries++;
            p += 4 + u16(d, p + 2);
        }
        return entries;
    }

    private static int u16(byte[] d, int i) {
        return (d[i] & 0xFF) << 8 | d[i + 1] & 0xFF;
    }
}
