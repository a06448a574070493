package io.github.gb28181.camel.media.ps;

/**
 * Receives what a {@link PsDemuxer} finds.
 */
public interface PsElementSink {

    /** A complete element; copy what you keep, the demuxer reuses the element and its array. */
    void onElement(PsElement element);

    /**
     * Bytes are missing before the next element: RTP packets were lost, or corrupt data was skipped. Whatever was
     * being assembled may be incomplete, and the next element may not be the one that followed it.
     */
    void onDiscontinuity();
}
