package io.github.gb28181.camel;

import java.net.InetSocketAddress;
import java.util.Locale;

import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.MediaFrameListener;
import io.github.gb28181.camel.media.MediaSessionInfo;
import io.github.gb28181.camel.media.Ssrc;
import io.github.gb28181.camel.media.mp4.Fmp4Segment;
import io.github.gb28181.camel.media.mp4.Fmp4Streams;
import io.github.gb28181.camel.media.receive.MediaReceiver;
import io.github.gb28181.camel.media.receive.MediaStatistics;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Turns the receiver's frames, or in fmp4 mode the MP4 segments muxed from them, into exchanges. Frames of one SSRC
 * are routed in order, on the media thread that stream is pinned to; a synchronous route therefore paces that
 * stream, and when it falls behind, packets waiting beyond maxPendingBytes are dropped and counted rather than
 * queued without bound.
 */
public class Gb28181RtpConsumer extends DefaultConsumer implements MediaFrameListener {

    private MediaReceiver receiver;
    private String mode;

    public Gb28181RtpConsumer(Gb28181RtpEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public Gb28181RtpEndpoint getEndpoint() {
        return (Gb28181RtpEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        Gb28181RtpEndpoint endpoint = getEndpoint();
        Gb28181RtpConfiguration configuration = endpoint.getConfiguration();
        mode = configuration.getMode().trim().toUpperCase(Locale.ROOT);
        MediaFrameListener listener = configuration.isFmp4()
                ? new Fmp4Streams(configuration.toFmp4Settings(), new SegmentRouting()) : this;
        receiver = new MediaReceiver(endpoint.receiverConfig(), endpoint.getComponent().eventLoops(), listener);
        receiver.start();
        endpoint.getComponent().consumerStarted(this);
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().getComponent().consumerStopped(this);
        if (receiver != null) {
            receiver.stop();
            receiver = null;
        }
        super.doStop();
    }

    /** The bound address, useful when the endpoint asked for port 0. */
    public InetSocketAddress getLocalAddress() {
        MediaReceiver r = receiver;
        return r != null ? r.localAddress() : null;
    }

    /** What the receiver counted since the consumer started. */
    public MediaStatistics getStatistics() {
        MediaReceiver r = receiver;
        return r != null ? r.statistics() : null;
    }

    @Override
    public void onFrame(MediaFrame frame) {
        if (!isRunAllowed()) {
            return;
        }
        Exchange exchange = createExchange(false);
        Message in = exchange.getIn();
        in.setBody(frame.payload());
        setHeaders(in, frame);
        in.setHeader(Gb28181RtpConstants.MODE, mode);
        route(exchange, "Error processing an RTP frame");
    }

    private void route(Exchange exchange, String failure) {
        getAsyncProcessor().process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException(failure, exchange, exchange.getException());
            }
            releaseExchange(exchange, false);
        });
    }

    /** fmp4 mode: an exchange per segment, labelled like the frames it was made of. */
    private final class SegmentRouting implements Fmp4Streams.Listener {

        @Override
        public void segment(MediaFrame latest, Fmp4Segment segment) {
            if (!isRunAllowed()) {
                return;
            }
            Exchange exchange = createExchange(false);
            Message in = exchange.getIn();
            in.setBody(segment.data());
            in.setHeader(Gb28181RtpConstants.MODE, mode);
            in.setHeader(Gb28181RtpConstants.SEGMENT, segment.type().name());
            in.setHeader(Gb28181RtpConstants.MIME_TYPE, segment.tracks().mimeType());
            in.setHeader(Gb28181RtpConstants.CODEC, segment.tracks().videoCodec().name());
            in.setHeader(Gb28181RtpConstants.KEY_FRAME, segment.keyFrame());
            if (!segment.isInit()) {
                in.setHeader(Gb28181RtpConstants.SEQUENCE, segment.sequence());
                in.setHeader(Gb28181RtpConstants.FRAGMENT_START, segment.startMillis());
                in.setHeader(Gb28181RtpConstants.FRAGMENT_DURATION, segment.durationMillis());
            }
            setStreamHeaders(in, latest);
            route(exchange, "Error processing an MP4 segment");
        }

        @Override
        public void onError(String message, Throwable cause) {
            Gb28181RtpConsumer.this.onError(message, cause);
        }
    }

    @Override
    public void onError(String message, Throwable cause) {
        getExceptionHandler().handleException(message, cause);
    }

    private static void setHeaders(Message in, MediaFrame frame) {
        in.setHeader(Gb28181RtpConstants.RTP_TIMESTAMP, frame.rtpTimestamp());
        if (frame.hasPts()) {
            in.setHeader(Gb28181RtpConstants.PTS, frame.pts());
        }
        if (frame.dts() != MediaFrame.NO_TIMESTAMP && frame.dts() != frame.pts()) {
            in.setHeader(Gb28181RtpConstants.DTS, frame.dts());
        }
        in.setHeader(Gb28181RtpConstants.KEY_FRAME, frame.keyFrame());
        in.setHeader(Gb28181RtpConstants.CODEC, frame.codec().name());
        in.setHeader(Gb28181RtpConstants.STREAM_TYPE, frame.streamType().name());
        if (frame.damaged()) {
            in.setHeader(Gb28181RtpConstants.DAMAGED, true);
        }
        setStreamHeaders(in, frame);
    }

    /** What every exchange of a stream carries: where it comes from and which session it belongs to. */
    private static void setStreamHeaders(Message in, MediaFrame frame) {
        in.setHeader(Gb28181RtpConstants.SSRC, Ssrc.format(frame.ssrc()));
        in.setHeader(Gb28181RtpConstants.PACKETS_LOST, frame.packetsLost());
        if (frame.source() != null) {
            in.setHeader(Gb28181RtpConstants.REMOTE_ADDRESS,
                    frame.source().getAddress().getHostAddress() + ":" + frame.source().getPort());
        }
        MediaSessionInfo session = frame.session();
        if (session != null) {
            in.setHeader(Gb28181RtpConstants.DEVICE_ID, session.deviceId());
            in.setHeader(Gb28181RtpConstants.CHANNEL_ID, session.channelId());
            in.setHeader(Gb28181RtpConstants.SESSION_ID, session.sessionId());
        }
    }
}
