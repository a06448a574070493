package io.github.gb28181.camel.media.ps;

/**
 * Searches for MPEG start codes ({@code 00 00 01 xx}).
 */
public final class StartCodes {

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
            byte c = b[i + 2];
            if (c == 1) {
                if (b[i] == 0 && b[i + 1] == 0 && (b[i + 3] & 0xFF) >= 0xB9) {
                    return i;
                }
                i += 3;
            } else if (c == 0) {
                i++;
            } else {
                // no start code can begin at i, i+1 or i+2 when their third byte is neither 0 nor 1
                i += 3;
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
            byte c = b[i + 2];
            if (c == 1) {
                if (b[i] == 0 && b[i + 1] == 0) {
                    return i;
                }
                i += 3;
            } else if (c == 0) {
                i++;
            } else {
                i += 3;
            }
        }
        return -1;
    }
}
