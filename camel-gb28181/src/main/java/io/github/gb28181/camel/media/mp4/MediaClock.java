package io.github.gb28181.camel.media.mp4;

import io.github.gb28181.camel.media.MediaFrame;

/**
 * Turns the sender's timestamps into the MP4's decode timeline (90 kHz, starting at 0 with the first key frame).
 * The timeline advances by the differences between successive timestamps, so it survives the 33-bit wrap of MPEG
 * timestamps and the 32-bit wrap of RTP ones; a step backwards or of more than ten seconds (a device that restarted
 * its clock, a seek in a recording) advances it by one usual frame interval instead.
 * <p>
 * The clock is the PES timestamps (DTS, else PTS); a stream whose first key frame carries none (cheap encoders
 * never write one) runs on the RTP timestamp. An access unit without a PTS in a stamped stream (ffmpeg stamps only
 * the first picture that starts in a PES) is put one usual interval after the one before.
 */
final class MediaClock {

    static final long TICKS = 90_000;
    private static final long MAX_STEP = 10 * TICKS;
    private static final long DEFAULT_INTERVAL = TICKS / 25;

    private boolean started;
    private boolean rtpClock;
    private long lastRaw;
    private long time;
    private long interval = DEFAULT_INTERVAL;

    /** The decode time of the next video frame. */
    long video(long pts, long dts, long rtpTimestamp) {
        if (!started) {
            started = true;
            rtpClock = pts == MediaFrame.NO_TIMESTAMP;
            lastRaw = rtpClock ? rtpTimestamp : decodeStamp(pts, dts);
            time = 0;
            return 0;
        }
        if (!rtpClock && pts == MediaFrame.NO_TIMESTAMP) {
            lastRaw = (lastRaw + interval) & MASK_33;
            time += interval;
            return time;
        }
        long raw = rtpClock ? rtpTimestamp : decodeStamp(pts, dts);
        long step = difference(raw, lastRaw);
        if (step <= 0 || step > MAX_STEP) {
            step = interval;
        } else {
            interval = step;
        }
        lastRaw = raw;
        time += step;
        return time;
    }

    /** PTS minus DTS of a video frame, in 90 kHz ticks; 0 when either is missing. */
    static int compositionOffset(long pts, long dts) {
        if (pts == MediaFrame.NO_TIMESTAMP || dts == MediaFrame.NO_TIMESTAMP) {
            return 0;
        }
        long offset = signed(pts - dts, 33);
        return (int) Math.max(-TICKS, Math.min(TICKS, offset));
    }

    /**
     * The time on the timeline (90 kHz) of an audio frame, from its distance to the latest video frame; or
     * {@link MediaFrame#NO_TIMESTAMP} when it has no usable stamp.
     */
    long audio(long pts, long rtpTimestamp) {
        if (!started || !rtpClock && pts == MediaFrame.NO_TIMESTAMP) {
            return MediaFrame.NO_TIMESTAMP;
        }
        long diff = difference(rtpClock ? rtpTimestamp : pts, lastRaw);
        return Math.abs(diff) > MAX_STEP ? MediaFrame.NO_TIMESTAMP : time + diff;
    }

    /** The usual frame interval, for the duration of a last frame whose successor has not come. */
    long interval() {
        return interval;
    }

    private long difference(long raw, long last) {
        return signed(raw - last, rtpClock ? 32 : 33);
    }

    private static final long MASK_33 = (1L << 33) - 1;

    private static long decodeStamp(long pts, long dts) {
        return dts != MediaFrame.NO_TIMESTAMP ? dts : pts;
    }

    private static long signed(long value, int bits) {
        return (value << (64 - bits)) >> (64 - bits);
    }
}
