package io.github.gb28181.camel;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import io.github.gb28181.camel.media.MediaMode;
import io.github.gb28181.camel.media.MediaSessionRegistry;
import io.github.gb28181.camel.media.MediaTransport;
import io.github.gb28181.camel.media.Ssrc;
import io.github.gb28181.camel.media.mp4.AudioPolicy;
import io.github.gb28181.camel.media.mp4.Fmp4Settings;
import io.github.gb28181.camel.media.mp4.FragmentMode;
import io.github.gb28181.camel.media.receive.MediaReceiverConfig;
import io.github.gb28181.camel.media.send.MediaSenderConfig;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * How a gb28181-rtp endpoint receives and frames media (consumer) or sends it (producer). Set defaults on the
 * component ({@code camel.component.gb28181-rtp.*}); endpoints override them.
 */
@UriParams
public class Gb28181RtpConfiguration implements Cloneable {

    @UriParam(enums = "udp,tcp-passive,tcp-active", defaultValue = "udp")
    @Metadata(description = "How RTP travels. udp: datagrams. tcp-passive: this side listens on host:port and the peer"
                            + " connects (RFC 4571 framing). tcp-active: this side connects to remoteHost:remotePort"
                            + " and reconnects until stopped; host:port is then the local side. The consumer receives"
                            + " that way, the producer sends that way.")
    private String transport = "udp";
    @UriParam
    @Metadata(description = "Consumer, tcp-active only: the device's media address, from the SDP answer to the INVITE."
                            + " Producer, udp and tcp-active: where the media goes. A producer without it sends only"
                            + " in the outgoing sessions the signalling side opened (the CamelGb28181SessionId"
                            + " header).")
    private String remoteHost;
    @UriParam
    @Metadata(description = "The port at remoteHost.")
    private int remotePort;
    @UriParam(label = "advanced", defaultValue = "1000", javaType = "java.time.Duration")
    @Metadata(description = "tcp-active only: how long to wait before connecting again after a failed or ended"
                            + " connection.")
    private long reconnectDelay = 1000;
    @UriParam(label = "producer")
    @Metadata(description = "The SSRC to send with: ten decimal digits as in the SDP y= line, or 0x and hex. When empty,"
                            + " each frame's CamelGb28181Ssrc header names it, so a relay keeps the sender's SSRCs"
                            + " apart.")
    private String ssrc;
    @UriParam(label = "producer", defaultValue = "96")
    @Metadata(description = "The RTP payload type to send: 96 is what GB/T 28181 SDP maps to PS/90000.")
    private int payloadType = 96;
    @UriParam(label = "producer", enums = "auto,ps,es", defaultValue = "auto")
    @Metadata(description = "What a body is when no CamelGb28181RtpMode header says. ps: program stream bytes, sent as"
                            + " they are. es: an H.264/H.265 access unit (Annex B) or an audio frame (AAC in ADTS,"
                            + " G.711), muxed into a program stream first. auto: a body starting with a program stream"
                            + " start code is ps, anything else es; raw G.711 may start like one, so say es for it.")
    private String frameFormat = "auto";
    @UriParam(label = "producer", defaultValue = "true")
    @Metadata(description = "Whether video starts, and starts again after a reconnect or a dropped frame, at a key"
                            + " frame, so the peer is never sent a picture it cannot decode.")
    private boolean waitForKeyFrame = true;
    @UriParam(label = "producer,advanced", defaultValue = "1400")
    @Metadata(description = "The most payload bytes per RTP packet; 1400 keeps a packet within a 1500-byte MTU.")
    private int maxPayloadSize = 1400;
    @UriParam(label = "producer,advanced", defaultValue = "2097152")
    @Metadata(description = "How many bytes may wait to be written (over TCP: that the peer left unread) before frames"
                            + " are dropped, video then until the next key frame: a slow peer or a route faster than"
                            + " the network costs frames, not memory and delay.")
    private int maxQueuedBytes = 2 * 1024 * 1024;
    @UriParam(label = "consumer", enums = "ps,es,fmp4", defaultValue = "ps")
    @Metadata(description = "What an exchange carries. ps: the sender's program stream bytes, one frame per picture."
                            + " es: elementary streams parsed out of the program stream, one exchange per video access"
                            + " unit (H.264/H.265 Annex B) and one per audio PES. fmp4: fragmented MP4, one exchange"
                            + " per init segment and one per fragment (header CamelGb28181RtpSegment); the bodies of a"
                            + " stream written one after the other are an MP4 file, and browsers play them through"
                            + " Media Source Extensions.")
    private String mode = "ps";
    @UriParam(label = "consumer", enums = "gop,frame", defaultValue = "gop")
    @Metadata(description = "fmp4 mode: where fragments are cut. gop: one fragment per key-frame interval (files;"
                            + " a fragment leaves when the next key frame arrives). frame: one fragment per video frame,"
                            + " for live viewing with the least delay.")
    private String fragment = "gop";
    @UriParam(label = "consumer", enums = "aac,all,none", defaultValue = "aac")
    @Metadata(description = "fmp4 mode: which audio gets a track. aac: AAC only, what browsers play; G.711 and other"
                            + " codecs are left out. all: AAC, and G.711 A-law/µ-law as alaw/ulaw tracks that ffmpeg,"
                            + " VLC and GStreamer play but browsers do not (for files). none: video only.")
    private String audio = "aac";
    @UriParam(label = "consumer")
    @Metadata(description = "Comma-separated SSRCs to accept (ten decimal digits as in the SDP y= line, or 0x and"
                            + " hex); packets of other SSRCs are dropped and counted. Empty accepts all.")
    private String ssrcs;
    @UriParam(label = "consumer")
    @Metadata(description = "Whether frames a packet loss or corrupt data touched are dropped. When false they are"
                            + " delivered with the CamelGb28181RtpDamaged header set to true.",
              defaultValue = "true")
    private boolean dropDamagedFrames = true;
    @UriParam(label = "consumer", defaultValue = "10000", javaType = "java.time.Duration")
    @Metadata(description = "How long a stream may send nothing before its state is dropped; its last frame is"
                            + " delivered then. A TCP stream also ends when its connection closes.")
    private long streamIdleTimeout = 10_000;
    @UriParam(label = "consumer,advanced", defaultValue = "64")
    @Metadata(description = "UDP: how many packets may wait for a missing one before it is given up as lost.")
    private int reorderDepth = 64;
    @UriParam(label = "consumer,advanced", defaultValue = "100", javaType = "java.time.Duration")
    @Metadata(description = "UDP: how long a packet may wait for a missing one before it is given up as lost.")
    private long reorderLatency = 100;
    @UriParam(label = "consumer,advanced", defaultValue = "256")
    @Metadata(description = "The most streams (SSRCs) open at once; packets of further SSRCs are dropped and"
                            + " counted.")
    private int maxStreams = 256;
    @UriParam(label = "consumer,advanced", defaultValue = "2097152")
    @Metadata(description = "The largest frame in bytes; bigger frames are dropped and counted.")
    private int maxFrameSize = 2 * 1024 * 1024;
    @UriParam(label = "consumer,advanced", defaultValue = "67108864")
    @Metadata(description = "The most packet bytes that may wait for the media threads, over all streams; when the"
                            + " route is slower than the senders, packets beyond it are dropped and counted.")
    private long maxPendingBytes = 64L * 1024 * 1024;
    @UriParam(label = "consumer,advanced", defaultValue = "2097152")
    @Metadata(description = "The socket receive buffer (SO_RCVBUF) to ask for; the kernel may cap it"
                            + " (net.core.rmem_max). 0 keeps the system default.")
    private int receiveBufferSize = 2 * 1024 * 1024;
    @UriParam(label = "consumer,advanced")
    @Metadata(description = "Where the device and channel of an SSRC are looked up; the gb28181 signalling side"
                            + " announces the SSRCs of the media sessions it sets up. Bind one MediaSessionRegistry"
                            + " bean and both sides find it.",
              autowired = true)
    private MediaSessionRegistry registry;

