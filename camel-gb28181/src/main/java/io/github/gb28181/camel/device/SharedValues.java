package io.github.gb28181.camel.device;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each value that thousands of devices repeat: their transport, user agent, manufacturer, model,
 * firmware, charset, channel status. A site's cameras are a few models on a few firmwares, so the registry of a large
 * site would otherwise hold the same strings tens of thousands of times, and a registration storm would copy them
 * from one young generation to the next until they are old. Values each device has its own of (ids, addresses, names)
 * are not for this pool. Bounded, because devices choose these values: when it is full it starts afresh, so the
 * values in use are shared again from then on and values seen once are forgotten.
 */
final class SharedValues {

    private static final int MAX_VALUES = 4_096;
    /** A value longer than this is unlikely to repeat, and would make the pool costly to fill on purpose. */
    private static final int MAX_LENGTH = 128;

    private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

    private SharedValues() {
    }

    static String share(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return value;
        }
        String shared = VALUES.get(value);
        if (shared != null) {
            return shared;
        }
        if (VALUES.size() >= MAX_VALUES) {
            VALUES.clear();
        }
        shared = VALUES.putIfAbsent(value, value);
        return shared == null ? value : shared;
    }
}
