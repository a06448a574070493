package io.github.gb28181.camel.event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans device events out to every listener, off the SIP threads and in order per device: each device's events go
 * through one of a few single-threaded lanes, chosen by its id. Publishing only enqueues, so the SIP layer can
 * publish before it answers (keeping a device's REGISTER ahead of its first keepalive) without waiting for routes.
 * A full lane makes the publisher wait: back-pressure rather than lost events.
 */
public final class EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
    private static final int LANE_CAPACITY = 10_000;

    private final List<DeviceEventListener> listeners = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor[] lanes;

    public EventBus(String name, int laneCount) {
        lanes = new ThreadPoolExecutor[laneCount];
        for (int i = 0; i < laneCount; i++) {
            String threadName = "gb28181-events-" + name + "-" + i;
            lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(LANE_CAPACITY), r -> {
                        Thread t = new Thread(r, threadName);
                        t.setDaemon(true);
                        return t;
                    }, EventBus::waitForRoom);
        }
    }

    public void subscribe(DeviceEventListener listener) {
        listeners.add(listener);
    }

    public void unsubscribe(DeviceEventListener listener) {
        listeners.remove(listener);
    }

    /** Queues the event; the future completes once every listener processed it, exceptionally if one failed. */
    public CompletableFuture<Void> publish(DeviceEvent event) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ExecutorService lane = lanes[Math.floorMod(event.deviceId().hashCode(), lanes.length)];
        try {
            lane.execute(() -> deliver(event, done));
        } catch (RejectedExecutionException e) {
            LOG.debug("Event bus stopped: {} from {} not delivered", event.type(), event.deviceId());
            done.completeExceptionally(e);
        }
        return done;
    }

    private void deliver(DeviceEvent event, CompletableFuture<Void> done) {
        List<CompletableFuture<Void>> processing = new ArrayList<>(listeners.size());
        for (DeviceEventListener listener : listeners) {
            try {
                processing.add(listener.process(event).toCompletableFuture());
            } catch (RuntimeException e) {
                LOG.error("Event listener failed on {} from {}", event.type(), event.deviceId(), e);
                processing.add(CompletableFuture.failedFuture(e));
            }
        }
        CompletableFuture.allOf(processing.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
            if (e != null) {
                done.completeExceptionally(e);
            } else {
                done.complete(null);
            }
        });
    }

    /** Delivers what is queued (for a short while), then stops the lanes. */
    public void close() {
        for (ThreadPoolExecutor lane : lanes) {
            lane.shutdown();
        }
        for (ThreadPoolExecutor lane : lanes) {
            try {
                if (!lane.awaitTermination(2, TimeUnit.SECONDS)) {
                    lane.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lane.shutdownNow();
            }
        }
    }

    private static void waitForRoom(Runnable task, ThreadPoolExecutor lane) {
        if (lane.isShutdown()) {
            throw new RejectedExecutionException("event lane stopped");
        }
        BlockingQueue<Runnable> queue = lane.getQueue();
        try {
            queue.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("interrupted while waiting for the event lane", e);
        }
    }
}
