package io.github.gb28181.camel.media.mp4;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream's segments to any number of viewers, the same byte arrays to each. A viewer who joins late gets the
 * init segment and the fragments since the last key frame at once, so it starts with a picture instead of waiting
 * for the next key frame (with per-frame fragments the last one is live; with per-GOP fragments it is one GOP
 * behind). When the kept fragments would exceed {@code maxKeptBytes} they are given up and a new viewer waits for
 * the next key frame.
 * <p>
 * Thread-safe. {@link Viewer#send} is called with the fan-out's lock held, in order: it must only queue.
 */
public final class Fmp4FanOut {

    private static final Logger LOG = LoggerFactory.getLogger(Fmp4FanOut.class);

    /** Where one viewer's segments go. */
    @FunctionalInterface
    public interface Viewer {
        /** Queues a segment; must not block. Throwing removes the viewer. */
        void send(Fmp4Segment segment);
    }

    private final long maxKeptBytes;
    private final Map<Viewer, Boolean> viewers = new LinkedHashMap<>();
    private final List<Fmp4Segment> kept = new ArrayList<>();
    private Fmp4Segment init;
    private long keptBytes;
    private boolean keeping;

    public Fmp4FanOut(long maxKeptBytes) {
        this.maxKeptBytes = maxKeptBytes;
    }

    /** The stream's next segment. */
    public synchronized void publish(Fmp4Segment segment) {
        if (segment.isInit()) {
            init = segment;
            kept.clear();
            keptBytes = 0;
            keeping = false;
            viewers.replaceAll((v, started) -> false);
        } else {
            if (segment.keyFrame()) {
                kept.clear();
                keptBytes = 0;
                keeping = true;
            }
            if (keeping) {
                if (keptBytes + segment.data().length > maxKeptBytes) {
                    kept.clear();
                    keptBytes = 0;
                    keeping = false;
                } else {
                    kept.add(segment);
                    keptBytes += segment.data().length;
                }
            }
        }
        List<Viewer> failed = null;
        for (Map.Entry<Viewer, Boolean> e : viewers.entrySet()) {
            boolean started = e.getValue() || !segment.isInit() && segment.keyFrame();
            if (segment.isInit() || started) {
                e.setValue(started);
                if (!deliver(e.getKey(), segment)) {
                    failed = failed == null ? new ArrayList<>() : failed;
                    failed.add(e.getKey());
                }
            }
        }
        if (failed != null) {
            failed.forEach(viewers::remove);
        }
    }

    /** Adds a viewer: it gets the init segment and the fragments since the last key frame now, then the rest. */
    public synchronized void subscribe(Viewer viewer) {
        boolean started = false;
        if (init != null) {
            if (!deliver(viewer, init)) {
                return;
            }
            if (keeping && !kept.isEmpty()) {
                for (Fmp4Segment s : kept) {
                    if (!deliver(viewer, s)) {
                        return;
                    }
                }
                started = true;
            }
        }
        viewers.put(viewer, started);
    }

    /** @return whether it was a viewer */
    public synchronized boolean unsubscribe(Viewer viewer) {
        return viewers.remove(viewer) != null;
    }

    public synchronized int viewers() {
        return viewers.size();
    }

    /** The tracks of the current init segment, or {@code null} before the first. */
    public synchronized Fmp4Tracks tracks() {
        return init != null ? init.tracks() : null;
    }

    /** The fragments a viewer joining now would get at once, after the init segment. */
    public synchronized int keptFragments() {
        return keeping ? kept.size() : 0;
    }

    private static boolean deliver(Viewer viewer, Fmp4Segment segment) {
        try {
            viewer.send(segment);
            return true;
        } catch (RuntimeException e) {
            LOG.debug("Viewer {} removed: {}", viewer, e.toString());
            return false;
        }
    }
}