    public Gb28181RtpConfiguration copy() {
        try {
            return (Gb28181RtpConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** The protocol-side settings for a receiver bound to host:port. */
    public MediaReceiverConfig toReceiverConfig(String host, int port) {
        return MediaReceiverConfig.builder()
                .transport(MediaTransport.fromValue(transport))
                .host(host)
                .port(port)
                .remoteHost(remoteHost)
                .remotePort(remotePort)
                .reconnectDelayMillis(reconnectDelay)
                .mode(isFmp4() ? MediaMode.ES : MediaMode.fromValue(mode))
                .ssrcs(parseSsrcs(ssrcs))
                .dropDamagedFrames(dropDamagedFrames)
                .streamIdleTimeoutMillis(streamIdleTimeout)
                .reorderDepth(reorderDepth)
                .reorderLatencyMillis(reorderLatency)
                .maxStreams(maxStreams)
                .maxFrameSize(maxFrameSize)
                .maxPendingBytes(maxPendingBytes)
                .receiveBufferSize(receiveBufferSize)
                .registry(registry)
                .build();
    }

    /** Whether exchanges carry fragmented MP4 (the receiver then runs in ES mode). */
    public boolean isFmp4() {
        return "fmp4".equalsIgnoreCase(mode == null ? "" : mode.trim());
    }

    /** The muxer settings of fmp4 mode. */
    public Fmp4Settings toFmp4Settings() {
        return Fmp4Settings.of(FragmentMode.fromValue(fragment), AudioPolicy.fromValue(audio));
    }

    /**
     * The protocol-side settings for a sender on host:port, or {@code null} when the endpoint names no destination
     * of its own (udp or tcp-active without remoteHost): it then sends only in outgoing sessions.
     */
    public MediaSenderConfig toSenderConfig(String host, int port) {
        MediaTransport t = MediaTransport.fromValue(transport);
        if (t != MediaTransport.TCP_PASSIVE && (remoteHost == null || remoteHost.isBlank())) {
            return null;
        }
        return senderDefaults().transport(t).host(host).port(port).remoteHost(remoteHost).remotePort(remotePort)
                .ssrc(ssrc == null || ssrc.isBlank() ? MediaSenderConfig.FRAME_SSRC : Ssrc.parse(ssrc))
                .payloadType(payloadType).build();
    }

    /** The sender settings outgoing sessions take from the configuration: all but where and with which SSRC. */
    public MediaSenderConfig.Builder senderDefaults() {
        return MediaSenderConfig.builder().maxPayload(maxPayloadSize).reconnectDelayMillis(reconnectDelay)
                .waitForKeyFrame(waitForKeyFrame).maxQueuedBytes(maxQueuedBytes);
    }

    /** The frameFormat option: PS, ES, or {@code null} for auto. */
    public MediaMode frameFormatMode() {
        String format = frameFormat == null ? "auto" : frameFormat.trim().toLowerCase(Locale.ROOT);
        return switch (format) {
            case "auto" -> null;
            case "ps" -> MediaMode.PS;
            case "es" -> MediaMode.ES;
            default -> throw new IllegalArgumentException("frameFormat must be auto, ps or es: " + frameFormat);
        };
    }

    static Set<Long> parseSsrcs(String text) {
        Set<Long> set = new LinkedHashSet<>();
        if (text != null) {
            for (String s : text.split(",")) {
                if (!s.isBlank()) {
                    set.add(Ssrc.parse(s));
                }
            }
        }
        return set;
    }

    public String getTransport() {
        return transport;
    }

    public void setTransport(String transport) {
        this.transport = transport;
    }

    public String getRemoteHost() {
        return remoteHost;
    }

    public void setRemoteHost(String remoteHost) {
        this.remoteHost = remoteHost;
    }

    public int getRemotePort() {
        return remotePort;
    }

    public void setRemotePort(int remotePort) {
        this.remotePort = remotePort;
    }

    public long getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(long reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public String getSsrc() {
        return ssrc;
    }

    public void setSsrc(String ssrc) {
        this.ssrc = ssrc;
    }

    public int getPayloadType() {
        return payloadType;
    }

    public void setPayloadType(int payloadType) {
        this.payloadType = payloadType;
    }

    public String getFrameFormat() {
        return frameFormat;
    }

    public void setFrameFormat(String frameFormat) {
        this.frameFormat = frameFormat;
    }

    public boolean isWaitForKeyFrame() {
        return waitForKeyFrame;
    }

    public void setWaitForKeyFrame(boolean waitForKeyFrame) {
        this.waitForKeyFrame = waitForKeyFrame;
    }

    public int getMaxPayloadSize() {
        return maxPayloadSize;
    }

    public void setMaxPayloadSize(int maxPayloadSize) {
        this.maxPayloadSize = maxPayloadSize;
    }

    public int getMaxQueuedBytes() {
        return maxQueuedBytes;
    }

    public void setMaxQueuedBytes(int maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
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

    public String getSsrcs() {
        return ssrcs;
    }

    public void setSsrcs(String ssrcs) {
        this.ssrcs = ssrcs;
    }

    public boolean isDropDamagedFrames() {
        return dropDamagedFrames;
    }

    public void setDropDamagedFrames(boolean dropDamagedFrames) {
        this.dropDamagedFrames = dropDamagedFrames;
    }

    public long getStreamIdleTimeout() {
        return streamIdleTimeout;
    }

    public void setStreamIdleTimeout(long streamIdleTimeout) {
        this.streamIdleTimeout = streamIdleTimeout;
    }

    public int getReorderDepth() {
        return reorderDepth;
    }

    public void setReorderDepth(int reorderDepth) {
        this.reorderDepth = reorderDepth;
    }

    public long getReorderLatency() {
        return reorderLatency;
    }

    public void setReorderLatency(long reorderLatency) {
        this.reorderLatency = reorderLatency;
    }

    public int getMaxStreams() {
        return maxStreams;
    }

    public void setMaxStreams(int maxStreams) {
        this.maxStreams = maxStreams;
    }

    public int getMaxFrameSize() {
        return maxFrameSize;
    }

    public void setMaxFrameSize(int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    public long getMaxPendingBytes() {
        return maxPendingBytes;
    }

    public void setMaxPendingBytes(long maxPendingBytes) {
        this.maxPendingBytes = maxPendingBytes;
    }

    public int getReceiveBufferSize() {
        return receiveBufferSize;
    }

    public void setReceiveBufferSize(int receiveBufferSize) {
        this.receiveBufferSize = receiveBufferSize;
    }

    public MediaSessionRegistry getRegistry() {
        return registry;
    }

    public void setRegistry(MediaSessionRegistry registry) {
        this.registry = registry;
    }
}
