package io.github.gb28181.camel.media.send;

import java.util.Objects;

import io.github.gb28181.camel.media.MediaTransport;
import io.github.gb28181.camel.media.rtp.RtpPacketizer;

/**
 * Where and how a {@link MediaSender} sends. Immutable; build it with {@link #builder()}.
 *
 * @param transport           udp; tcp-active: the sender connects to remoteHost:remotePort (and reconnects);
 *                            tcp-passive: the sender listens on host:port and sends to whoever connects
 * @param host                the local address: where tcp-passive listens, where udp and tcp-active send from
 *                            (0.0.0.0 for any)
 * @param port                the local port (0: the system picks)
 * @param remoteHost          where udp and tcp-active send to; not used by tcp-passive
 * @param remotePort          the port there
 * @param ssrc                the SSRC of every packet, or {@link #FRAME_SSRC} to take each frame's own
 * @param payloadType         the RTP payload type (96: PS in GB/T 28181's SDP)
 * @param maxPayload          the most payload bytes per RTP packet
 * @param reconnectDelayMillis tcp-active: the wait before connecting again
 * @param waitForKeyFrame     whether video starts, and starts again after a reconnect or a drop, at a key frame
 * @param maxQueuedBytes      bytes waiting to be written (TCP: that the peer left unread) beyond which frames are
 *                            dropped, video then until the next key frame
 * @param maxStreams          the most SSRCs one sender keeps numbering; the one unused longest is forgotten
 */
public record MediaSenderConfig(MediaTransport transport, String host, int port, String remoteHost, int remotePort,
        long ssrc, int payloadType, int maxPayload, long reconnectDelayMillis, boolean waitForKeyFrame,
        int maxQueuedBytes, int maxStreams) {

    /** Each frame names its own SSRC. */
    public static final long FRAME_SSRC = -1;

    public MediaSenderConfig {
        Objects.requireNonNull(transport, "transport");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (transport != MediaTransport.TCP_PASSIVE
            && (remoteHost == null || remoteHost.isBlank() || remotePort <= 0 || remotePort > 65535)) {
            throw new IllegalArgumentException(transport.value() + " needs remoteHost and remotePort: where the media"
                                               + " goes");
        }
        if (ssrc < FRAME_SSRC || ssrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SSRC out of range: " + ssrc);
        }
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payloadType must be 0..127: " + payloadType);
        }
        if (maxPayload < 188 || maxPayload > 65_000) {
            throw new IllegalArgumentException("maxPayload must be 188..65000 bytes: " + maxPayload);
        }
        if (maxQueuedBytes < 64 * 1024 || maxStreams < 1 || reconnectDelayMillis < 0) {
            throw new IllegalArgumentException("maxQueuedBytes (>= 64 KiB), maxStreams and reconnectDelay must be"
                                               + " positive");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean tcp() {
        return transport != MediaTransport.UDP;
    }

    public Builder toBuilder() {
        return new Builder().transport(transport).host(host).port(port).remoteHost(remoteHost).remotePort(remotePort)
                .ssrc(ssrc).payloadType(payloadType).maxPayload(maxPayload).reconnectDelayMillis(reconnectDelayMillis)
                .waitForKeyFrame(waitForKeyFrame).maxQueuedBytes(maxQueuedBytes).maxStreams(maxStreams);
    }

    public static final class Builder {
        private MediaTransport transport = MediaTransport.UDP;
        private String host = "0.0.0.0";
        private int port;
        private String remoteHost;
        private int remotePort;
        private long ssrc = FRAME_SSRC;
        private int payloadType = 96;
        private int maxPayload = RtpPacketizer.DEFAULT_MAX_PAYLOAD;
        private long reconnectDelayMillis = 1000;
        private boolean waitForKeyFrame = true;
        private int maxQueuedBytes = 2 * 1024 * 1024;
        private int maxStreams = 64;

        private Builder() {
        }

        public Builder transport(MediaTransport transport) {
            this.transport = transport;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder remoteHost(String remoteHost) {
            this.remoteHost = remoteHost;
            return this;
        }

        public Builder remotePort(int remotePort) {
            this.remotePort = remotePort;
            return this;
        }

        public Builder ssrc(long ssrc) {
            this.ssrc = ssrc;
            return this;
        }

        public Builder payloadType(int payloadType) {
            this.payloadType = payloadType;
            return this;
        }

        public Builder maxPayload(int maxPayload) {
            this.maxPayload = maxPayload;
            return this;
        }

        public Builder reconnectDelayMillis(long reconnectDelayMillis) {
            this.reconnectDelayMillis = reconnectDelayMillis;
            return this;
        }

        public Builder waitForKeyFrame(boolean waitForKeyFrame) {
            this.waitForKeyFrame = waitForKeyFrame;
            return this;
        }

        public Builder maxQueuedBytes(int maxQueuedBytes) {
            this.maxQueuedBytes = maxQueuedBytes;
            return this;
        }

        public Builder maxStreams(int maxStreams) {
            this.maxStreams = maxStreams;
            return this;
        }

        public MediaSenderConfig build() {
            return new MediaSenderConfig(transport, host, port, remoteHost, remotePort, ssrc, payloadType, maxPayload,
                    reconnectDelayMillis, waitForKeyFrame, maxQueuedBytes, maxStreams);
        }
    }
}
