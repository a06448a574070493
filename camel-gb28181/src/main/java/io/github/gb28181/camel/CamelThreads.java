package io.github.gb28181.camel;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

import io.github.gb28181.camel.concurrent.ThreadSource;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The protocol layer's threads, from Camel's ExecutorServiceManager: named by the context's thread name pattern,
 * made by its thread pool factory (virtual threads and custom factories included), and stopped with the context if
 * the component has not stopped them already.
 */
final class CamelThreads implements ThreadSource {

    private final CamelContext context;
    private final Object owner;

    CamelThreads(CamelContext context, Object owner) {
        this.context = context;
        this.owner = owner;
    }

    private ExecutorServiceManager manager() {
        return context.getExecutorServiceManager();
    }

    @Override
    public ExecutorService newOrderedExecutor(String name, int queueCapacity) {
        ThreadPoolProfile profile = new ThreadPoolProfile(name);
        profile.setPoolSize(1);
        profile.setMaxPoolSize(1);
        profile.setMaxQueueSize(queueCapacity);
        // never CallerRuns, Camel's default: a task run on the caller's thread would overtake the queued ones
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        profile.setAllowCoreThreadTimeOut(false);
        return manager().newThreadPool(owner, name, profile);
    }

    @Override
    public ScheduledExecutorService newScheduler(String name) {
        ThreadPoolProfile profile = new ThreadPoolProfile(name);
        profile.setPoolSize(1);
        profile.setMaxPoolSize(1);
        // Camel's default profile refuses a task past 1,000 waiting; a timer waits for every answer remembered and
        // every query in flight, which a registration storm makes thousands of. What they time bounds them.
        profile.setMaxQueueSize(-1);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return manager().newScheduledThreadPool(owner, name, profile);
    }

    @Override
    public ThreadFactory newThreadFactory(String name) {
        return runnable -> manager().newThread(name, runnable);
    }

    @Override
    public void shutdown(ExecutorService executor, Duration grace) {
        if (grace.isZero()) {
            manager().shutdownNow(executor);
        } else {
            manager().shutdownGraceful(executor, grace.toMillis());
        }
    }

    /**
     * Netty's FastThreadLocalThreads (which its buffer pools and event loops run fastest on) with the names Camel
     * gives its own threads.
     */
    ThreadFactory nettyThreadFactory(String name) {
        return new DefaultThreadFactory(name, true) {
            @Override
            protected Thread newThread(Runnable runnable, String ignored) {
                return super.newThread(runnable, manager().resolveThreadName(name));
            }
        };
    }
}
