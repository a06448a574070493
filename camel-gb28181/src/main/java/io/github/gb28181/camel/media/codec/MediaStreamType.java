package io.github.gb28181.camel.media.codec;

/**
 * Whether a frame carries pictures or sound. A program-stream frame that interleaves both is {@link #VIDEO}.
 */
public enum MediaStreamType {
    VIDEO,
    AUDIO
}
