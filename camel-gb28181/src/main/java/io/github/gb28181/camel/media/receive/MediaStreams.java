package io.github.gb28181.camel.media.receive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.gb28181.camel.media.MediaFrameListener;
import io.github.gb28181.camel.media.Ssrc;
import io.github.gb28181.camel.media.rtp.ReorderBuffer;
import io.github.gb28181.camel.media.rtp.RtpPacket;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open streams of a receiver, by SSRC. Network threads hand packets in, a read's worth at a time; each stream
 * runs on the media worker it was pinned to when its first packet came. Memory is bounded three ways: maxStreams
 * streams, each holding at most its reorder window and one frame, and maxPendingBytes of packets waiting for the
 * workers (beyond that packets are dropped and counted, so a slow route cannot exhaust the heap).
 */
final class MediaStreams {

    private static final Logger LOG = LoggerFactory.getLogger(MediaStreams.class);

    private final MediaReceiverConfig config;
    private final MediaEventLoops loops;
    private final MediaFrameListener listener;
    private final MediaCounters counters;
    private final boolean ordered;
    private final Map<Long, Entry> streams = new ConcurrentHashMap<>();
    private final AtomicLong pendingBytes = new AtomicLong();
    private final long idleNanos;

    private volatile boolean closed;
    private volatile long lastRejectWarning;
    private ScheduledFuture<?> sweeper;

    MediaStreams(MediaReceiverConfig config, MediaEventLoops loops, MediaFrameListener listener,
                 MediaCounters counters, boolean ordered) {
        this.config = config;
        this.loops = loops;
        this.listener = listener;
        this.counters = counters;
        this.ordered = ordered;
        this.idleNanos = TimeUnit.MILLISECONDS.toNanos(config.streamIdleTimeoutMillis());
    }

