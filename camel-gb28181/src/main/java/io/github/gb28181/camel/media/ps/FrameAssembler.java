package io.github.gb28181.camel.media.ps;

/**
 * Makes frames out of program stream elements.
 */
public interface FrameAssembler extends PsElementSink {

    /** Emits the frame in progress: the stream has ended. */
    void flush();

    /** Frames dropped for exceeding the maximum frame size. */
    long oversized();
}
