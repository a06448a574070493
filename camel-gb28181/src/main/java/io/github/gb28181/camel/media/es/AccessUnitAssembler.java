package io.github.gb28181.camel.media.es;

import java.util.Arrays;

import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.codec.GrowableBuffer;
import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.NalUnits;
import io.github.gb28181.camel.media.codec.StartCodeCursor;
import io.github.gb28181.camel.media.codec.StartCodeList;

/**
 * Cuts an H.264 or H.265 Annex B byte stream, fed PES payload by PES payload, into access units.
 * <p>
 * PES boundaries are no guide: ffmpeg's muxer starts a PES in the middle of a picture and may put several pictures
 * in one. An access unit begins at the first NAL unit that can only start one (H.264 7.4.1.2.3, H.265 7.4.2.4.4): a
 * delimiter, a parameter set or SEI after a picture, or a slice that is the first of a picture. A unit is known
 * complete only when the next one begins, so it is emitted then (or on {@link #flush()}).
 * <p>
 * The PTS of a PES belongs to the first access unit that starts in it (ISO/IEC 13818-1 2.4.3.7); units that start
 * later in the same PES have none.
 * <p>
 * The positions of the unit's NAL unit headers go along with it, so that no one after has to search the unit again.
 * <p>
 * After a discontinuity the unit being assembled is damaged. So is the next one, unless it begins with a delimiter
 * or a sequence (or video) parameter set or some NAL unit of the damaged one was seen first: otherwise its first NAL
 * units may be what was lost.
 */
final class AccessUnitAssembler {

    /** Receives access units. */
    interface Output {
        /** @param nalUnits where the unit's NAL unit headers are in {@code data}, in order */
        void accessUnit(byte[] data, long pts, long dts, long rtpTimestamp, boolean keyFrame, boolean damaged,
                        int[] nalUnits);
    }

    private final boolean h265;
    private final int maxSize;
    private final Output output;
    private final GrowableBuffer buf = new GrowableBuffer(64 * 1024);
    private final StartCodeCursor startCodes = new StartCodeCursor();
    private int[] nalHeaders = new int[16];
    private int nalCount;

    private int scanPos;
    private boolean open;
    private boolean sawPicture;
    private boolean key;
    private boolean damaged;
    private boolean oversize;
    private long pts = MediaFrame.NO_TIMESTAMP;
    private long dts = MediaFrame.NO_TIMESTAMP;
    private long rtpTimestamp;

    private boolean afterGap;
    private boolean pendingStamp;
    private long pendingPts;
    private long pendingDts;
    private long lastRtpTimestamp;

    private long oversized;

    AccessUnitAssembler(MediaCodec codec, int maxSize, Output output) {
        this.h265 = codec == MediaCodec.H265;
        this.maxSize = maxSize;
        this.output = output;
    }

    /**
     * Takes the payload of the next PES of the video stream.
     *
     * @param payloadStartCodes the start codes in the payload when the demuxer found them, else null
     */
    void append(byte[] d, int offset, int length, StartCodeList payloadStartCodes, long pesPts, long pesDts,
                long pesRtpTimestamp) {
        if (pesPts != MediaFrame.NO_TIMESTAMP) {
            pendingStamp = true;
            pendingPts = pesPts;
            pendingDts = pesDts;
        }
        lastRtpTimestamp = pesRtpTimestamp;
        startCodes.appended(payloadStartCodes, buf.size(), buf.size() - offset);
        buf.append(d, offset, length);
        scan();
        if (open && buf.size() > maxSize) {
            // keep looking for the next unit, but stop keeping the bytes of one too big to deliver
            oversize = true;
            buf.discardFront(scanPos);
            scanPos = 0;
        }
    }

    /** Bytes before the next payload are missing. */
    void discontinuity() {
        if (open) {
            damaged = true;
        }
        afterGap = true;
        // a start code split by the gap would be a false one
        scanPos = buf.size();
    }

    /** Emits the unit in progress, as the stream has ended. */
    void flush() {
        if (open) {
            emit(buf.size());
            buf.clear();
            scanPos = 0;
            open = false;
        }
    }

