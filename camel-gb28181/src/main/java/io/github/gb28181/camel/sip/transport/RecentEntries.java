package io.github.gb28181.camel.sip.transport;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Entries kept for one to two generations, for what the SIP layer must remember about recent requests (their keys,
 * their answers) without a timer per entry: when a generation has passed, the older one is dropped whole. An entry
 * found in the older generation moves to the current one, so what keeps being asked for stays.
 */
public final class RecentEntries<V> {

    private final long generationNanos;
    private Map<String, V> current = new HashMap<>();
    private Map<String, V> previous = new HashMap<>();
    private long generationStart = System.nanoTime();

    public RecentEntries(Duration generation) {
        this.generationNanos = generation.toNanos();
    }

    /** The value under the key, or null. */
    public synchronized V get(String key) {
        rotate();
        return find(key);
    }

    /** @return the value already under the key, or null when there was none and this one was put */
    public synchronized V putIfAbsent(String key, V value) {
        rotate();
        V earlier = find(key);
        if (earlier == null) {
            current.put(key, value);
        }
        return earlier;
    }

    /** Puts a value, replacing the one under the key. */
    public synchronized void put(String key, V value) {
        rotate();
        previous.remove(key);
        current.put(key, value);
    }

    public synchronized void clear() {
        current.clear();
        previous.clear();
    }

    private V find(String key) {
        V value = current.get(key);
        if (value == null) {
            value = previous.remove(key);
            if (value != null) {
                current.put(key, value);
            }
        }
        return value;
    }

    private void rotate() {
        long now = System.nanoTime();
        if (now - generationStart > generationNanos) {
            previous = current;
            current = new HashMap<>();
            generationStart = now;
        }
    }
}
