package io.github.gb28181.camel;

import io.github.gb28181.camel.media.receive.MediaReceiverConfig;
import io.github.gb28181.camel.media.send.MediaSenderConfig;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Receive the video (and audio) a GB/T 28181 device sends over RTP: one exchange per program-stream frame, per
 * video access unit and audio frame in elementary-stream mode, or per fragmented-MP4 segment. One port carries many
 * streams, told apart by SSRC. Or send it: the producer sends each exchange's frame as a program stream over RTP,
 * muxing elementary streams first, to the endpoint's remote address or in an outgoing session the signalling side
 * opened.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "gb28181-rtp", title = "GB28181 RTP", syntax = "gb28181-rtp:host:port",
             category = { Category.IOT, Category.NETWORKING }, headersClass = Gb28181RtpConstants.class)
public class Gb28181RtpEndpoint extends DefaultEndpoint {

    @UriPath
    @Metadata(required = true, description = "The local address to listen on (0.0.0.0 for all); for tcp-active, and"
                                             + " for a udp producer, the local address to connect or send from.")
    private String host;
    @UriPath
    @Metadata(required = true, description = "The local port: where devices send RTP (the port in the INVITE's SDP),"
                                             + " or where a tcp-passive producer listens. For tcp-active and a udp"
                                             + " producer 0 lets the system choose.")
    private int port;
    @UriParam
    private Gb28181RtpConfiguration configuration;

    public Gb28181RtpEndpoint(String uri, Gb28181RtpComponent component, Gb28181RtpConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new Gb28181RtpProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Gb28181RtpConsumer consumer = new Gb28181RtpConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Gb28181RtpComponent getComponent() {
        return (Gb28181RtpComponent) super.getComponent();
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // a wrong option fails the route when it is created, not when the first device calls
        receiverConfig();
        senderConfig();
        configuration.frameFormatMode();
        configuration.toFmp4Settings();
    }

    MediaReceiverConfig receiverConfig() {
        return configuration.toReceiverConfig(host, port);
    }

    /** The producer's own destination, or {@code null} when it sends only in outgoing sessions. */
    MediaSenderConfig senderConfig() {
        return configuration.toSenderConfig(host, port);
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public Gb28181RtpConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(Gb28181RtpConfiguration configuration) {
        this.configuration = configuration;
    }
}