    /** Units dropped because they exceeded the maximum frame size. */
    long oversized() {
        return oversized;
    }

    private void scan() {
        byte[] d = buf.array();
        int size = buf.size();
        int need = h265 ? 3 : 2;
        while (true) {
            int sc = startCodes.nextFrom(d, scanPos, size);
            if (sc < 0) {
                scanPos = Math.max(scanPos, size - 2);
                return;
            }
            int header = sc + 3;
            if (header + need > size) {
                scanPos = sc;
                return;
            }
            int nalStart = sc > 0 && d[sc - 1] == 0 ? sc - 1 : sc;
            int consumedBefore = onNal(d, header, nalStart);
            if (consumedBefore > 0) {
                buf.discardFront(consumedBefore);
                startCodes.discarded(consumedBefore);
                d = buf.array();
                size = buf.size();
                header -= consumedBefore;
            }
            scanPos = header + 1;
        }
    }

    /** @return how many bytes before this NAL unit were emitted or dropped */
    private int onNal(byte[] d, int header, int nalStart) {
        int consumed = unitOf(d, header, nalStart);
        if (open) {
            // where the header will be once the bytes before the unit are gone
            if (nalCount == nalHeaders.length) {
                nalHeaders = Arrays.copyOf(nalHeaders, nalCount * 2);
            }
            nalHeaders[nalCount++] = header - consumed;
        }
        return consumed;
    }

    /** Decides which unit the NAL unit at {@code header} belongs to; returns the bytes before it emitted or dropped. */
    private int unitOf(byte[] d, int header, int nalStart) {
        int type;
        boolean picture;
        boolean delimiter;
        boolean mayStart;
        boolean trustedStart;
        if (h265) {
            if (NalUnits.layerId(d, header) != 0) {
                return 0;
            }
            type = NalUnits.h265Type(d[header]);
            picture = type < 32;
            delimiter = type == 35;
            boolean firstOfPicture = picture && (d[header + 2] & 0x80) != 0; // first_slice_segment_in_pic_flag
            mayStart = delimiter || type >= 32 && type <= 34 || type == 39 || type >= 41 && type <= 44
                       || type >= 48 && type <= 55 || firstOfPicture;
            trustedStart = delimiter || type == 32;
        } else {
            type = NalUnits.h264Type(d[header]);
            picture = type >= 1 && type <= 5;
            delimiter = type == 9;
            boolean firstOfPicture = picture && (d[header + 1] & 0x80) != 0; // first_mb_in_slice == 0
            mayStart = delimiter || type >= 6 && type <= 8 || type >= 13 && type <= 18 || firstOfPicture;
            trustedStart = delimiter || type == 7;
        }
        int consumed = 0;
        if (!open) {
            consumed = nalStart;
            open(!mayStart || afterGap && !trustedStart);
        } else if (delimiter || sawPicture && mayStart) {
            emit(nalStart);
            consumed = nalStart;
            open(afterGap && !trustedStart);
        } else if (afterGap) {
            // a NAL unit of the damaged unit: the next start seen is a real one
            afterGap = false;
        }
        if (picture) {
            sawPicture = true;
            if (h265 ? NalUnits.isIrap(type) : type == 5) {
                key = true;
            }
        }
        return consumed;
    }

    private void open(boolean headMayBeMissing) {
        open = true;
        nalCount = 0;
        sawPicture = false;
        key = false;
        oversize = false;
        damaged = headMayBeMissing;
        afterGap = false;
        rtpTimestamp = lastRtpTimestamp;
        if (pendingStamp) {
            pts = pendingPts;
            dts = pendingDts;
            pendingStamp = false;
        } else {
            pts = MediaFrame.NO_TIMESTAMP;
            dts = MediaFrame.NO_TIMESTAMP;
        }
    }

    private void emit(int length) {
        if (oversize) {
            oversized++;
            return;
        }
        output.accessUnit(buf.copy(0, length), pts, dts, rtpTimestamp, key, damaged,
                Arrays.copyOf(nalHeaders, nalCount));
    }
}
