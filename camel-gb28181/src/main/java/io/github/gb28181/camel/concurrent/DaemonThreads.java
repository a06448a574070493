package io.github.gb28181.camel.concurrent;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's executors on daemon threads called name-1, name-2...: what the protocol layer uses when no Camel
 * context hands it a {@link ThreadSource}.
 */
final class DaemonThreads implements ThreadSource {

    static final DaemonThreads INSTANCE = new DaemonThreads();

    private DaemonThreads() {
    }

    @Override
    public ExecutorService newOrderedExecutor(String name, int queueCapacity) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(queueCapacity),
                newThreadFactory(name));
    }

    @Override
    public ScheduledExecutorService newScheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(newThreadFactory(name));
    }

    @Override
    public ThreadFactory newThreadFactory(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void shutdown(ExecutorService executor, Duration grace) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
