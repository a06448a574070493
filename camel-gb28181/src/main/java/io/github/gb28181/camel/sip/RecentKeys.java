package io.github.gb28181.camel.sip;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Keys seen in the last 32 to 64 seconds (a transaction's lifetime): two generations, the older dropped whole. */
final class RecentKeys {

    private static final long GENERATION_NANOS = TimeUnit.SECONDS.toNanos(32);

    private Set<String> current = ConcurrentHashMap.newKeySet();
    private Set<String> previous = ConcurrentHashMap.newKeySet();
    private long generationStart = System.nanoTime();

    /** @return true the first time a key is seen within its lifetime */
    synchronized boolean firstTime(String key) {
        long now = System.nanoTime();
        if (now - generationStart > GENERATION_NANOS) {
            previous = current;
            current = ConcurrentHashMap.newKeySet();
            generationStart = now;
        }
        return !previous.contains(key) && current.add(key);
    }
}
