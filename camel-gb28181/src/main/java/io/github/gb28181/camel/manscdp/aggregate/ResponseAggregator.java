package io.github.gb28181.camel.manscdp.aggregate;

import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.MultiPart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges Catalog and RecordInfo answers (and Catalog notifications) that devices split over many
 * MESSAGEs. Parts are grouped by {@link AggregationKey}; items are de-duplicated (a resent part
 * must not count twice); the result is emitted once SumNum unique items arrived, or marked partial
 * when no part came for the gap timeout. Parts may arrive in any order and from any thread.
 *
 * <p>Every result goes to the listener given at construction; a caller that sent a query can also
 * {@link #expect(AggregationKey) register} for its answer, whose future completes after the listener ran. Register before sending: a result that
 * completes before anyone registered only reaches the listener.
 *
 * <p>The scheduler is borrowed, not owned: {@link #close()} cancels our timers but never shuts it down.
 */
public final class ResponseAggregator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseAggregator.class);

    private final ScheduledExecutorService scheduler;
    private final long gapTimeoutNanos;
    private final long retentionNanos;
    private final Consumer<? super Aggregated<?>> listener;
    private final Map<AggregationKey, Pending> pending = new ConcurrentHashMap<>();
    private final Map<AggregationKey, CompletableFuture<Aggregated<?>>> waiters = new ConcurrentHashMap<>();
    private final Map<AggregationKey, Boolean> recentlyCompleted = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param scheduler  runs the gap timeouts; shared with others, not shut down by us
     * @param gapTimeout how long to wait after the latest part before giving up on the rest
     * @param listener   receives every aggregated result, on the thread that completed it
     */
    public ResponseAggregator(ScheduledExecutorService scheduler, Duration gapTimeout,
                              Consumer<? super Aggregated<?>> listener) {
        this(scheduler, gapTimeout, gapTimeout, listener);
    }

    /**
     * @param retention how long a completed key is remembered so late duplicates of its parts are
     *                  dropped instead of starting a new, eventually partial, aggregation
     */
    public ResponseAggregator(ScheduledExecutorService scheduler, Duration gapTimeout, Duration retention,
                              Consumer<? super Aggregated<?>> listener) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.gapTimeoutNanos = requirePositive(gapTimeout, "gapTimeout").toNanos();
        this.retentionNanos = Objects.requireNonNull(retention, "retention").toNanos();
        this.listener = listener == null ? r -> { } : listener;
    }

    private static Duration requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    /**
     * Takes one received message.
     *
     * @return {@code true} if the message is a multi-part type and was taken (its result will come
     *         through the listener); {@code false} if the caller should handle it directly
     */
    public boolean offer(ManscdpMessage message) {
        if (closed || !(message instanceof MultiPart)) {
            return false;
        }
        @SuppressWarnings("unchecked")
        MultiPart<Object> part = (MultiPart<Object>) message;
        AggregationKey key = AggregationKey.of(message);
        if (key == null) {
            // without DeviceID or SN there is nothing to group by: the message stands alone
            deliver(Aggregated.of(null, part, unique(part, part.getItems()), part.getSumNum(), 1, false));
            return true;
        }
        // checked inside the map's atomic step: a duplicate racing with completion either finds the
        // finished Pending (and is ignored by it) or finds the key marked completed, never a gap
        Pending p = pending.computeIfAbsent(key, k -> recentlyCompleted.containsKey(k) ? null : new Pending(k, part));
        if (p == null) {
            LOG.debug("Dropping late part of completed {}", key);
            return true;
        }
        Aggregated<?> result = p.add(part);
        if (result != null) {
            finish(p, result);
        }
        return true;
    }

    /**
     * Registers interest in the answer with this key. The future completes with the aggregated
     * result (possibly partial); it never times out by itself, so use {@code orTimeout} for the
     * case where the device never answers. Registering twice for one key returns the same future.
     */
    public CompletableFuture<Aggregated<?>> expect(AggregationKey key) {
        Objects.requireNonNull(key, "key");
        if (closed) {
            return CompletableFuture.failedFuture(new CancellationException("aggregator closed"));
        }
        CompletableFuture<Aggregated<?>> fresh = new CompletableFuture<>();
        CompletableFuture<Aggregated<?>> existing = waiters.putIfAbsent(key, fresh);
        if (existing != null) {
            return existing;
        }
        // whoever completes it (result, orTimeout, cancel), the registration must go
        fresh.whenComplete((r, e) -> waiters.remove(key, fresh));
        return fresh;
    }

    /** Number of answers still collecting parts. */
    public int pendingCount() {
        return pending.size();
    }

    /** Cancels timers, forgets unfinished answers and fails registered futures with {@link CancellationException}. */
    @Override
    public void close() {
        closed = true;
        for (Pending p : pending.values()) {
            p.abandon();
        }
        pending.clear();
        for (CompletableFuture<Aggregated<?>> f : new ArrayList<>(waiters.values())) {
            f.completeExceptionally(new CancellationException("aggregator closed"));
        }
        waiters.clear();
        recentlyCompleted.clear();
    }

    private void finish(Pending p, Aggregated<?> result) {
        // mark before removing, so no instant exists where the key is neither pending nor completed
        recentlyCompleted.put(p.key, Boolean.TRUE);
        pending.remove(p.key, p);
        if (!closed) {
            // the key alone: a timer holding the Pending would keep every part's document alive for the retention
            AggregationKey key = p.key;
            scheduler.schedule(() -> recentlyCompleted.remove(key), retentionNanos, TimeUnit.NANOSECONDS);
        }
        deliver(result);
    }

    /** Listener first, then the waiter: whoever is woken by the future can rely on the listener having seen it. */
    private void deliver(Aggregated<?> result) {
        try {
            listener.accept(result);
        } catch (RuntimeException e) {
            // a faulty listener must not break aggregation of other answers or kill the timer thread
            LOG.warn("Listener failed on {}", result, e);
        }
        if (result.getKey() != null) {
            CompletableFuture<Aggregated<?>> waiter = waiters.remove(result.getKey());
            if (waiter != null) {
                waiter.complete(result);
            }
        }
    }

    private static List<Object> unique(MultiPart<Object> part, List<Object> items) {
        Map<Object, Object> seen = new LinkedHashMap<>();
        for (Object item : items) {
            seen.putIfAbsent(part.dedupKey(item), item);
        }
        return new ArrayList<>(seen.values());
    }

    /** The parts of one answer collected so far; all state is guarded by the instance lock. */
    private final class Pending {
        final AggregationKey key;
        final MultiPart<Object> template;
        final Map<Object, Object> items = new LinkedHashMap<>();
        Integer sumNum;
        int parts;
        boolean done;
        ScheduledFuture<?> timer;

        Pending(AggregationKey key, MultiPart<Object> template) {
            this.key = key;
            this.template = template;
        }

        synchronized Aggregated<?> add(MultiPart<Object> part) {
            if (done) {
                return null; // lost the race with completion: this part is surplus
            }
            parts++;
            if (sumNum == null) {
                sumNum = part.getSumNum();
            }
            for (Object item : part.getItems()) {
                items.putIfAbsent(template.dedupKey(item), item);
            }
            // no SumNum means the device considers this one message the whole answer
            if (sumNum == null || items.size() >= sumNum) {
                return complete(false);
            }
            if (timer != null) {
                timer.cancel(false);
            }
            timer = scheduler.schedule(this::expire, gapTimeoutNanos, TimeUnit.NANOSECONDS);
            return null;
        }

        void expire() {
            Aggregated<?> result;
            synchronized (this) {
                if (done) {
                    return;
                }
                result = complete(true);
            }
            LOG.debug("Gap timeout on {}: {} of {} items", key, result.getItems().size(), sumNum);
            finish(this, result);
        }

        private Aggregated<?> complete(boolean partial) {
            done = true;
            if (timer != null) {
                timer.cancel(false);
            }
            return Aggregated.of(key, template, new ArrayList<>(items.values()), sumNum, parts, partial);
        }

        synchronized void abandon() {
            done = true;
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }
}
