package io.github.gb28181.camel.sip.transport;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;

/**
 * The datagrams waiting for jain-sip's UDP workers, in three bounded queues served in turn: what known devices say
 * of their own accord (keepalives), their answers to the platform's requests, and strangers' datagrams.
 * A datagram that waited longer than the longest queue delay is dropped when a worker reaches it: its sender has
 * retransmitted it by then, so the worker's time goes to a copy that can still be answered in time. jain-sip's
 * workers take from this as they would from their own unbounded queue.
 * <p>
 * Serving the priority queue first is not enough on its own: a keepalive that arrives while every worker is busy
 * with a new device's registration waits for one of them to finish, and in a storm that is every moment. So strangers'
 * datagrams may occupy all workers but {@code reserved}: a worker is always free, or about to be, for a device the
 * platform knows. A worker's hold on a stranger's datagram ends when it comes back for the next one.
 * <p>
 * Nor is a free worker enough when the cores are short: every registration admitted starts work elsewhere (events,
 * queries, their answers), and on a small machine that work delays the known devices' requests even though they never
 * wait for a worker. So the queue watches how long the known devices' datagrams waited: when one waited longer than
 * {@link #LAG_MILLIS}, strangers get a single worker for the next {@link #EASE_MILLIS}. Their queue then backs up, and
 * admission turns new devices away (503 with Retry-After) until the known ones are served in time again.
 */
