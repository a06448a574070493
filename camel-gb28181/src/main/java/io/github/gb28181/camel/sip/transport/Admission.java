package io.github.gb28181.camel.sip.transport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Decides, for each datagram as it comes off the socket, whether it waits for a SIP worker and in which queue, or is
 * shed. What devices the platform knows (registered ones) say of their own accord, keepalives first, goes to the
 * priority queue: a keepalive must not wait behind a storm of strangers, nor behind the answers to the queries that
 * the storm's registrations set off, or a device that kept alive all along goes offline. Those answers, and the
 * responses to the platform's own requests, go to the answers queue, served next. Everything else waits in the
 * queue for strangers, and a REGISTER
 * from a device the platform does not know is answered 503 with Retry-After as soon as that queue is running late,
 * or the work it would start (events for routes, queries to send) is backing up: the device comes back later, when
 * it can be served, instead of retransmitting into a queue that only grows.
 * <p>
 * The platform says who it knows and what is backing up; this class knows nothing of devices or routes.
 */
public final class Admission {

    /** Where a datagram goes. */
    enum Verdict {
        /** the priority queue */
        PRIORITY,
        /** the queue of answers to the platform's own requests */
        ANSWER,
        /** the queue for unknown senders */
        NORMAL,
        /** answered 503 with Retry-After at once */
        REFUSE
    }

    private static final int WINDOW_SECONDS = 10;
    private static final int MAX_RETRY_SPREAD_SECONDS = 300;

    private final OverloadSettings settings;
    private volatile Predicate<String> knownDevice = id -> false;
    private final List<BooleanSupplier> pressures = new CopyOnWriteArrayList<>();
    private volatile AdmissionQueue queue;

    private final LongAdder refused = new LongAdder();
    private final LongAdder droppedFull = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final LongAdder admittedNew = new LongAdder();
    /** Per second of the last {@link #WINDOW_SECONDS}: requests refused, and new REGISTERs let through. */
    private final AtomicLongArray refusedPerSecond = new AtomicLongArray(WINDOW_SECONDS);
    private final AtomicLongArray admittedPerSecond = new AtomicLongArray(WINDOW_SECONDS);
    private final AtomicLongArray secondOfSlot = new AtomicLongArray(WINDOW_SECONDS);

    public Admission(OverloadSettings settings) {
        this.settings = settings;
    }

    public OverloadSettings settings() {
        return settings;
    }

    /** Who the platform knows: a device id for which this says true keeps priority. */
    public void setKnownDevice(Predicate<String> knownDevice) {
        this.knownDevice = knownDevice;
    }

    /**
     * Adds a sign that work the platform does after admitting a new device is backing up (events waiting for routes,
     * queries waiting to be sent): while any says true, new devices are asked to come back later.
     */
    public void addPressure(BooleanSupplier saturated) {
        pressures.add(saturated);
    }

    void attach(AdmissionQueue queue) {
        this.queue = queue;
    }

    Verdict classify(DatagramTriage triage, long now) {
        AdmissionQueue q = queue;
        if (triage.response()) {
            return Verdict.ANSWER;
        }
        if (triage.fromUser() != null && knownDevice.test(triage.fromUser())) {
            return triage.answer() ? Verdict.ANSWER : Verdict.PRIORITY;
        }
        int depth = q == null ? 0 : q.normalDepth();
        if (triage.isRegister() && !triage.authorized()) {
            // a new device's first REGISTER: the cheapest to turn away, and the one that starts the most work
            if (depth >= settings.queueSize() / 2 || q != null && q.normalOldestAge(now) > settings.maxQueueDelayMillis() / 2
                || underPressure()) {
                return Verdict.REFUSE;
            }
            countAdmittedNew(now);
            return Verdict.NORMAL;
        }
        return depth >= settings.queueSize() ? Verdict.REFUSE : Verdict.NORMAL;
    }

    private boolean underPressure() {
        for (BooleanSupplier pressure : pressures) {
            if (pressure.getAsBoolean()) {
                return true;
            }
        }
        return false;
    }

    /**
     * How long a refused sender should stay away, in seconds: at least the configured Retry-After, and spread at
     * random over as long as the platform needs, at the rate it admitted new devices lately, to serve all it refused
     * lately, so that they do not all come back in the same second.
     */
    int retryAfterSeconds(long now) {
        long refusedLately = sum(refusedPerSecond, now);
        long admittedLately = Math.max(1, sum(admittedPerSecond, now));
        long spread = Math.min(MAX_RETRY_SPREAD_SECONDS, refusedLately * WINDOW_SECONDS / admittedLately);
        spread = Math.max(spread, settings.retryAfterSeconds());
        return settings.retryAfterSeconds() + (int) ThreadLocalRandom.current().nextLong(spread + 1);
    }

    void countRefused(long now) {
        refused.increment();
        refusedPerSecond.incrementAndGet(slot(now));
    }

    private void countAdmittedNew(long now) {
        admittedNew.increment();
        admittedPerSecond.incrementAndGet(slot(now));
    }

    void countDroppedFull() {
        droppedFull.increment();
    }

    void countExpired() {
        expired.increment();
    }

    /** The slot of the current second, emptied when the second it held has passed. */
    private int slot(long nowMillis) {
        long second = nowMillis / 1000;
        int slot = (int) (second % WINDOW_SECONDS);
        long held = secondOfSlot.get(slot);
        if (held != second && secondOfSlot.compareAndSet(slot, held, second)) {
            refusedPerSecond.set(slot, 0);
            admittedPerSecond.set(slot, 0);
        }
        return slot;
    }

    private long sum(AtomicLongArray perSecond, long nowMillis) {
        long second = nowMillis / 1000;
        long total = 0;
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            if (second - secondOfSlot.get(i) < WINDOW_SECONDS) {
                total += perSecond.get(i);
            }
        }
        return total;
    }

    /** Requests answered 503 at once because the platform was busy. */
    public long refused() {
        return refused.sum();
    }

    /** Datagrams from known devices, or responses, dropped because their queue was full. */
    public long droppedFull() {
        return droppedFull.sum();
    }

    /** Datagrams dropped because they waited longer than the longest queue delay. */
    public long expired() {
        return expired.sum();
    }

    /** REGISTERs from devices the platform did not know that were let through to the workers. */
    public long admittedNew() {
        return admittedNew.sum();
    }

    /** Datagrams from known devices waiting for a worker now, but their answers to the platform's requests. */
    public int priorityDepth() {
        AdmissionQueue q = queue;
        return q == null ? 0 : q.priorityDepth();
    }

    /** Answers of known devices to the platform's requests, and responses, waiting for a worker now. */
    public int answerDepth() {
        AdmissionQueue q = queue;
        return q == null ? 0 : q.answerDepth();
    }

    /** Datagrams from unknown senders waiting for a worker now. */
    public int normalDepth() {
        AdmissionQueue q = queue;
        return q == null ? 0 : q.normalDepth();
    }

    @Override
    public String toString() {
        return "queued " + priorityDepth() + " + " + answerDepth() + " + " + normalDepth() + ", refused " + refused()
               + ", dropped (full) " + droppedFull() + ", expired " + expired();
    }
}
