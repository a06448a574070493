package io.github.gb28181.camel.sdp;

import java.util.Locale;

/**
 * How the media flows, seen from the platform: over UDP; over TCP with the platform listening and the device
 * connecting (passive); or over TCP with the platform connecting to the device (active).
 */
public enum MediaTransportMode {
    UDP,
    TCP_PASSIVE,
    TCP_ACTIVE;

    public static MediaTransportMode of(String name) {
        String normalized = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (normalized) {
            case "UDP" -> UDP;
            case "TCP_PASSIVE", "TCP" -> TCP_PASSIVE;
            case "TCP_ACTIVE" -> TCP_ACTIVE;
            default -> throw new IllegalArgumentException(
                    "Unknown media transport '" + name + "': use udp, tcp-passive or tcp-active");
        };
    }

    public boolean isTcp() {
        return this != UDP;
    }
}
