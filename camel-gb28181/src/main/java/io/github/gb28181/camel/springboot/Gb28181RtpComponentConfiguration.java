package io.github.gb28181.camel.springboot;

import java.time.Duration;

import io.github.gb28181.camel.Gb28181RtpConfiguration;
import io.github.gb28181.camel.media.MediaSessionRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Receive the video (and audio) a GB/T 28181 device sends over RTP: one exchange per program-stream frame, or per
 * video access unit and audio frame in elementary-stream mode. One port carries many streams, told apart by SSRC.
 * Or send it: the producer sends each exchange's frame as a program stream over RTP.
 * <p>
 * Written by hand in the shape camel-spring-boot generates, as {@link Gb28181ComponentConfiguration} is: one property
 * per component option of {@code gb28181-rtp.json}, same names, defaults and descriptions.
 * {@code Gb28181ComponentConfigurationTest} fails when an option is added to the component and not here.
 */
@ConfigurationProperties(prefix = "camel.component.gb28181-rtp")
public class Gb28181RtpComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the gb28181-rtp component. This is enabled by default.
     */
    // the superclass owns the flag; this field exists only so the metadata processor finds a description for it
    @SuppressWarnings("unused")
    private Boolean enabled;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as
     * a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and
     * therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook
     * into the 3rd party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * The shared media settings; endpoint options override them. The option is a
     * io.github.gb28181.camel.Gb28181RtpConfiguration type.
     */
    private Gb28181RtpConfiguration configuration;
    /**
     * Whether frames a packet loss or corrupt data touched are dropped. When false they are delivered with the
     * CamelGb28181RtpDamaged header set to true.
     */
    private Boolean dropDamagedFrames = true;
    /**
     * What an exchange carries. ps: the sender's program stream bytes, one frame per picture. es: elementary streams
     * parsed out of the program stream, one exchange per video access unit (H.264/H.265 Annex B) and one per audio
     * PES. fmp4: fragmented MP4, one exchange per init segment and one per fragment (header CamelGb28181RtpSegment);
     * the bodies of a stream written one after the other are an MP4 file, and browsers play them through Media Source
     * Extensions.
     */
    private String mode = "ps";
    /**
     * fmp4 mode: where fragments are cut. gop: one fragment per key-frame interval (files; a fragment leaves when the
     * next key frame arrives). frame: one fragment per video frame, for live viewing with the least delay.
     */
    private String fragment = "gop";
    /**
     * fmp4 mode: which audio gets a track. aac: AAC only, what browsers play; G.711 and other codecs are left out.
     * all: AAC, and G.711 A-law/µ-law as alaw/ulaw tracks that ffmpeg, VLC and GStreamer play but browsers do not (for
     * files). none: video only.
     */
    private String audio = "aac";
    /**
     * Consumer, tcp-active only: the device's media address, from the SDP answer to the INVITE. Producer, udp and
     * tcp-active: where the media goes. A producer without it sends only in the outgoing sessions the signalling side
     * opened (the CamelGb28181SessionId header).
     */
    private String remoteHost;
    /**
     * The port at remoteHost.
     */
    private Integer remotePort;
    /**
     * Comma-separated SSRCs to accept (ten decimal digits as in the SDP y= line, or 0x and hex); packets of other
     * SSRCs are dropped and counted. Empty accepts all.
     */
    private String ssrcs;
    /**
     * How long a stream may send nothing before its state is dropped; its last frame is delivered then. A TCP stream
     * also ends when its connection closes. The option is a java.time.Duration: 10s, 500ms, PT10S, or a plain number
     * of milliseconds.
     */
    // Duration, not the Long camel-spring-boot generates for a long duration option: Spring binds "10s" only to a
    // Duration, and still reads a bare number as milliseconds, which is what the component takes
    private Duration streamIdleTimeout = Duration.ofSeconds(10);
    /**
     * How RTP travels. udp: datagrams. tcp-passive: this side listens on host:port and the peer connects (RFC 4571
     * framing). tcp-active: this side connects to remoteHost:remotePort and reconnects until stopped; host:port is then
     * the local side. The consumer receives that way, the producer sends that way.
     */
    private String transport = "udp";
    /**
     * The largest frame in bytes; bigger frames are dropped and counted.
     */
    private Integer maxFrameSize = 2097152;
    /**
     * The most packet bytes that may wait for the media threads, over all streams; when the route is slower than the
     * senders, packets beyond it are dropped and counted.
     */
    private Long maxPendingBytes = 67108864L;
    /**
     * The most streams (SSRCs) open at once; packets of further SSRCs are dropped and counted.
     */
    private Integer maxStreams = 256;
    /**
     * The socket receive buffer (SO_RCVBUF) to ask for; the kernel may cap it (net.core.rmem_max). 0 keeps the system
     * default.
     */
    private Integer receiveBufferSize = 2097152;
    /**
     * tcp-active only: how long to wait before connecting again after a failed or ended connection. The option is a
     * java.time.Duration: 1s, 500ms, PT1S, or a plain number of milliseconds.
     */
    private Duration reconnectDelay = Duration.ofSeconds(1);
    /**
     * Where the device and channel of an SSRC are looked up; the gb28181 signalling side announces the SSRCs of the
     * media sessions it sets up. Bind one MediaSessionRegistry bean and both sides find it. The option is a
     * io.github.gb28181.camel.media.MediaSessionRegistry type.
     */
    private MediaSessionRegistry registry;
    /**
     * UDP: how many packets may wait for a missing one before it is given up as lost.
     */
    private Integer reorderDepth = 64;
    /**
     * UDP: how long a packet may wait for a missing one before it is given up as lost. The option is a
     * java.time.Duration: 100ms, 1s, PT0.1S, or a plain number of milliseconds.
     */
    private Duration reorderLatency = Duration.ofMillis(100);
    /**
     * What a body is when no CamelGb28181RtpMode header says. ps: program stream bytes, sent as they are. es: an
     * H.264/H.265 access unit (Annex B) or an audio frame (AAC in ADTS, G.711), muxed into a program stream first.
     * auto: a body starting with a program stream start code is ps, anything else es; raw G.711 may start like one, so
     * say es for it.
     */
    private String frameFormat = "auto";
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * The RTP payload type to send: 96 is what GB/T 28181 SDP maps to PS/90000.
     */
    private Integer payloadType = 96;
    /**
     * The SSRC to send with: ten decimal digits as in the SDP y= line, or 0x and hex. When empty, each frame's
     * CamelGb28181Ssrc header names it, so a relay keeps the sender's SSRCs apart.
     */
    private String ssrc;
    /**
     * Whether video starts, and starts again after a reconnect or a dropped frame, at a key frame, so the peer is never
     * sent a picture it cannot decode.
     */
    private Boolean waitForKeyFrame = true;
    /**
     * The most payload bytes per RTP packet; 1400 keeps a packet within a 1500-byte MTU.
     */
    private Integer maxPayloadSize = 1400;
    /**
     * How many bytes may wait to be written (over TCP: that the peer left unread) before frames are dropped, video then
     * until the next key frame: a slow peer or a route faster than the network costs frames, not memory and delay.
     */
    private Integer maxQueuedBytes = 2097152;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * Threads reading the sockets of every gb28181-rtp endpoint; a UDP port is read by one.
     */
    private Integer ioThreads = 1;
    /**
     * Threads reordering, framing and routing media for every gb28181-rtp endpoint; each SSRC stays on one of them, so
     * its frames are routed in order. 0 takes the number of processors.
     */
    private Integer workerThreads = 0;
    /**
     * A Micrometer registry to publish the consumers' packet, frame and stream counts to: gb28181.rtp.packets,
     * gb28181.rtp.frames and gb28181.rtp.streams. Found in the Camel registry when there is exactly one. The option
     * is a io.micrometer.core.instrument.MeterRegistry type.
     */
    private MeterRegistry meterRegistry;

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public String getFrameFormat() {
        return frameFormat;
    }

    public void setFrameFormat(String frameFormat) {
        this.frameFormat = frameFormat;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Integer getPayloadType() {
        return payloadType;
    }

    public void setPayloadType(Integer payloadType) {
        this.payloadType = payloadType;
    }

    public String getSsrc() {
        return ssrc;
    }

    public void setSsrc(String ssrc) {
        this.ssrc = ssrc;
    }

    public Boolean getWaitForKeyFrame() {
        return waitForKeyFrame;
    }

    public void setWaitForKeyFrame(Boolean waitForKeyFrame) {
        this.waitForKeyFrame = waitForKeyFrame;
    }

    public Integer getMaxPayloadSize() {
        return maxPayloadSize;
    }

    public void setMaxPayloadSize(Integer maxPayloadSize) {
        this.maxPayloadSize = maxPayloadSize;
    }

    public Integer getMaxQueuedBytes() {
        return maxQueuedBytes;
    }

    public void setMaxQueuedBytes(Integer maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
    }

    public Gb28181RtpConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(Gb28181RtpConfiguration configuration) {
        this.configuration = configuration;
    }

    public Boolean getDropDamagedFrames() {
        return dropDamagedFrames;
    }

    public void setDropDamagedFrames(Boolean dropDamagedFrames) {
        this.dropDamagedFrames = dropDamagedFrames;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getFragment() {
        return fragment;
    }

    public void setFragment(String fragment) {
        this.fragment = fragment;
    }

    public String getAudio() {
        return audio;
    }

    public void setAudio(String audio) {
        this.audio = audio;
    }

    public String getRemoteHost() {
        return remoteHost;
    }

    public void setRemoteHost(String remoteHost) {
        this.remoteHost = remoteHost;
    }

    public Integer getRemotePort() {
        return remotePort;
    }

    public void setRemotePort(Integer remotePort) {
        this.remotePort = remotePort;
    }

    public String getSsrcs() {
        return ssrcs;
    }

    public void setSsrcs(String ssrcs) {
        this.ssrcs = ssrcs;
    }

    public Duration getStreamIdleTimeout() {
        return streamIdleTimeout;
    }

    public void setStreamIdleTimeout(Duration streamIdleTimeout) {
        this.streamIdleTimeout = streamIdleTimeout;
    }

    public String getTransport() {
        return transport;
    }

    public void setTransport(String transport) {
        this.transport = transport;
    }

    public Integer getMaxFrameSize() {
        return maxFrameSize;
    }

    public void setMaxFrameSize(Integer maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    public Long getMaxPendingBytes() {
        return maxPendingBytes;
    }

    public void setMaxPendingBytes(Long maxPendingBytes) {
        this.maxPendingBytes = maxPendingBytes;
    }

    public Integer getMaxStreams() {
        return maxStreams;
    }

    public void setMaxStreams(Integer maxStreams) {
        this.maxStreams = maxStreams;
    }

    public Integer getReceiveBufferSize() {
        return receiveBufferSize;
    }

    public void setReceiveBufferSize(Integer receiveBufferSize) {
        this.receiveBufferSize = receiveBufferSize;
    }

    public Duration getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(Duration reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public MediaSessionRegistry getRegistry() {
        return registry;
    }

    public void setRegistry(MediaSessionRegistry registry) {
        this.registry = registry;
    }

    public Integer getReorderDepth() {
        return reorderDepth;
    }

    public void setReorderDepth(Integer reorderDepth) {
        this.reorderDepth = reorderDepth;
    }

    public Duration getReorderLatency() {
        return reorderLatency;
    }

    public void setReorderLatency(Duration reorderLatency) {
        this.reorderLatency = reorderLatency;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Integer getIoThreads() {
        return ioThreads;
    }

    public void setIoThreads(Integer ioThreads) {
        this.ioThreads = ioThreads;
    }

    public Integer getWorkerThreads() {
        return workerThreads;
    }

    public void setWorkerThreads(Integer workerThreads) {
        this.workerThreads = workerThreads;
    }

    public MeterRegistry getMeterRegistry() {
        return meterRegistry;
    }

    public void setMeterRegistry(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }
}
