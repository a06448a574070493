package io.github.gb28181.camel.media.mp4;

import java.util.Locale;

/**
 * Where the muxer cuts the stream into fragments (moof + mdat).
 */
public enum FragmentMode {
    /**
     * One fragment per key-frame interval: fewest boxes, the natural unit for files and late joiners. A fragment
     * leaves when the next key frame arrives, so live latency is a whole GOP.
     */
    GOP,
    /** One fragment per video frame: the lowest latency for live viewing, about 100 bytes of boxes per frame. */
    FRAME;

    public static FragmentMode fromValue(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
