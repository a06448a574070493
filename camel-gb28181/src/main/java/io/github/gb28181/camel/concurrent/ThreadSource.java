package io.github.gb28181.camel.concurrent;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Where the protocol layer's threads come from. The Camel components hand in one backed by Camel's
 * ExecutorServiceManager, so the platform's threads are named, created and stopped the way the rest of the
 * application's are; {@link #daemon()} serves code that runs the protocol without Camel (tests, tools).
 */
public interface ThreadSource {

    /**
     * One thread that runs tasks in the order they were submitted. The caller keeps at most {@code queueCapacity}
     * tasks waiting; more may be rejected.
     */
    ExecutorService newOrderedExecutor(String name, int queueCapacity);

    /** One thread for timers; it never refuses a timer (the platform holds one per answer it remembers). */
    ScheduledExecutorService newScheduler(String name);

    /** Threads for a pool that is not an executor (one-off threads, Netty's loops), named after {@code name}. */
    ThreadFactory newThreadFactory(String name);

    /**
     * Stops an executor this source made: nothing new is accepted, what is queued gets up to {@code grace} to run,
     * then what still runs is interrupted. Blocks for at most {@code grace}.
     */
    void shutdown(ExecutorService executor, Duration grace);

    /** Plain daemon threads named after the pool, for the protocol without Camel. */
    static ThreadSource daemon() {
        return DaemonThreads.INSTANCE;
    }
}
