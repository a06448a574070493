package io.github.gb28181.camel.media.es;

import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.codec.GrowableBuffer;

/**
 * Frames video whose codec we cannot look into (MPEG-4, SVAC, or H.26x that could not be recognised): a unit is the
 * run of PES payloads from one that carries a new PTS to the next such one.
 */
final class PesUnitAssembler {

    private final int maxSize;
    private final AccessUnitAssembler.Output output;
    private final GrowableBuffer buf = new GrowableBuffer(64 * 1024);

    private boolean open;
    private boolean damaged;
    private boolean oversize;
    private boolean afterGap;
    private long pts = MediaFrame.NO_TIMESTAMP;
    private long dts = MediaFrame.NO_TIMESTAMP;
    private long rtpTimestamp;
    private long oversized;

    PesUnitAssembler(int maxSize, AccessUnitAssembler.Output output) {
        this.maxSize = maxSize;
        this.output = output;
    }

    void append(byte[] d, int offset, int length, long pesPts, long pesDts, long pesRtpTimestamp) {
        boolean newUnit = pesPts != MediaFrame.NO_TIMESTAMP && (pts == MediaFrame.NO_TIMESTAMP || pesPts != pts);
        if (open && newUnit) {
            emit();
        }
        if (!open) {
            open = true;
            damaged = afterGap || !newUnit;
            oversize = false;
            pts = pesPts;
            dts = pesDts;
            rtpTimestamp = pesRtpTimestamp;
        }
        afterGap = false;
        if (buf.size() + length > maxSize) {
            oversize = true;
            buf.clear();
        } else if (!oversize) {
            buf.append(d, offset, length);
        }
    }

    void discontinuity() {
        if (open) {
            damaged = true;
        }
        afterGap = true;
    }

    void flush() {
        if (open) {
            emit();
        }
    }

    long oversized() {
        return oversized;
    }

    private void emit() {
        if (oversize) {
            oversized++;
        } else {
            output.accessUnit(buf.toArray(), pts, dts, rtpTimestamp, false, damaged, null);
        }
        buf.clear();
        open = false;
        pts = MediaFrame.NO_TIMESTAMP;
    }
}
