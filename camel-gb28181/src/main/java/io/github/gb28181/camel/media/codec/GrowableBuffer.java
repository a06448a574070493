package io.github.gb28181.camel.media.codec;

import java.util.Arrays;

/**
 * A byte array that grows as bytes are appended, for assembling frames.
 */
public final class GrowableBuffer {

    private static final int SHRINK_ABOVE = 1024 * 1024;

    private final int initialCapacity;
    private byte[] data;
    private int size;

    public GrowableBuffer(int initialCapacity) {
        this.initialCapacity = initialCapacity;
        this.data = new byte[initialCapacity];
    }

    public void append(byte[] src, int offset, int length) {
        ensure(size + length);
        System.arraycopy(src, offset, data, size, length);
        size += length;
    }

    public void append(GrowableBuffer other) {
        append(other.data, 0, other.size);
    }

    /** A copy of {@code [from, to)}. */
    public byte[] copy(int from, int to) {
        return Arrays.copyOfRange(data, from, to);
    }

    public byte[] toArray() {
        return Arrays.copyOf(data, size);
    }

    /** Drops the first {@code count} bytes. */
    public void discardFront(int count) {
        System.arraycopy(data, count, data, 0, size - count);
        size -= count;
    }

    /** Empties the buffer, giving back memory an unusually big frame took. */
    public void clear() {
        size = 0;
        if (data.length > SHRINK_ABOVE) {
            data = new byte[initialCapacity];
        }
    }

    public int size() {
        return size;
    }

    /** The backing array; valid until the next append. */
    public byte[] array() {
        return data;
    }

    private void ensure(int capacity) {
        if (capacity > data.length) {
            data = Arrays.copyOf(data, Math.max(capacity, data.length * 2));
        }
    }
}
