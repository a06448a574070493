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
 * issued, or one issued too long ago, is told to retry (stale) rather than accepted. A nonce that authenticated a
 * device belongs to that device: without qop it cannot be used again at all (a captured REGISTER cannot be
 * replayed); with qop its nonce-count must grow.
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

    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
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
        issued.put(nonce, new Issued(now));
        return nonce;
    }

    public State check(String nonce) {
        if (nonce == null) {
            return State.UNKNOWN;
        }
        Issued at = issued.get(nonce);
        if (at == null) {
            return State.UNKNOWN;
        }
        if (clock.millis() - at.millis > ttlMillis) {
            issued.remove(nonce);
            return State.STALE;
        }
        return State.VALID;
    }

    /**
     * Records that {@code nonce} authenticated {@code deviceId}, if it may: it must not have authenticated another
     * device, and with qop its nonce-count must be higher than any seen. Without qop the nonce is spent.
     *
     * @param  nonceCount the nc value with qop, or null without
     * @return            false when the use is a replay
     */
    public boolean use(String nonce, String deviceId, String nonceCount) {
        Issued at = issued.get(nonce);
        if (at == null) {
            return false;
        }
        synchronized (at) {
            if (at.device != null && !at.device.equals(deviceId)) {
                return false;
            }
            if (nonceCount == null) {
                issued.remove(nonce);
                return at.device == null;
            }
            long nc;
            try {
                nc = Long.parseLong(nonceCount, 16);
            } catch (NumberFormatException e) {
                return false;
            }
            if (nc <= at.lastNonceCount) {
                return false;
            }
            at.device = deviceId;
            at.lastNonceCount = nc;
            return true;
        }
    }

    private void purge(long now) {
        for (Iterator<Issued> it = issued.values().iterator(); it.hasNext();) {
            if (now - it.next().millis > ttlMillis) {
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

    private static final class Issued {
        private final long millis;
        private String device;
        private long lastNonceCount;

        private Issued(long millis) {
            this.millis = millis;
        }
    }
}
