package io.github.gb28181.camel.fuzz;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each call on a worker thread and gives up on it after a time limit, so an input that makes the code under test
 * loop is reported as a hang instead of stalling the build. The limit is generous: it catches hangs, not slowness.
 */
public final class Bounded implements AutoCloseable {

    /** What a call came to: its value, what it threw, or that it did not return in time. */
    public record Outcome<T>(T value, Throwable thrown, boolean hung, long nanos) {
    }

    private final Duration limit;
    private ExecutorService worker = newWorker();
    private long slowestNanos;

    public Bounded(Duration limit) {
        this.limit = limit;
    }

    public <T> Outcome<T> call(Callable<T> task) {
        long start = System.nanoTime();
        Future<T> future = worker.submit(task);
        try {
            T value = future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome<>(value, null, false, took(start));
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause(), false, took(start));
        } catch (TimeoutException e) {
            future.cancel(true);
            // the stuck thread may never come back: later calls get a fresh one
            worker.shutdownNow();
            worker = newWorker();
            return new Outcome<>(null, null, true, took(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The longest call so far, in milliseconds: printed with the summary, so creeping slowness shows. */
    public long slowestMillis() {
        return slowestNanos / 1_000_000;
    }

    private long took(long start) {
        long nanos = System.nanoTime() - start;
        slowestNanos = Math.max(slowestNanos, nanos);
        return nanos;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-bounded");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
