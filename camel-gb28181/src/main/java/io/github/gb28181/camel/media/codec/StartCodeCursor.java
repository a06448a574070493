package io.github.gb28181.camel.media.codec;


/**
 * Walks the start codes of a buffer that PES payloads are appended to. The demuxer has found those inside the payload
 * just appended; only the few bytes before it (a start code may straddle two payloads) and the last three (a start
 * code whose fourth byte has not come yet) are searched here. Without known start codes it searches everything.
 */
public final class StartCodeCursor {

    private StartCodeList known;
    private int next;
    private int delta;
    private int payloadStart;

    /**
     * A payload was appended at {@code payloadStart}.
     *
     * @param startCodes the start codes in the payload, in the coordinates of the array it came from, or null
     * @param delta      how much to add to those to get buffer indexes
     */
    public void appended(StartCodeList startCodes, int payloadStart, int delta) {
        this.known = startCodes;
        this.next = 0;
        this.payloadStart = payloadStart;
        this.delta = delta;
    }

    /** The buffer dropped its first {@code count} bytes. */
    public void discarded(int count) {
        payloadStart -= count;
        delta -= count;
    }

    /** The index of the first start code at or after {@code from} in {@code [from, size)}, or -1. */
    public int nextFrom(byte[] d, int from, int size) {
        if (known == null) {
            return StartCodes.indexOfPrefix(d, from, size);
        }
        if (from < payloadStart) {
            int straddling = StartCodes.indexOfPrefix(d, from, Math.min(size, payloadStart + 2));
            if (straddling >= 0) {
                return straddling;
            }
            from = payloadStart;
        }
        while (next < known.size() && known.get(next) + delta < from) {
            next++;
        }
        if (next < known.size()) {
            return known.get(next) + delta;
        }
        return StartCodes.indexOfPrefix(d, Math.max(from, size - 3), size);
    }
}
