package io.github.gb28181.camel.sdp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out GB28181 SSRCs: ten digits, the first 0 for live and 1 for recorded video, then digits 4 to 8 of the
 * domain, then a four-digit index. An SSRC is never given to two sessions at once.
 */
public final class SsrcAllocator {

    private static final int INDEX_RANGE = 10_000;

    private final String domainPart;
    private final Set<String> inUse = ConcurrentHashMap.newKeySet();
    private final AtomicInteger next = new AtomicInteger(1);

    public SsrcAllocator(String domain) {
        if (domain == null || domain.length() < 8 || !domain.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("The SIP domain must be at least 8 digits to build SSRCs, was " + domain);
        }
        this.domainPart = domain.substring(3, 8);
    }

    /** @throws IllegalStateException when all 9,999 indexes of that kind are in use */
    public String allocate(SessionKind kind) {
        String prefix = (kind.isHistory() ? "1" : "0") + domainPart;
        for (int attempt = 0; attempt < INDEX_RANGE; attempt++) {
            int index = next.getAndUpdate(n -> n >= INDEX_RANGE - 1 ? 1 : n + 1);
            String ssrc = prefix + String.format("%04d", index);
            if (inUse.add(ssrc)) {
                return ssrc;
            }
        }
        throw new IllegalStateException("No free SSRC: " + (INDEX_RANGE - 1) + " sessions of this kind are open");
    }

    /** Marks an SSRC a device chose as taken, so it is not handed out while its session lasts. */
    public void reserve(String ssrc) {
        inUse.add(ssrc);
    }

    public void release(String ssrc) {
        if (ssrc != null) {
            inUse.remove(ssrc);
        }
    }
}
