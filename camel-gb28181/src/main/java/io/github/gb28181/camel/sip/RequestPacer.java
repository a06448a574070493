package io.github.gb28181.camel.sip;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.sip.message.Response;

/**
 * Lets the requests a registration storm would start (queries, subscriptions) out no faster than a rate, and no
 * more at once than a limit of unanswered ones. Over UDP every request the platform sends is a client transaction
 * that retransmits until the device answers or 32 s pass: a thousand devices registering in a second must not become
 * a thousand queries retransmitting at once while the devices are still busy registering. What cannot go yet waits
 * here, in order, until its time or its deadline; past a bound, a request is refused at once rather than queued.
 */
public final class RequestPacer {

    /** Thrown (in the future) when too many requests wait already: nothing was sent. */
    public static final class BusyException extends RuntimeException {
        BusyException(String message) {
            super(message);
        }
    }

    private record Waiting(Supplier<CompletableFuture<Response>> send, CompletableFuture<Response> result, long deadline) {
    }

    private final int perSecond;
    private final int maxInFlight;
    private final int maxWaiting;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoClock;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private final LongAdder unanswered = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private int inFlight;
    private double tokens;
    private long refilledAt;
    private boolean drainScheduled;

    /**
     * @param perSecond   requests let out per second at most, in bursts of a tenth of a second; 0 for no limit
     * @param maxInFlight requests sent and not answered yet at most; 0 for no limit
     * @param maxWaiting  requests waiting for their turn at most; more are refused
     * @param scheduler   where waiting requests are let out from
     */
    public RequestPacer(int perSecond, int maxInFlight, int maxWaiting, ScheduledExecutorService scheduler) {
        this(perSecond, maxInFlight, maxWaiting, scheduler, System::nanoTime);
    }

    RequestPacer(int perSecond, int maxInFlight, int maxWaiting, ScheduledExecutorService scheduler,
                 LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.maxInFlight = maxInFlight;
        this.maxWaiting = maxWaiting;
        this.scheduler = scheduler;
        this.nanoClock = nanoClock;
        this.refilledAt = nanoClock.getAsLong();
        this.tokens = burst();
    }

    /**
     * Sends now if the rate and the unanswered requests allow, else when they do, unless {@code timeoutMillis}
     * passes first (then the future fails with a {@link TimeoutException} and nothing is sent).
     */
    public CompletableFuture<Response> send(Supplier<CompletableFuture<Response>> send, long timeoutMillis) {
        CompletableFuture<Response> result = new CompletableFuture<>();
        Waiting request = new Waiting(send, result, nanoClock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
        boolean now;
        synchronized (this) {
            now = waiting.isEmpty() && mayGo();
            if (now) {
                take();
            } else if (waiting.size() >= maxWaiting) {
                refused.increment();
                result.completeExceptionally(new BusyException(waiting.size() + " requests are waiting to be sent"));
                return result;
            } else {
                waiting.addLast(request);
                scheduleDrain(0);
            }
        }
        if (now) {
            go(request);
        }
        return result;
    }

    /** Requests waiting for their turn. */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** Requests sent and not answered yet. */
    public synchronized int inFlight() {
        return inFlight;
    }

    /** Requests sent that got no answer at all (their transaction timed out). */
    public long unanswered() {
        return unanswered.sum();
    }

    /** Requests refused because too many were waiting. */
    public long refused() {
        return refused.sum();
    }

    /** Whether more requests wait than one second of the rate lets out: the platform is asking faster than it may. */
    public synchronized boolean backedUp() {
        return waiting.size() > Math.max(perSecond, maxInFlight);
    }

    private void go(Waiting request) {
        CompletableFuture<Response> sent;
        try {
            sent = request.send().get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((response, error) -> {
            if (error instanceof TimeoutException) {
                unanswered.increment();
            }
            synchronized (this) {
                inFlight--;
                if (!waiting.isEmpty()) {
                    scheduleDrain(0);
                }
            }
            if (error != null) {
                request.result().completeExceptionally(error);
            } else {
                request.result().complete(response);
            }
        });
    }

    private void drain() {
        List<Waiting> ready = new ArrayList<>();
        List<Waiting> late = new ArrayList<>();
        synchronized (this) {
            drainScheduled = false;
            long now = nanoClock.getAsLong();
            while (!waiting.isEmpty()) {
                Waiting next = waiting.peekFirst();
                if (next.result().isDone()) {
                    waiting.pollFirst(); // its caller gave up
                } else if (now - next.deadline() > 0) {
                    late.add(waiting.pollFirst());
                } else if (mayGo()) {
                    take();
                    ready.add(waiting.pollFirst());
                } else {
                    break;
                }
            }
            if (!waiting.isEmpty() && (maxInFlight <= 0 || inFlight < maxInFlight)) {
                // waiting for tokens, not for answers: come back when the next one is due
                scheduleDrain(Math.max(1, (long) Math.ceil((1 - tokens) * 1000.0 / perSecond)));
            }
        }
        late.forEach(w -> w.result().completeExceptionally(
                new TimeoutException("Not sent: it waited its whole timeout for its turn")));
        ready.forEach(this::go);
    }

    private void scheduleDrain(long delayMillis) {
        if (drainScheduled) {
            return;
        }
        drainScheduled = true;
        try {
            scheduler.schedule(this::drain, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            drainScheduled = false; // stopping: what waits fails at its deadline, or with the server
            List<Waiting> dropped = new ArrayList<>(waiting);
            waiting.clear();
            dropped.forEach(w -> w.result().completeExceptionally(new BusyException("The platform is stopping")));
        }
    }

    private boolean mayGo() {
        if (maxInFlight > 0 && inFlight >= maxInFlight) {
            return false;
        }
        if (perSecond <= 0) {
            return true;
        }
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst(), tokens + (now - refilledAt) * perSecond / 1e9);
        refilledAt = now;
        return tokens >= 1;
    }

    private void take() {
        inFlight++;
        if (perSecond > 0) {
            tokens -= 1;
        }
    }

    private double burst() {
        return Math.max(1, perSecond / 10.0);
    }
}
