package io.github.gb28181.camel.media;

import java.util.Locale;

/**
 * What a frame is.
 */
public enum MediaMode {
    /** The sender's program stream bytes, one frame per picture. */
    PS,
    /** Elementary streams out of the program stream: one video access unit, or one audio PES payload. */
    ES;

    /** A mode's name in any letter case; anything else fails with those choices. */
    public static MediaMode fromValue(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (MediaMode mode : values()) {
            if (mode.name().equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown mode '" + text + "'; use one of " + java.util.Arrays.stream(values())
                .map(mode -> mode.name().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.joining(", ")));
    }
}
