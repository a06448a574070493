package io.github.gb28181.camel.media.codec;

import java.util.Arrays;

/**
 * Where start code prefixes ({@code 00 00 01}) were found in a byte array, in increasing order. The program stream
 * demuxer fills one while it checks a video PES for a lying length, so the framers need not search the same bytes
 * again for NAL units.
 */
public final class StartCodeList {

    private int[] positions = new int[16];
    private int size;

    public int size() {
        return size;
    }

    /** The index of the first {@code 00} of the k-th start code. */
    public int get(int k) {
        return positions[k];
    }

    public void add(int position) {
        if (size == positions.length) {
            positions = Arrays.copyOf(positions, size * 2);
        }
        positions[size++] = position;
    }

    public void clear() {
        size = 0;
    }

    /** The bytes moved down by {@code distance}. */
    public void shiftDown(int distance) {
        for (int k = 0; k < size; k++) {
            positions[k] -= distance;
        }
    }

    /** Forgets the positions before {@code from}. */
    public void dropBefore(int from) {
        int first = 0;
        while (first < size && positions[first] < from) {
            first++;
        }
        if (first > 0) {
            System.arraycopy(positions, first, positions, 0, size - first);
            size -= first;
        }
    }
}
