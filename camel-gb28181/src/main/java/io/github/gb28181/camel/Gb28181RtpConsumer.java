package io.github.gb28181.camel;

import java.net.InetSocketAddress;

import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.MediaFrameListener;
import io.github.gb28181.camel.media.MediaSessionInfo;
import io.github.gb28181.camel.media.Ssrc;
import io.github.gb28181.camel.media.receive.MediaReceiver;
import io.github.gb28181.camel.media.receive.MediaStatistics;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Turns the receiver's frames into exchanges. Frames of one SSRC are routed in order, on the media thread that
 * stream is pinned to; a synchronous route therefore paces that stream, and when it falls behind, packets waiting
 * beyond maxPendingBytes are dropped and counted rather than queued without bound.
 */
public class Gb28181RtpConsumer extends DefaultConsumer implements MediaFrameListener {

    private MediaReceiver receiver;

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
        receiver = new MediaReceiver(endpoint.receiverConfig(), endpoint.getComponent().eventLoops(), this);
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
        getAsyncProcessor().process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing an RTP frame", exchange,
                        exchange.getException());
            }
            releaseExchange(exchange, false);
        });
    }

    @Override
    public void onError(String message, Throwable cause) {
        getExceptionHandler().handleException(message, cause);
    }

    private static void setHeaders(Message in, MediaFrame frame) {
        in.setHeader(Gb28181RtpConstants.SSRC, Ssrc.format(frame.ssrc()));
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
        in.setHeader(Gb28181RtpConstants.PACKETS_LOST, frame.packetsLost());
        if (frame.damaged()) {
            in.setHeader(Gb28181RtpConstants.DAMAGED, true);
        }
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
