package io.github.gb28181.camel.media.ps;

/**
 * The CRC of MPEG-2 systems sections (ISO/IEC 13818-1 annex A): polynomial 0x04C11DB7, most significant bit first,
 * initial value all ones, no final inversion. Not java.util.zip.CRC32, which works least significant bit first.
 */
final class Crc32Mpeg {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 24;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x8000_0000) != 0 ? c << 1 ^ 0x04C1_1DB7 : c << 1;
            }
            TABLE[i] = c;
        }
    }

    private Crc32Mpeg() {
    }

    static int of(byte[] d, int from, int to) {
        int crc = 0xFFFF_FFFF;
        for (int i = from; i < to; i++) {
            crc = crc << 8 ^ TABLE[(crc >>> 24 ^ d[i]) & 0xFF];
        }
        return crc;
    }
}
