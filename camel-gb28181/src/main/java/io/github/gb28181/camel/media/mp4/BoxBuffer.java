package io.github.gb28181.camel.media.mp4;

import java.util.Arrays;

/**
 * A growable big-endian byte buffer that writes ISO BMFF boxes: {@link #begin(String)} reserves the size field and
 * {@link #end(int)} fills it in. One buffer is reused for every fragment of a stream, so writing a moof allocates
 * nothing once the buffer has grown to size.
 */
final class BoxBuffer {

    private byte[] data;
    private int size;

    BoxBuffer(int initialCapacity) {
        data = new byte[initialCapacity];
    }

    /** Opens a box; returns where it starts, for {@link #end(int)}. */
    int begin(String type) {
        int start = size;
        u32(0);
        fourCc(type);
        return start;
    }

    /** Opens a full box (version and flags). */
    int beginFull(String type, int version, int flags) {
        int start = begin(type);
        u32((version << 24) | (flags & 0xFFFFFF));
        return start;
    }

    /** Closes the box opened at {@code start}: writes its size. */
    void end(int start) {
        putU32At(start, size - start);
    }

    void u8(int v) {
        ensure(1);
        data[size++] = (byte) v;
    }

    void u16(int v) {
        ensure(2);
        data[size++] = (byte) (v >>> 8);
        data[size++] = (byte) v;
    }

    void u24(int v) {
        ensure(3);
        data[size++] = (byte) (v >>> 16);
        data[size++] = (byte) (v >>> 8);
        data[size++] = (byte) v;
    }

    void u32(long v) {
        ensure(4);
        putU32At(size, v);
        size += 4;
    }

    void u64(long v) {
        u32(v >>> 32);
        u32(v);
    }

    void zeros(int count) {
        ensure(count);
        Arrays.fill(data, size, size + count, (byte) 0);
        size += count;
    }

    /** A box type: four ASCII characters, written without making a byte array of them (a moof has six boxes). */
    void fourCc(String type) {
        if (type.length() != 4) {
            throw new IllegalArgumentException("Not a four-character code: " + type);
        }
        ensure(4);
        for (int i = 0; i < 4; i++) {
            data[size++] = (byte) type.charAt(i);
        }
    }

    void bytes(byte[] src, int offset, int length) {
        ensure(length);
        System.arraycopy(src, offset, data, size, length);
        size += length;
    }

    void bytes(byte[] src) {
        bytes(src, 0, src.length);
    }

    /** The unity matrix of tkhd and mvhd. */
    void unityMatrix() {
        u32(0x00010000);
        u32(0);
        u32(0);
        u32(0);
        u32(0x00010000);
        u32(0);
        u32(0);
        u32(0);
        u32(0x40000000);
    }

    void putU32At(int at, long v) {
        data[at] = (byte) (v >>> 24);
        data[at + 1] = (byte) (v >>> 16);
        data[at + 2] = (byte) (v >>> 8);
        data[at + 3] = (byte) v;
    }

    int size() {
        return size;
    }

    byte[] array() {
        return data;
    }

    void clear() {
        size = 0;
    }

    byte[] toArray() {
        return Arrays.copyOf(data, size);
    }

    private void ensure(int more) {
        if (size + more > data.length) {
            data = Arrays.copyOf(data, Math.max(size + more, data.length * 2));
        }
    }
}
