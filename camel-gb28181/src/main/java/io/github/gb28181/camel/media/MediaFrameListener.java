package io.github.gb28181.camel.media;

/**
 * Receives the frames of every stream of a {@link MediaReceiver}. Calls for one SSRC come from one thread, in
 * order; calls for different SSRCs may come from different threads at the same time.
 */
@FunctionalInterface
public interface MediaFrameListener {

    /** A complete frame. Runs on a media worker thread: a slow listener slows the streams sharing that thread. */
    void onFrame(MediaFrame frame);

    /**
     * A stream ended (it was idle for the stream timeout, or its TCP connection closed) after its last frame was
     * delivered. Runs on the thread that delivered its frames.
     */
    default void onStreamEnded(long ssrc) {
    }

    /**
     * Something went wrong outside any frame: a listener that threw, a connection to a device that failed. The
     * receiver keeps running.
     */
    default void onError(String message, Throwable cause) {
    }
}
