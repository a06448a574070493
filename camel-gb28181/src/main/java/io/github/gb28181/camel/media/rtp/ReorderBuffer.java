package io.github.gb28181.camel.media.rtp;

import java.util.Arrays;

/**
 * Puts the packets of one SSRC back in sequence order, within a bounded window.
 * <p>
 * A packet waits for the ones before it at most {@code depth} packets and {@code latency} long; then the missing
 * ones are counted lost and the sink is told there was a discontinuity, so the framer above can drop what the loss
 * damaged. Duplicates and packets that come after their slot was given up are dropped. A jump of more than 3000
 * packets is believed only when the next packet follows it (RFC 3550 appendix A.1), so one stray packet cannot
 * throw away the window.
 * <p>
 * The first packets are held until half the window has filled or the latency has passed, because the first one to
 * arrive is not necessarily the first one sent. Not thread-safe: a stream is served by one thread.
 */
public final class ReorderBuffer {

    /** Receives packets in sequence order. */
    @FunctionalInterface
    public interface Sink {

        /**
         * @param discontinuity packets were lost, or the sender restarted its sequence, just before this one
         */
        void onPacket(RtpPacket packet, boolean discontinuity);
    }

    /** What {@link #poll(long)} returns when no timer is needed. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    static final int MAX_DROPOUT = 3000;
    static final int MAX_MISORDER = 100;

    private final int depth;
    private final long latencyNanos;
    private final Sink sink;
    private final RtpPacket[] slots;
    private final long[] slotSeq;
    // what went through each slot last, to tell a duplicate from a packet that arrived after it was given up
    private final long[] releasedSeq;

    private boolean started;
    private boolean primed;
    private long startedAt;
    private long expected;
    private long highest;
    private int held;
    private long heldBytes;
    private int badSeq = -1;
    private boolean discontinuity;

    private long received;
    private long lost;
    private long duplicates;
    private long late;
    private long restarts;
    private long outOfRange;

    /**
     * @param depth        how many packets may wait for a missing one; 1 releases every packet at once (TCP)
     * @param latencyNanos how long a packet may wait for a missing one; 0 gives up on a gap at once
     */
    public ReorderBuffer(int depth, long latencyNanos, Sink sink) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1");
        }
        this.depth = depth;
        this.latencyNanos = Math.max(0, latencyNanos);
        this.sink = sink;
        this.slots = new RtpPacket[depth];
        this.slotSeq = new long[depth];
        this.releasedSeq = new long[depth];
        Arrays.fill(releasedSeq, Long.MIN_VALUE);
    }

    /** Takes a packet; releases to the sink whatever is now in order. */
    public void add(RtpPacket packet) {
        received++;
        long now = packet.arrivalNanos();
        if (!started) {
            started = true;
            startedAt = now;
            expected = packet.sequence();
            highest = expected;
            primed = depth == 1 || latencyNanos == 0;
            hold(packet, expected);
            if (primed) {
                drain();
            }
            return;
        }
        long ext = extend(packet.sequence());
        if (ext < expected) {
            if (!primed && highest - ext < depth) {
                expected = ext;
                hold(packet, ext);
                primeIfReady(now);
            } else if (expected - ext > Math.max(MAX_MISORDER, depth)) {
                restartOrDrop(packet);
            } else if (releasedSeq[index(ext)] == ext) {
                duplicates++;
            } else {
                late++;
            }
            return;
        }
        if (ext - expected >= MAX_DROPOUT) {
            restartOrDrop(packet);
            return;
        }
        badSeq = -1;
        if (ext - expected >= depth) {
            primed = true;
            skipTo(ext - depth + 1);
        }
        hold(packet, ext);
        if (primed) {
            drain();
        } else {
            primeIfReady(now);
        }
    }

    /**
     * Gives up on gaps whose followers have waited long enough.
     *
     * @return when to call again ({@link System#nanoTime()} scale), or {@link #NO_DEADLINE}
     */
    public long poll(long now) {
        if (!started || held == 0) {
            return NO_DEADLINE;
        }
        if (!primed) {
            if (now - startedAt < latencyNanos) {
                return startedAt + latencyNanos;
            }
            primed = true;
            drain();
        }
        while (held > 0) {
            long firstHeld = Long.MIN_VALUE;
            long oldestArrival = Long.MAX_VALUE;
            for (long s = expected; s <= highest; s++) {
                int i = index(s);
                if (slots[i] != null && slotSeq[i] == s) {
                    if (firstHeld == Long.MIN_VALUE) {
                        firstHeld = s;
                    }
                    oldestArrival = Math.min(oldestArrival, slots[i].arrivalNanos());
                }
            }
            if (now - oldestArrival < latencyNanos) {
                return oldestArrival + latencyNanos;
            }
            skipTo(firstHeld);
        }
        return NO_DEADLINE;
    }

    /** Releases everything held, in order, counting the gaps as lost. */
    public void flush() {
        if (held > 0) {
            primed = true;
            skipTo(highest + 1);
        }
    }

    /** Drops everything held. */
    public void clear() {
        Arrays.fill(slots, null);
        held = 0;
        heldBytes = 0;
    }

    private void primeIfReady(long now) {
        if (held >= Math.max(1, depth / 2) || now - startedAt >= latencyNanos) {
            primed = true;
            drain();
        }
    }

    private void restartOrDrop(RtpPacket packet) {
        if (packet.sequence() != badSeq) {
            badSeq = (packet.sequence() + 1) & 0xFFFF;
            outOfRange++;
            return;
        }
        flush();
        restarts++;
        badSeq = -1;
        Arrays.fill(releasedSeq, Long.MIN_VALUE);
        expected = packet.sequence();
        highest = expected;
        discontinuity = true;
        hold(packet, expected);
        drain();
    }

    private void hold(RtpPacket packet, long ext) {
        int i = index(ext);
        if (slots[i] != null) {
            duplicates++;
            return;
        }
        slots[i] = packet;
        slotSeq[i] = ext;
        held++;
        heldBytes += packet.payload().length;
        highest = Math.max(highest, ext);
    }

    private void drain() {
        while (held > 0) {
            int i = index(expected);
            if (slots[i] == null || slotSeq[i] != expected) {
                return;
            }
            release(i);
            expected++;
        }
    }

    private void skipTo(long target) {
        while (expected < target) {
            if (held == 0) {
                lost += target - expected;
                expected = target;
                discontinuity = true;
                break;
            }
            int i = index(expected);
            if (slots[i] != null && slotSeq[i] == expected) {
                release(i);
            } else {
                lost++;
                discontinuity = true;
            }
            expected++;
        }
        drain();
    }

    private void release(int i) {
        RtpPacket packet = slots[i];
        slots[i] = null;
        held--;
        heldBytes -= packet.payload().length;
        releasedSeq[i] = slotSeq[i];
        boolean gap = discontinuity;
        discontinuity = false;
        sink.onPacket(packet, gap);
    }

    private long extend(int sequence) {
        int delta = (short) (sequence - (int) (expected & 0xFFFF));
        return expected + delta;
    }

    private int index(long ext) {
        return (int) Math.floorMod(ext, (long) depth);
    }

    /** Packets waiting for a missing one. */
    public int held() {
        return held;
    }

    /** Payload bytes waiting for a missing one. */
    public long heldBytes() {
        return heldBytes;
    }

    public long received() {
        return received;
    }

    /** Packets given up on: never arrived within the window, or arrived too late. */
    public long lost() {
        return lost;
    }

    public long duplicates() {
        return duplicates;
    }

    /** Packets that arrived after their gap had been given up (they are also counted in {@link #lost()}). */
    public long late() {
        return late;
    }

    /** Times the sender was believed to have restarted its sequence numbers. */
    public long restarts() {
        return restarts;
    }

    /** Packets dropped because their sequence number was too far from the window. */
    public long outOfRange() {
        return outOfRange;
    }
}
