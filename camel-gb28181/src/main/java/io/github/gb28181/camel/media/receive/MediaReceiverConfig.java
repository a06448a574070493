package io.github.gb28181.camel.media.receive;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

import io.github.gb28181.camel.media.MediaMode;
import io.github.gb28181.camel.media.MediaSessionRegistry;
import io.github.gb28181.camel.media.MediaTransport;

/**
 * How a {@link MediaReceiver} listens and frames. Immutable; build it with {@link #builder()}.
 */
public final class MediaReceiverConfig {

    private final MediaTransport transport;
    private final String host;
    private final int port;
    private final String remoteHost;
    private final int remotePort;
    private final long reconnectDelayMillis;
    private final MediaMode mode;
    private final Set<Long> ssrcs;
    private final int reorderDepth;
    private final long reorderLatencyMillis;
    private final int maxStreams;
    private final long streamIdleTimeoutMillis;
    private final int maxFrameSize;
    private final boolean dropDamagedFrames;
    private final int receiveBufferSize;
    private final long maxPendingBytes;
    private final MediaSessionRegistry registry;

    private MediaReceiverConfig(Builder b) {
        this.transport = Objects.requireNonNull(b.transport, "transport");
        this.host = b.host;
        this.port = b.port;
        this.remoteHost = b.remoteHost;
        this.remotePort = b.remotePort;
        this.reconnectDelayMillis = b.reconnectDelayMillis;
        this.mode = Objects.requireNonNull(b.mode, "mode");
        this.ssrcs = Set.copyOf(b.ssrcs);
        this.reorderDepth = b.reorderDepth;
        this.reorderLatencyMillis = b.reorderLatencyMillis;
        this.maxStreams = b.maxStreams;
        this.streamIdleTimeoutMillis = b.streamIdleTimeoutMillis;
        this.maxFrameSize = b.maxFrameSize;
        this.dropDamagedFrames = b.dropDamagedFrames;
        this.receiveBufferSize = b.receiveBufferSize;
        this.maxPendingBytes = b.maxPendingBytes;
        this.registry = b.registry;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (transport == MediaTransport.TCP_ACTIVE && (remoteHost == null || remoteHost.isBlank() || remotePort <= 0)) {
            throw new IllegalArgumentException("tcp-active needs remoteHost and remotePort: the device's media address");
        }
        if (reorderDepth < 1 || reorderDepth > 4096) {
            throw new IllegalArgumentException("reorderDepth must be 1..4096 packets: " + reorderDepth);
        }
        if (maxStreams < 1 || maxFrameSize < 1024 || streamIdleTimeoutMillis < 1 || reorderLatencyMillis < 0
                || maxPendingBytes < 64 * 1024) {
            throw new IllegalArgumentException("maxStreams, maxFrameSize (>= 1024), streamIdleTimeout, reorderLatency"
                                               + " and maxPendingBytes (>= 64 KiB) must be positive");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public MediaTransport transport() {
        return transport;
    }

    /** The local address to bind: for UDP and tcp-passive the listening address, for tcp-active the local side. */
    public String host() {
        return host;
    }

    /** The local port; 0 picks a free one (tcp-active normally uses 0). */
    public int port() {
        return port;
    }

    public String remoteHost() {
        return remoteHost;
    }

    public int remotePort() {
        return remotePort;
    }

    public long reconnectDelayMillis() {
        return reconnectDelayMillis;
    }

    public MediaMode mode() {
        return mode;
    }

    /** The SSRCs accepted; empty accepts every SSRC. */
    public Set<Long> ssrcs() {
        return ssrcs;
    }

    public int reorderDepth() {
        return reorderDepth;
    }

    public long reorderLatencyMillis() {
        return reorderLatencyMillis;
    }

    public int maxStreams() {
        return maxStreams;
    }

    public long streamIdleTimeoutMillis() {
        return streamIdleTimeoutMillis;
    }

    public int maxFrameSize() {
        return maxFrameSize;
    }

    public boolean dropDamagedFrames() {
        return dropDamagedFrames;
    }

    public int receiveBufferSize() {
        return receiveBufferSize;
    }

    public long maxPendingBytes() {
        return maxPendingBytes;
    }

    /** Where device and channel are looked up; may be {@code null}. */
    public MediaSessionRegistry registry() {
        return registry;
    }

    /** Options with the defaults the Camel endpoint documents. */
    public static final class Builder {
        private MediaTransport transport = MediaTransport.UDP;
        private String host = "0.0.0.0";
        private int port;
        private String remoteHost;
        private int remotePort;
        private long reconnectDelayMillis = 1000;
        private MediaMode mode = MediaMode.PS;
        private Collection<Long> ssrcs = Set.of();
        private int reorderDepth = 64;
        private long reorderLatencyMillis = 100;
        private int maxStreams = 256;
        private long streamIdleTimeoutMillis = 10_000;
        private int maxFrameSize = 2 * 1024 * 1024;
        private boolean dropDamagedFrames = true;
        private int receiveBufferSize = 2 * 1024 * 1024;
        private long maxPendingBytes = 64L * 1024 * 1024;
        private MediaSessionRegistry registry;

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

        public Builder reconnectDelayMillis(long reconnectDelayMillis) {
            this.reconnectDelayMillis = reconnectDelayMillis;
            return this;
        }

        public Builder mode(MediaMode mode) {
            this.mode = mode;
            return this;
        }

        public Builder ssrcs(Collection<Long> ssrcs) {
            this.ssrcs = ssrcs;
            return this;
        }

        public Builder reorderDepth(int reorderDepth) {
            this.reorderDepth = reorderDepth;
            return this;
        }

        public Builder reorderLatencyMillis(long reorderLatencyMillis) {
            this.reorderLatencyMillis = reorderLatencyMillis;
            return this;
        }

        public Builder maxStreams(int maxStreams) {
            this.maxStreams = maxStreams;
            return this;
        }

        public Builder streamIdleTimeoutMillis(long streamIdleTimeoutMillis) {
            this.streamIdleTimeoutMillis = streamIdleTimeoutMillis;
            return this;
        }

        public Builder maxFrameSize(int maxFrameSize) {
            this.maxFrameSize = maxFrameSize;
            return this;
        }

        public Builder dropDamagedFrames(boolean dropDamagedFrames) {
            this.dropDamagedFrames = dropDamagedFrames;
            return this;
        }

        public Builder receiveBufferSize(int receiveBufferSize) {
            this.receiveBufferSize = receiveBufferSize;
            return this;
        }

        public Builder maxPendingBytes(long maxPendingBytes) {
            this.maxPendingBytes = maxPendingBytes;
            return this;
        }

        public Builder registry(MediaSessionRegistry registry) {
            this.registry = registry;
            return this;
        }

        public MediaReceiverConfig build() {
            return new MediaReceiverConfig(this);
        }
    }
}
