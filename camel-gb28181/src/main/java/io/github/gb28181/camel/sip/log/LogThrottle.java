package io.github.gb28181.camel.sip.log;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Limits a log statement that remote input triggers to a few lines per window, so a device or attacker sending bad
 * requests at line rate cannot fill the disk with log. The lines held back are counted and the next line that gets
 * through says how many there were; the metrics count every one.
 */
public final class LogThrottle {

    private static final int LINES_PER_WINDOW = 10;
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final LongSupplier nanoClock;
    private long windowStart;
    private int lines;
    private long heldBack;

    public LogThrottle() {
        this(System::nanoTime);
    }

    LogThrottle(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.windowStart = nanoClock.getAsLong();
    }

    /**
     * @return null when this line is to be held back, else a suffix for it: empty, or how many lines were held back
     *         before it
     */
    public synchronized String admit() {
        long now = nanoClock.getAsLong();
        if (now - windowStart >= WINDOW_NANOS) {
            windowStart = now;
            lines = 0;
        }
        if (lines >= LINES_PER_WINDOW) {
            heldBack++;
            return null;
        }
        lines++;
        if (heldBack == 0) {
            return "";
        }
        String suffix = " (" + heldBack + " more like this not logged)";
        heldBack = 0;
        return suffix;
    }
}
