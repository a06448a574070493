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

    public static MediaMode fromValue(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
