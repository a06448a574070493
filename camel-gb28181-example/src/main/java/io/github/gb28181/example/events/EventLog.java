package io.github.gb28181.example.events;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.gb28181.camel.Gb28181Constants;
import io.github.gb28181.example.PlatformProperties;
import jakarta.annotation.PreDestroy;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The recent device events, for {@code GET /api/events}, and the browsers following them live over server-sent
 * events. The device-events route calls {@link #record} for every event before it publishes it.
 */
@Component("eventLog")
public class EventLog implements SmartLifecycle {

    /** Proxies drop idle connections; a comment line now and then keeps the stream open and finds dead clients. */
    private static final long HEARTBEAT_SECONDS = 20;

    private final int capacity;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final Deque<PlatformEvent> recent = new ArrayDeque<>();
    private final List<SseEmitter> followers = new CopyOnWriteArrayList<>();
    // a browser that reads slowly must not hold up the route that publishes to JMS
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(r -> daemon(r, "event-log-sse"));
    private volatile boolean running;
    private final ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "event-log-heartbeat"));

    @Autowired
    public EventLog(PlatformProperties properties) {
        this(properties.eventsKept(), Clock.systemUTC());
    }

    EventLog(int capacity, Clock clock) {
        this.capacity = Math.max(1, capacity);
        this.clock = clock;
        heartbeat.scheduleAtFixedRate(() -> fanOut.execute(this::sendHeartbeat), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                TimeUnit.SECONDS);
    }

    /** Remembers the event of an exchange from {@code gb28181:events}, tells the browsers following; returns it. */
    public PlatformEvent record(Exchange exchange) {
        Message in = exchange.getIn();
        PlatformEvent event = new PlatformEvent(ids.incrementAndGet(), clock.instant(),
                in.getHeader(Gb28181Constants.EVENT_TYPE, String.class),
                in.getHeader(Gb28181Constants.DEVICE_ID, String.class),
                in.getHeader(Gb28181Constants.CHANNEL_ID, String.class),
                in.getHeader(Gb28181Constants.REMOTE_ADDRESS, String.class),
                in.getBody());
        synchronized (recent) {
            recent.addLast(event);
            while (recent.size() > capacity) {
                recent.removeFirst();
            }
        }
        if (!followers.isEmpty()) {
            fanOut.execute(() -> send(event));
        }
        return event;
    }

    /** The last {@code limit} events, oldest first. */
    public List<PlatformEvent> recent(int limit) {
        synchronized (recent) {
            List<PlatformEvent> all = new ArrayList<>(recent);
            return all.subList(Math.max(0, all.size() - limit), all.size());
        }
    }

    /** A browser following the events from now on. */
    public SseEmitter follow() {
        SseEmitter emitter = new SseEmitter(0L); // no timeout: the stream lasts as long as the page
        emitter.onCompletion(() -> followers.remove(emitter));
        emitter.onTimeout(() -> followers.remove(emitter));
        emitter.onError(e -> followers.remove(emitter));
        try {
            // the response starts with the first thing sent: without it the browser would not know it is connected
            emitter.send(SseEmitter.event().comment("following"));
        } catch (IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        followers.add(emitter);
        return emitter;
    }

    private void send(PlatformEvent event) {
        for (SseEmitter emitter : followers) {
            try {
                emitter.send(SseEmitter.event().id(Long.toString(event.id())).data(event, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                followers.remove(emitter);
            }
        }
    }

    private void sendHeartbeat() {
        for (SseEmitter emitter : followers) {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException gone) {
                followers.remove(emitter);
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends the browsers' streams before the web server stops: it waits for open requests to finish, and an event
     * stream never would.
     */
    @Override
    public void stop() {
        running = false;
        followers.forEach(SseEmitter::complete);
        followers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void close() {
        heartbeat.shutdownNow();
        fanOut.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
