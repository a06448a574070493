package io.github.gb28181.camel.sip.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Issues digest nonces and remembers them for a limited time, so that a response computed for a nonce we never
 * issued, or one issued too long ago, is told to retry (stale) rather than accepted.
 */
public final class NonceManager {

    /** How a nonce the device presented relates to what we issued. */
    public enum State {
        VALID,
        /** issued by us, but too long ago */
        STALE,
        /** never issued by us (or forgotten after a restart) */
        UNKNOWN
    }

    private static final int MAX_OUTSTANDING = 200_000;

    private final Map<String, Long> issued = new ConcurrentHashMap<>();
    private final Supplier<String> generator;
    private final long ttlMillis;
    private final Clock clock;

    public NonceManager(long ttlMillis) {
        this(randomHex(new SecureRandom()), ttlMillis, Clock.systemUTC());
    }

    /** With a generator of our own: lets tests replay captured exchanges whose nonce is fixed. */
    public NonceManager(Supplier<String> generator, long ttlMillis, Clock clock) {
        this.generator = generator;
        this.ttlMillis = ttlMillis;
        this.clock = clock;
    }

    public String issue() {
        long now = clock.millis();
        if (issued.size() >= MAX_OUTSTANDING) {
            purge(now);
        }
        String nonce = generator.get();
        issued.put(nonce, now);
        return nonce;
    }

    public State check(String nonce) {
        if (nonce == null) {
            return State.UNKNOWN;
        }
        Long at = issued.get(nonce);
        if (at == null) {
            return State.UNKNOWN;
        }
        if (clock.millis() - at > ttlMillis) {
            issued.remove(nonce);
            return State.STALE;
        }
        return State.VALID;
    }

    /** Forgets a nonce so it cannot be used again. */
    public void consume(String nonce) {
        issued.remove(nonce);
    }

    private void purge(long now) {
        for (Iterator<Long> it = issued.values().iterator(); it.hasNext();) {
            if (now - it.next() > ttlMillis) {
                it.remove();
            }
        }
    }

    public static Supplier<String> randomHex(SecureRandom random) {
        HexFormat hex = HexFormat.of();
        return () -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return hex.formatHex(bytes);
        };
    }
}