final class AdmissionQueue extends AbstractQueue<DatagramQueuedMessageDispatch>
        implements BlockingQueue<DatagramQueuedMessageDispatch> {

    /** A priority datagram that waited longer than this says the known devices are falling behind. */
    static final long LAG_MILLIS = 20;
    /** How long strangers keep to one worker after the known devices fell behind. */
    static final long EASE_MILLIS = 1000;

    private final Admission admission;
    private final int priorityCapacity;
    private final int normalCapacity;
    private final long maxDelayMillis;
    private final int maxNormalBusy;
    private final LongSupplier clock;
    private final ArrayDeque<DatagramQueuedMessageDispatch> priority = new ArrayDeque<>();
    private final ArrayDeque<DatagramQueuedMessageDispatch> answers = new ArrayDeque<>();
    private final ArrayDeque<DatagramQueuedMessageDispatch> normal = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private volatile int priorityDepth;
    private volatile int answerDepth;
    private volatile int normalDepth;
    private volatile long normalHeadTime;
    /** Workers processing a stranger's datagram now; guarded by {@link #lock}. */
    private int normalBusy;
    /** Until when strangers keep to one worker (clock time); guarded by {@link #lock}. */
    private long easeUntil;
    private final ThreadLocal<Boolean> holdsNormal = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /**
     * @param workers  the workers that take from this queue
     * @param reserved how many of them strangers' datagrams never occupy (at least one worker is always left to them)
     */
    AdmissionQueue(Admission admission, LongSupplier clock, int workers, int reserved) {
        this.admission = admission;
        this.priorityCapacity = admission.settings().priorityQueueSize();
        this.normalCapacity = admission.settings().queueSize();
        this.maxDelayMillis = admission.settings().maxQueueDelayMillis();
        this.maxNormalBusy = Math.max(1, workers - reserved);
        this.clock = clock;
        admission.attach(this);
    }

    /**
     * Queues a datagram in the queue its verdict names (not {@link Admission.Verdict#REFUSE}); false when that queue
     * is full. The queues of known devices hold {@code priorityQueueSize} each.
     */
    boolean add(DatagramQueuedMessageDispatch datagram, Admission.Verdict verdict) {
        lock.lock();
        try {
            ArrayDeque<DatagramQueuedMessageDispatch> target = switch (verdict) {
                case PRIORITY -> priority;
                case ANSWER -> answers;
                case NORMAL -> normal;
                case REFUSE -> throw new IllegalArgumentException("A refused datagram is not queued");
            };
            if (target.size() >= (target == normal ? normalCapacity : priorityCapacity)) {
                return false;
            }
            target.addLast(datagram);
            updateDepths();
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    int priorityDepth() {
        return priorityDepth;
    }

    int answerDepth() {
        return answerDepth;
    }

    int normalDepth() {
        return normalDepth;
    }

    /** How long the oldest datagram from an unknown sender has waited, in milliseconds; 0 when none waits. */
    long normalOldestAge(long now) {
        long head = normalHeadTime;
        return head == 0 ? 0 : now - head;
    }

    /**
     * The next datagram still worth a worker's time, priority first, then answers, or null when none waits. A
     * stranger's datagram is only handed out while fewer than {@code maxNormalBusy} workers hold one.
     */
    private DatagramQueuedMessageDispatch next(boolean worker) {
        long now = clock.getAsLong();
        DatagramQueuedMessageDispatch found = known(priority, now);
        if (found == null) {
            found = known(answers, now);
        }
        int normalWorkers = now < easeUntil ? 1 : maxNormalBusy;
        while (found == null && !normal.isEmpty() && (!worker || normalBusy < normalWorkers)) {
            found = fresh(normal.pollFirst(), now);
            if (found != null && worker) {
                normalBusy++;
                holdsNormal.set(Boolean.TRUE);
            }
        }
        updateDepths();
        return found;
    }

    /** The next fresh datagram of a known device's queue; one that waited past {@link #LAG_MILLIS} starts easing. */
    private DatagramQueuedMessageDispatch known(ArrayDeque<DatagramQueuedMessageDispatch> queue, long now) {
        DatagramQueuedMessageDispatch found = null;
        while (found == null && !queue.isEmpty()) {
            found = fresh(queue.pollFirst(), now);
        }
        if (found != null && now - found.getReceptionTime() > LAG_MILLIS) {
            easeUntil = now + EASE_MILLIS;
        }
        return found;
    }

    private DatagramQueuedMessageDispatch fresh(DatagramQueuedMessageDispatch head, long now) {
        if (now - head.getReceptionTime() > maxDelayMillis) {
            admission.countExpired();
            return null;
        }
        return head;
    }

    /**
     * How long until strangers may have their workers again, in milliseconds, when some wait for one now; 0 otherwise
     * (a waiting worker is then woken by the next datagram, not by the clock).
     */
    private long easedIn() {
        return normal.isEmpty() ? 0 : Math.max(0, easeUntil - clock.getAsLong());
    }

    /** A worker back for more is done with what it held; a waiting worker may take a stranger's datagram now. */
    private void release() {
        if (holdsNormal.get()) {
            holdsNormal.set(Boolean.FALSE);
            normalBusy--;
            if (!normal.isEmpty()) {
                notEmpty.signal();
            }
        }
    }

    private void updateDepths() {
        priorityDepth = priority.size();
        answerDepth = answers.size();
        normalDepth = normal.size();
        DatagramQueuedMessageDispatch head = normal.peekFirst();
        normalHeadTime = head == null ? 0 : head.getReceptionTime();
    }

    @Override
    public DatagramQueuedMessageDispatch take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            release();
            DatagramQueuedMessageDispatch next;
            while ((next = next(true)) == null) {
                long eased = easedIn();
                if (eased > 0) {
                    notEmpty.await(eased, TimeUnit.MILLISECONDS);
                } else {
                    notEmpty.await();
                }
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public DatagramQueuedMessageDispatch poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            release();
            DatagramQueuedMessageDispatch next;
            while ((next = next(true)) == null) {
                if (nanos <= 0) {
                    return null;
                }
                long eased = easedIn();
                long waited = System.nanoTime();
                notEmpty.awaitNanos(eased > 0 ? Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(eased)) : nanos);
                nanos -= System.nanoTime() - waited;
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public DatagramQueuedMessageDispatch poll() {
        lock.lock();
        try {
            return next(false);
        } finally {
            lock.unlock();
        }
    }

    /** Only the reader queues datagrams, through {@link #add(DatagramQueuedMessageDispatch, Admission.Verdict)}. */
    @Override
    public boolean offer(DatagramQueuedMessageDispatch datagram) {
        return add(datagram, Admission.Verdict.PRIORITY);
    }

    @Override
    public boolean offer(DatagramQueuedMessageDispatch datagram, long timeout, TimeUnit unit) {
        return offer(datagram);
    }

    @Override
    public void put(DatagramQueuedMessageDispatch datagram) {
        offer(datagram);
    }

    @Override
    public DatagramQueuedMessageDispatch peek() {
        lock.lock();
        try {
            if (!priority.isEmpty()) {
                return priority.peekFirst();
            }
            return answers.isEmpty() ? normal.peekFirst() : answers.peekFirst();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        return priorityDepth + answerDepth + normalDepth;
    }

    @Override
    public int remainingCapacity() {
        return 2 * priorityCapacity + normalCapacity - size();
    }

    @Override
    public Iterator<DatagramQueuedMessageDispatch> iterator() {
        lock.lock();
        try {
            List<DatagramQueuedMessageDispatch> all = new java.util.ArrayList<>(priority);
            all.addAll(answers);
            all.addAll(normal);
            return all.iterator();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int drainTo(Collection<? super DatagramQueuedMessageDispatch> sink) {
        return drainTo(sink, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super DatagramQueuedMessageDispatch> sink, int max) {
        int drained = 0;
        DatagramQueuedMessageDispatch next;
        while (drained < max && (next = poll()) != null) {
            sink.add(next);
            drained++;
        }
        return drained;
    }
}
