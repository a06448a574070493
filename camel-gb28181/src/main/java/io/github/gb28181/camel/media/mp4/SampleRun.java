package io.github.gb28181.camel.media.mp4;

import java.util.Arrays;

/**
 * The samples of one track waiting for the fragment to close. A sample is a list of chunks, slices of the arrays the
 * frames arrived in (those are handed over and never change), so nothing is copied until the fragment is written;
 * video chunks are NAL units and get a four-byte length prefix each. Arrays grow to the largest fragment and are
 * reused, so adding a sample allocates nothing in the steady state.
 */
final class SampleRun {

    static final int SYNC = 0x02000000; // sample_depends_on = 2: depends on no other sample
    static final int NON_SYNC = 0x01010000; // sample_depends_on = 1, sample_is_non_sync_sample

    private final boolean lengthPrefixed;
    private int count;
    private long[] times = new long[64];
    private int[] durations = new int[64];
    private int[] sizes = new int[64];
    private int[] offsets = new int[64];
    private int[] flags = new int[64];
    private int[] chunkEnds = new int[64];

    private int chunks;
    private byte[][] chunkData = new byte[256][];
    private int[] chunkOffsets = new int[256];
    private int[] chunkLengths = new int[256];
    private long bytes;

    SampleRun(boolean lengthPrefixed) {
        this.lengthPrefixed = lengthPrefixed;
    }

    /** Opens a sample; add its chunks, then the next sample or nothing. */
    void begin(long time, int duration, int compositionOffset, boolean sync) {
        if (count == times.length) {
            int n = count * 2;
            times = Arrays.copyOf(times, n);
            durations = Arrays.copyOf(durations, n);
            sizes = Arrays.copyOf(sizes, n);
            offsets = Arrays.copyOf(offsets, n);
            flags = Arrays.copyOf(flags, n);
            chunkEnds = Arrays.copyOf(chunkEnds, n);
        }
        times[count] = time;
        durations[count] = duration;
        offsets[count] = compositionOffset;
        flags[count] = sync ? SYNC : NON_SYNC;
        sizes[count] = 0;
        chunkEnds[count] = chunks;
        count++;
    }

    void chunk(byte[] data, int offset, int length) {
        if (chunks == chunkData.length) {
            int n = chunks * 2;
            chunkData = Arrays.copyOf(chunkData, n);
            chunkOffsets = Arrays.copyOf(chunkOffsets, n);
            chunkLengths = Arrays.copyOf(chunkLengths, n);
        }
        chunkData[chunks] = data;
        chunkOffsets[chunks] = offset;
        chunkLengths[chunks] = length;
        chunks++;
        int size = length + (lengthPrefixed ? 4 : 0);
        sizes[count - 1] += size;
        chunkEnds[count - 1] = chunks;
        bytes += size;
    }

    /** Drops the sample just begun when it got no chunk. */
    void dropIfEmpty() {
        if (count > 0 && sizes[count - 1] == 0) {
            count--;
        }
    }

    /**
     * Sets the video durations from the decode times: each sample lasts until the next; the last until
     * {@code nextTime}, or {@code estimate} when that is not known yet.
     */
    void closeDurations(long nextTime, long estimate) {
        for (int i = 0; i + 1 < count; i++) {
            durations[i] = (int) (times[i + 1] - times[i]);
        }
        if (count > 0) {
            long last = nextTime > times[count - 1] ? nextTime - times[count - 1] : estimate;
            durations[count - 1] = (int) Math.max(1, last);
        }
    }

    /** Copies the samples' bytes into {@code out} at {@code at}; returns the position after them. */
    int copyTo(byte[] out, int at) {
        for (int c = 0; c < chunks; c++) {
            int length = chunkLengths[c];
            if (lengthPrefixed) {
                out[at] = (byte) (length >>> 24);
                out[at + 1] = (byte) (length >>> 16);
                out[at + 2] = (byte) (length >>> 8);
                out[at + 3] = (byte) length;
                at += 4;
            }
            System.arraycopy(chunkData[c], chunkOffsets[c], out, at, length);
            at += length;
        }
        return at;
    }

    void clear() {
        Arrays.fill(chunkData, 0, chunks, null);
        count = 0;
        chunks = 0;
        bytes = 0;
    }

    int count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    long bytes() {
        return bytes;
    }

    long time(int i) {
        return times[i];
    }

    int duration(int i) {
        return durations[i];
    }

    int size(int i) {
        return sizes[i];
    }

    int flags(int i) {
        return flags[i];
    }

    int compositionOffset(int i) {
        return offsets[i];
    }

    /** The time after the last sample, by its own duration (audio, whose durations are known up front). */
    long end() {
        return count == 0 ? 0 : times[count - 1] + durations[count - 1];
    }

    long totalDuration() {
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += durations[i];
        }
        return total;
    }
}