    void start() {
        long period = Math.max(10, Math.min(1000, config.streamIdleTimeoutMillis() / 2));
        sweeper = loops.workers().next().scheduleAtFixedRate(this::expireIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /** Drops every stream without delivering what they hold: the receiver is stopping. */
    void close() {
        closed = true;
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        for (Entry e : streams.values()) {
            e.closed = true;
            e.cancelTimer();
        }
        streams.clear();
    }

    int active() {
        return streams.size();
    }

    long pendingBytes() {
        return pendingBytes.get();
    }

    /** A hand-off for one channel's packets, used by that channel's event loop only. */
    Batcher batcher() {
        return new Batcher();
    }

    /** Takes a packet from a network thread, to be handed to its stream's worker when the batcher is flushed. */
    void dispatch(RtpPacket packet, Batcher batcher) {
        Entry entry = admit(packet);
        if (entry != null) {
            batcher.add(entry, packet);
        }
    }

    /** Hands a packet to its stream's worker at once. */
    void dispatch(RtpPacket packet) {
        Entry entry = admit(packet);
        if (entry == null) {
            return;
        }
        int size = packet.payload().length;
        try {
            entry.executor.execute(() -> {
                pendingBytes.addAndGet(-size);
                entry.queued.decrementAndGet();
                entry.receive(packet);
            });
        } catch (RejectedExecutionException e) {
            pendingBytes.addAndGet(-size);
            entry.queued.decrementAndGet();
        }
    }

    /** The packet's stream, with the packet counted as pending on it; null when the packet is dropped. */
    private Entry admit(RtpPacket packet) {
        if (closed) {
            return null;
        }
        long ssrc = packet.ssrc();
        if (!config.ssrcs().isEmpty() && !config.ssrcs().contains(ssrc)) {
            counters.packetsFiltered.increment();
            return null;
        }
        Entry entry = streams.get(ssrc);
        if (entry == null) {
            entry = open(ssrc);
            if (entry == null) {
                return null;
            }
        }
        int size = packet.payload().length;
        if (pendingBytes.addAndGet(size) > config.maxPendingBytes()) {
            pendingBytes.addAndGet(-size);
            counters.packetsOverloaded.increment();
            return null;
        }
        entry.lastPacketNanos = packet.arrivalNanos();
        entry.queued.incrementAndGet();
        return entry;
    }

    /** The sender is gone (its TCP connection closed): deliver the last frame now instead of at the idle timeout. */
    void end(long ssrc) {
        Entry entry = streams.remove(ssrc);
        if (entry != null) {
            entry.executeQuietly(entry::finish);
        }
    }

    private Entry open(long ssrc) {
        if (streams.size() >= config.maxStreams()) {
            counters.packetsRejected.increment();
            long now = System.nanoTime();
            if (now - lastRejectWarning > TimeUnit.SECONDS.toNanos(10)) {
                lastRejectWarning = now;
                LOG.warn("Dropping RTP from SSRC {}: {} streams are open already (maxStreams)", Ssrc.format(ssrc),
                        streams.size());
            }
            return null;
        }
        Entry created = streams.computeIfAbsent(ssrc, s -> {
            counters.streamsOpened.increment();
            LOG.debug("New RTP stream, SSRC {}", Ssrc.format(s));
            return new Entry(new MediaStream(s, config, ordered, listener, counters), loops.workers().next());
        });
        return created;
    }

    private void expireIdle() {
        long now = System.nanoTime();
        for (Entry e : streams.values()) {
            if (now - e.lastPacketNanos > idleNanos && streams.remove(e.stream.ssrc(), e)) {
                counters.streamsExpired.increment();
                LOG.debug("RTP stream SSRC {} idle, closed", Ssrc.format(e.stream.ssrc()));
                e.executeQuietly(e::finish);
            }
        }
    }

    /**
     * Collects what one read of a socket gave, by worker, and hands each worker its share as one task: a thread
     * hand-off (a queue insert, often a wake-up) per read rather than per packet. Confined to one event loop.
     */
    final class Batcher {
        private final List<Batch> open = new ArrayList<>(4);

        void add(Entry entry, RtpPacket packet) {
            Batch batch = null;
            for (int i = 0; i < open.size(); i++) {
                if (open.get(i).executor == entry.executor) {
                    batch = open.get(i);
                    break;
                }
            }
            if (batch == null) {
                batch = new Batch(entry.executor);
                open.add(batch);
            }
            batch.add(entry, packet);
        }

        /** Hands the packets held to their workers. */
        void flush() {
            for (int i = 0; i < open.size(); i++) {
                open.get(i).submit();
            }
            open.clear();
        }
    }

    /** Packets for the streams of one worker, in the order they were read. */
    private final class Batch implements Runnable {
        final EventExecutor executor;
        private Entry[] entries = new Entry[16];
        private RtpPacket[] packets = new RtpPacket[16];
        private int size;
        private long bytes;

        Batch(EventExecutor executor) {
            this.executor = executor;
        }

        void add(Entry entry, RtpPacket packet) {
            if (size == packets.length) {
                entries = Arrays.copyOf(entries, size * 2);
                packets = Arrays.copyOf(packets, size * 2);
            }
            entries[size] = entry;
            packets[size] = packet;
            size++;
            bytes += packet.payload().length;
        }

        void submit() {
            try {
                executor.execute(this);
            } catch (RejectedExecutionException e) {
                // the threads are stopping: nothing will take these
                pendingBytes.addAndGet(-bytes);
                for (int i = 0; i < size; i++) {
                    entries[i].queued.decrementAndGet();
                }
            }
        }

        @Override
        public void run() {
            pendingBytes.addAndGet(-bytes);
            for (int i = 0; i < size; i++) {
                Entry entry = entries[i];
                entry.queued.decrementAndGet();
                entry.receive(packets[i]);
            }
        }
    }

    /** A stream and the worker it is pinned to; everything but the volatile fields is touched on that worker. */
    private final class Entry {
        final MediaStream stream;
        final EventExecutor executor;
        final AtomicInteger queued = new AtomicInteger();
        volatile long lastPacketNanos = System.nanoTime();
        volatile boolean closed;
        Future<?> timer;

        Entry(MediaStream stream, EventExecutor executor) {
            this.stream = stream;
            this.executor = executor;
        }

        void receive(RtpPacket packet) {
            if (closed) {
                // expired while this packet was queued: it starts the stream anew
                dispatch(packet);
                return;
            }
            stream.receive(packet);
            if (timer == null && stream.waiting()) {
                armTimer(System.nanoTime());
            }
        }

        void finish() {
            closed = true;
            cancelTimer();
            stream.finish();
        }

        void cancelTimer() {
            Future<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
        }

        private void armTimer(long now) {
            long next = stream.poll(now);
            if (next != ReorderBuffer.NO_DEADLINE) {
                timer = executor.schedule(this::onTimer, Math.max(0, next - now), TimeUnit.NANOSECONDS);
            }
        }

        private void onTimer() {
            if (closed) {
                timer = null;
                return;
            }
            if (queued.get() > 0) {
                // a stalled worker: packets that arrived in time wait in its queue, and one may fill the gap
                timer = executor.submit(this::onTimer);
                return;
            }
            timer = null;
            armTimer(System.nanoTime());
        }

        void executeQuietly(Runnable task) {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                closed = true;
            }
        }
    }
}
