package io.github.gb28181.camel.media.mp4;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.MediaFrameListener;
import io.github.gb28181.camel.media.Ssrc;

/**
 * A muxer per SSRC between a receiver in ES mode and whoever wants MP4: frames in, segments out, on the media thread
 * of each stream. A stream's last fragment goes out when the receiver ends the stream.
 */
public final class Fmp4Streams implements MediaFrameListener {

    /** Receives the segments of every stream. */
    public interface Listener {
        /**
         * @param latest the frame that completed the segment, or the stream's last frame when it ended: its SSRC,
         *               session, source and loss count describe the segment
         */
        void segment(MediaFrame latest, Fmp4Segment segment);

        default void onError(String message, Throwable cause) {
        }
    }

    private final Fmp4Settings settings;
    private final Listener listener;
    private final Map<Long, Stream> streams = new ConcurrentHashMap<>();

    public Fmp4Streams(Fmp4Settings settings, Listener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    private final class Stream implements Fmp4Muxer.Sink {
        final Fmp4Muxer muxer;
        MediaFrame latest;

        Stream(long ssrc) {
            muxer = new Fmp4Muxer(settings, "SSRC " + Ssrc.format(ssrc), this);
        }

        @Override
        public void segment(Fmp4Segment segment) {
            listener.segment(latest, segment);
        }
    }

    @Override
    public void onFrame(MediaFrame frame) {
        Stream stream = streams.computeIfAbsent(frame.ssrc(), Stream::new);
        stream.latest = frame;
        stream.muxer.frame(frame);
    }

    @Override
    public void onStreamEnded(long ssrc) {
        Stream stream = streams.remove(ssrc);
        if (stream != null) {
            stream.muxer.finish();
        }
    }

    @Override
    public void onError(String message, Throwable cause) {
        listener.onError(message, cause);
    }

    /** Streams being muxed. */
    public int active() {
        return streams.size();
    }
}
