package io.github.gb28181.camel.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.concurrent.ThreadSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans device events out to every listener, off the SIP threads and in order per device: each device's events go
 * through one of a few single-threaded lanes, chosen by its id. Publishing only enqueues, so the SIP layer can
 * publish before it answers (keeping a device's REGISTER ahead of its first keepalive) without waiting for routes.
 * A full lane makes the publisher wait: back-pressure rather than lost events; {@link #backlog()} lets the SIP layer
 * turn new devices away before it comes to that. An event of a type no listener wants is not queued at all.
 */
public final class EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
    private static final int LANE_CAPACITY = 10_000;
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final List<DeviceEventListener> listeners = new CopyOnWriteArrayList<>();
    private final ThreadSource threads;
    private final ExecutorService[] lanes;
    /** Room in each lane: a publisher takes a permit before it queues, the lane gives it back when it delivered. */
    private final Semaphore[] room;
    private volatile boolean closed;
    /** The types some listener wants, worked out again whenever a listener comes or goes. */
    private volatile Set<EventType> wanted = EnumSet.noneOf(EventType.class);

    /**
     * @param name      what the lanes' threads are named after
     * @param laneCount how many lanes (threads); a device always uses the same one
     * @param threads   where the lanes come from
     */
    public EventBus(String name, int laneCount, ThreadSource threads) {
        this.threads = threads;
        lanes = new ExecutorService[laneCount];
        room = new Semaphore[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes[i] = threads.newOrderedExecutor("gb28181-events-" + name + "-" + i, LANE_CAPACITY);
            room[i] = new Semaphore(LANE_CAPACITY);
        }
    }

    public void subscribe(DeviceEventListener listener) {
        listeners.add(listener);
        updateWanted();
    }

    public void unsubscribe(DeviceEventListener listener) {
        listeners.remove(listener);
        updateWanted();
    }

    private synchronized void updateWanted() {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (EventType type : EventType.values()) {
            if (listeners.stream().anyMatch(l -> l.wants(type))) {
                types.add(type);
            }
        }
        wanted = types;
    }

    /** Whether some listener wants events of this type. */
    public boolean wants(EventType type) {
        return wanted.contains(type);
    }

    /** Events waiting in the busiest lane. */
    public int backlog() {
        int deepest = 0;
        for (Semaphore free : room) {
            deepest = Math.max(deepest, LANE_CAPACITY - free.availablePermits());
        }
        return deepest;
    }

    /** How many events a lane holds before publishers wait. */
    public int laneCapacity() {
        return LANE_CAPACITY;
    }

    /**
     * Queues the event; the future completes once every listener processed it, exceptionally if one failed, and at
     * once when no listener wants its type.
     */
    public CompletableFuture<Void> publish(DeviceEvent event) {
        if (!wanted.contains(event.type())) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        int lane = Math.floorMod(event.deviceId().hashCode(), lanes.length);
        try {
            waitForRoom(lane);
            try {
                lanes[lane].execute(() -> {
                    room[lane].release();
                    deliver(event, done);
                });
            } catch (RejectedExecutionException e) {
                room[lane].release();
                throw e;
            }
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
        closed = true;
        for (ExecutorService lane : lanes) {
            threads.shutdown(lane, CLOSE_GRACE);
        }
    }

    private void waitForRoom(int lane) {
        try {
            while (!room[lane].tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new RejectedExecutionException("event lane stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("interrupted while waiting for the event lane", e);
        }
        if (closed) {
            room[lane].release();
            throw new RejectedExecutionException("event lane stopped");
        }
    }
}
