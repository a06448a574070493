package io.github.gb28181.camel.media.mp4;

/**
 * Reads the bits of a NAL unit's payload (RBSP) as H.264 7.2 and H.265 7.2 define them: emulation prevention bytes
 * ({@code 00 00 03}) are skipped as they are met, fixed-width fields and Exp-Golomb codes are read MSB first. Reading
 * past the end throws {@link IllegalArgumentException}: a parameter set that ends early is malformed.
 */
final class RbspReader {

    private final byte[] data;
    private final int end;
    private int pos;
    private int bit;
    private int zeros;
    private int current;

    /** @param from the first byte after the NAL unit header */
    RbspReader(byte[] data, int from, int to) {
        this.data = data;
        this.end = to;
        this.pos = from;
        this.bit = 8;
    }

    int u(int bits) {
        int v = 0;
        for (int i = 0; i < bits; i++) {
            v = (v << 1) | u1();
        }
        return v;
    }

    long u64(int bits) {
        long v = 0;
        for (int i = 0; i < bits; i++) {
            v = (v << 1) | u1();
        }
        return v;
    }

    boolean flag() {
        return u1() == 1;
    }

    int u1() {
        if (bit == 8) {
            nextByte();
        }
        return (current >> (7 - bit++)) & 1;
    }

    void skip(int bits) {
        for (int i = 0; i < bits; i++) {
            u1();
        }
    }

    /** ue(v). */
    int ue() {
        int leading = 0;
        while (u1() == 0) {
            if (++leading > 31) {
                throw new IllegalArgumentException("Exp-Golomb code longer than 32 bits");
            }
        }
        return leading == 0 ? 0 : (int) ((1L << leading) - 1 + u64(leading));
    }

    /** se(v). */
    int se() {
        int k = ue();
        return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
    }

    private void nextByte() {
        if (pos >= end) {
            throw new IllegalArgumentException("Parameter set ends early");
        }
        int b = data[pos++] & 0xFF;
        if (zeros >= 2 && b == 3) {
            zeros = 0;
            if (pos >= end) {
                throw new IllegalArgumentException("Parameter set ends early");
            }
            b = data[pos++] & 0xFF;
        }
        zeros = b == 0 ? zeros + 1 : 0;
        current = b;
        bit = 0;
    }
}
