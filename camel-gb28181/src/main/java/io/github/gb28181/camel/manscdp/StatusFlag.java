package io.github.gb28181.camel.manscdp;

import java.util.Locale;

/**
 * Normalised reading of the many ways devices spell a yes/no state ({@code ON}, {@code On},
 * {@code ONLINE}, {@code OK}, {@code OFF}, {@code OFFLINE}, {@code ERROR}...). Models keep the raw
 * string as sent and offer this as a second view, because the raw spelling is sometimes needed to
 * answer a device in its own dialect.
 */
public enum StatusFlag {
    ON,
    OFF,
    UNKNOWN;

    public static StatusFlag of(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        switch (raw.strip().toUpperCase(Locale.ROOT)) {
            case "ON":
            case "ONLINE":
            case "OK":
            case "TRUE":
            case "1":
            case "YES":
                return ON;
            case "OFF":
            case "OFFLINE":
            case "ERROR":
            case "FALSE":
            case "0":
            case "NO":
                return OFF;
            default:
                return UNKNOWN;
        }
    }

    public boolean isOn() {
        return this == ON;
    }
}
