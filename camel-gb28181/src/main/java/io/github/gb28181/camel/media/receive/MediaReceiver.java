package io.github.gb28181.camel.media.receive;

import java.net.InetSocketAddress;

import io.github.gb28181.camel.media.MediaFrameListener;
import io.github.gb28181.camel.media.MediaTransport;
import io.github.gb28181.camel.media.net.MediaChannel;
import io.github.gb28181.camel.media.net.RtpInbound;
import io.github.gb28181.camel.media.net.TcpClientMediaChannel;
import io.github.gb28181.camel.media.net.TcpServerMediaChannel;
import io.github.gb28181.camel.media.net.UdpMediaChannel;
import io.github.gb28181.camel.media.rtp.RtpPacket;
import io.github.gb28181.camel.media.rtp.RtpParser;
import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives GB/T 28181 media over RTP and hands complete frames to a listener: the whole receive side, usable
 * without Camel.
 *
 * <pre>
 * MediaReceiverConfig config = MediaReceiverConfig.builder().port(30000).mode(MediaMode.ES).build();
 * try (MediaReceiver receiver = new MediaReceiver(config, frame -&gt; save(frame.payload()))) {
 *     receiver.start();
 *     ...
 * }
 * </pre>
 *
 * It can be started again after a stop. Bad packets of any kind are dropped and counted in {@link #statistics()}.
 */
public final class MediaReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaReceiver.class);

    private final MediaReceiverConfig config;
    private final MediaFrameListener listener;
    private final MediaEventLoops sharedLoops;
    private final MediaCounters counters = new MediaCounters();

    private MediaEventLoops loops;
    private MediaStreams streams;
    private MediaChannel channel;

    /** A receiver with threads of its own, released by {@link #stop()}. */
    public MediaReceiver(MediaReceiverConfig config, MediaFrameListener listener) {
        this(config, null, listener);
    }

    /**
     * @param loops threads shared with other receivers, or {@code null} for threads of its own
     */
    public MediaReceiver(MediaReceiverConfig config, MediaEventLoops loops, MediaFrameListener listener) {
        this.config = config;
        this.sharedLoops = loops;
        this.listener = listener;
    }

    /** Binds the port (or starts connecting, for tcp-active). */
    public synchronized void start() throws Exception {
        if (channel != null) {
            return;
        }
        loops = sharedLoops != null ? sharedLoops : MediaEventLoops.create(1, 0);
        boolean tcp = config.transport() != MediaTransport.UDP;
        streams = new MediaStreams(config, loops, listener, counters, tcp);
        Inbound inbound = new Inbound(streams);
        channel = switch (config.transport()) {
            case UDP -> new UdpMediaChannel(loops.io(), config.host(), config.port(), config.receiveBufferSize(),
                    inbound);
            case TCP_PASSIVE -> new TcpServerMediaChannel(loops.io(), config.host(), config.port(),
                    config.receiveBufferSize(), inbound);
            case TCP_ACTIVE -> new TcpClientMediaChannel(loops.io(),
                    TcpClientMediaChannel.localOrAny(config.host(), config.port()),
                    new InetSocketAddress(config.remoteHost(), config.remotePort()), config.reconnectDelayMillis(),
                    config.receiveBufferSize(), inbound);
        };
        try {
            channel.start();
        } catch (Exception e) {
            channel = null;
            releaseLoops();
            throw e;
        }
        streams.start();
        LOG.info("Receiving RTP ({}, {} mode) on {}", config.transport().value(), config.mode(), describe());
    }

    /** Closes the sockets and drops what the streams hold; the port is free on return. */
    public synchronized void stop() {
        if (channel == null) {
            return;
        }
        channel.stop();
        streams.close();
        channel = null;
        releaseLoops();
        LOG.debug("Stopped receiving RTP on {}:{}", config.host(), config.port());
    }

    @Override
    public void close() {
        stop();
    }

    /** The bound address (for UDP and tcp-passive the listening port, useful when port 0 was asked for). */
    public synchronized InetSocketAddress localAddress() {
        return channel != null ? channel.localAddress() : null;
    }

    public MediaStatistics statistics() {
        MediaStreams s = streams;
        return counters.snapshot(s != null ? s.active() : 0, s != null ? s.pendingBytes() : 0);
    }

    public MediaReceiverConfig config() {
        return config;
    }

    private String describe() {
        if (config.transport() == MediaTransport.TCP_ACTIVE) {
            return config.remoteHost() + ":" + config.remotePort();
        }
        return String.valueOf(channel.localAddress());
    }

    private void releaseLoops() {
        if (sharedLoops == null && loops != null) {
            loops.close();
        }
        loops = null;
    }

    /** Counts, parses and dispatches what the sockets read. */
    private final class Inbound implements RtpInbound {
        private final MediaStreams streams;

        Inbound(MediaStreams streams) {
            this.streams = streams;
        }

        @Override
        public Reader reader() {
            MediaStreams.Batcher batcher = streams.batcher();
            return new Reader() {
                @Override
                public long packet(ByteBuf bytes, InetSocketAddress sender) {
                    counters.packetsReceived.increment();
                    counters.bytesReceived.add(bytes.readableBytes());
                    if (RtpParser.isRtcp(bytes)) {
                        counters.packetsRtcp.increment();
                        return -1;
                    }
                    RtpPacket packet = RtpParser.parse(bytes, sender, System.nanoTime());
                    if (packet == null) {
                        counters.packetsInvalid.increment();
                        LOG.debug("Dropped {} bytes from {}: not an RTP packet", bytes.readableBytes(), sender);
                        return -1;
                    }
                    streams.dispatch(packet, batcher);
                    return packet.ssrc();
                }

                @Override
                public void readComplete() {
                    batcher.flush();
                }
            };
        }

        @Override
        public void senderGone(long ssrc) {
            streams.end(ssrc);
        }

        @Override
        public void error(String message, Throwable cause) {
            listener.onError(message, cause);
        }
    }
}
