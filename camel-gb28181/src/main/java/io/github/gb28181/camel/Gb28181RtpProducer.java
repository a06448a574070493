package io.github.gb28181.camel;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Locale;

import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.MediaMode;
import io.github.gb28181.camel.media.Ssrc;
import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.send.FrameInspector;
import io.github.gb28181.camel.media.send.MediaSender;
import io.github.gb28181.camel.media.send.MediaSenderConfig;
import io.github.gb28181.camel.media.send.MediaSenders;
import io.github.gb28181.camel.media.send.OutgoingFrame;
import io.github.gb28181.camel.media.send.SenderStatistics;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Sends each exchange's frame as a program stream over RTP. The frame goes in the outgoing session named by the
 * CamelGb28181SessionId header when the signalling side opened one under that id, else to the endpoint's own
 * destination. A frame that cannot go now (no peer connected yet, a peer not reading, video waiting for a key frame)
 * is dropped and counted, as live media must be; a frame that can never go (no destination, no SSRC, an unknown
 * codec) fails the exchange.
 */
public class Gb28181RtpProducer extends DefaultProducer {

    private MediaSender sender;

    public Gb28181RtpProducer(Gb28181RtpEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public Gb28181RtpEndpoint getEndpoint() {
        return (Gb28181RtpEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MediaSenderConfig config = getEndpoint().senderConfig();
        if (config != null) {
            sender = new MediaSender(config, getEndpoint().getComponent().eventLoops().io());
            sender.start();
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (sender != null) {
            sender.stop();
            sender = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        MediaSender target = destination(in.getHeader(Gb28181RtpConstants.SESSION_ID, String.class));
        target.send(frame(in, exchange.getIn().getMandatoryBody(byte[].class)));
    }

    private MediaSender destination(String sessionId) {
        MediaSenders sessions = getEndpoint().getComponent().openedSenders();
        MediaSender session = sessions != null ? sessions.find(sessionId) : null;
        if (session != null) {
            return session;
        }
        if (sender == null) {
            throw new IllegalStateException("Nowhere to send the frame: no outgoing session " + sessionId
                                            + " is open, and the endpoint has no remoteHost (nor transport"
                                            + " tcp-passive)");
        }
        return sender;
    }

    private OutgoingFrame frame(Message in, byte[] body) {
        MediaMode format = format(in.getHeader(Gb28181RtpConstants.MODE, String.class), body);
        MediaCodec codec = codec(in.getHeader(Gb28181RtpConstants.CODEC, String.class));
        if (format == MediaMode.ES && codec == MediaCodec.UNKNOWN) {
            codec = FrameInspector.codec(body);
            if (codec == MediaCodec.UNKNOWN) {
                throw new IllegalArgumentException("Cannot tell the codec of an ES frame of " + body.length
                                                   + " bytes: set the " + Gb28181RtpConstants.CODEC + " header");
            }
        }
        Boolean key = in.getHeader(Gb28181RtpConstants.KEY_FRAME, Boolean.class);
        String ssrc = in.getHeader(Gb28181RtpConstants.SSRC, String.class);
        return new OutgoingFrame(format, codec, body, timestamp(in, Gb28181RtpConstants.PTS),
                timestamp(in, Gb28181RtpConstants.DTS), key != null ? key : FrameInspector.keyFrame(codec, body),
                timestamp(in, Gb28181RtpConstants.RTP_TIMESTAMP),
                ssrc == null || ssrc.isBlank() ? MediaSenderConfig.FRAME_SSRC : Ssrc.parse(ssrc));
    }

    private MediaMode format(String header, byte[] body) {
        if (header != null) {
            String mode = header.trim().toUpperCase(Locale.ROOT);
            if (!mode.equals(MediaMode.PS.name()) && !mode.equals(MediaMode.ES.name())) {
                throw new IllegalArgumentException("Cannot send " + header + " frames (" + Gb28181RtpConstants.MODE
                                                   + "): only PS and ES");
            }
            return MediaMode.valueOf(mode);
        }
        MediaMode option = getEndpoint().getConfiguration().frameFormatMode();
        return option != null ? option : FrameInspector.format(body);
    }

    private static MediaCodec codec(String header) {
        if (header == null || header.isBlank()) {
            return MediaCodec.UNKNOWN;
        }
        try {
            return MediaCodec.valueOf(header.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown codec " + header + " in " + Gb28181RtpConstants.CODEC
                                               + ": expected one of " + Arrays.toString(MediaCodec.values()), e);
        }
    }

    private static long timestamp(Message in, String header) {
        Long value = in.getHeader(header, Long.class);
        return value != null && value >= 0 ? value : MediaFrame.NO_TIMESTAMP;
    }

    /** The endpoint's own sender's local address: where a tcp-passive producer listens. */
    public InetSocketAddress getLocalAddress() {
        MediaSender s = sender;
        return s != null ? s.localAddress() : null;
    }

    /** Whether the endpoint's own destination can be sent to now: the UDP socket is bound, or a TCP peer connected. */
    public boolean isConnected() {
        MediaSender s = sender;
        return s != null && s.connected();
    }

    /** What the endpoint's own sender counted, or {@code null} when it sends only in sessions. */
    public SenderStatistics getStatistics() {
        MediaSender s = sender;
        return s != null ? s.statistics() : null;
    }
}
