package io.github.gb28181.camel.media;

import java.util.Locale;

/**
 * How RTP reaches the platform. GB/T 28181 names TCP modes from the platform's side: passive, the platform listens
 * and the device connects ({@code a=setup:passive} in the platform's offer); active, the platform connects to the
 * port the device answered with.
 */
public enum MediaTransport {
    UDP("udp"),
    TCP_PASSIVE("tcp-passive"),
    TCP_ACTIVE("tcp-active");

    private final String value;

    MediaTransport(String value) {
        this.value = value;
    }

    /** The option value: udp, tcp-passive or tcp-active. */
    public String value() {
        return value;
    }

    public static MediaTransport fromValue(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (MediaTransport t : values()) {
            if (t.value.equals(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown transport " + text + ": expected udp, tcp-passive or tcp-active");
    }
}
