package io.github.gb28181.camel.media.send;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.github.gb28181.camel.media.MediaMode;
import io.github.gb28181.camel.media.MediaTransport;
import io.github.gb28181.camel.media.net.MediaChannel;
import io.github.gb28181.camel.media.net.OutboundPeer;
import io.github.gb28181.camel.media.net.TcpClientMediaChannel;
import io.github.gb28181.camel.media.net.TcpServerMediaChannel;
import io.github.gb28181.camel.media.net.UdpMediaChannel;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends frames as a program stream over RTP to one peer: UDP datagrams, or RFC 4571 framed on a TCP connection that
 * the sender makes (tcp-active) or accepts (tcp-passive). The whole send side, usable without Camel.
 *
 * <pre>
 * MediaSenderConfig config = MediaSenderConfig.builder().remoteHost("10.0.0.5").remotePort(30000).ssrc(100000001)
 *         .build();
 * try (MediaSender sender = new MediaSender(config, group)) {
 *     sender.start();
 *     sender.send(new OutgoingFrame(MediaMode.ES, MediaCodec.H264, accessUnit, pts, MediaFrame.NO_TIMESTAMP, key,
 *             MediaFrame.NO_TIMESTAMP, MediaSenderConfig.FRAME_SSRC));
 * }
 * </pre>
 *
 * Each SSRC is a stream of its own: its sequence numbers run on across reconnects, its video starts at a key frame,
 * and after a frame had to be dropped (no connection, or a peer that does not read) it waits for the next key frame
 * again, so the peer never gets a picture it cannot decode. Sending never blocks: the caller's thread muxes and cuts
 * packets, the event loop writes them. Frames of one SSRC must be sent in order; {@link #send} may be called from
 * any thread.
 */
public final class MediaSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaSender.class);

    private final MediaSenderConfig config;
    private final EventLoopGroup group;
    private final OutboundPeer peer;
    private final Map<Long, OutgoingStream> streams;
    private final LongAdder framesSent = new LongAdder();
    private final LongAdder framesDropped = new LongAdder();
    private final LongAdder packetsSent = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder connections = new LongAdder();
    /** Datagram bytes handed to the event loop and not yet written: UDP has no writability of its own for them. */
    private final AtomicLong queuedDatagramBytes = new AtomicLong();
    private final InetSocketAddress remote;

    /** Counts the channels opened: a frame's stream notices a new connection by it. */
    private final AtomicInteger generation = new AtomicInteger();
    private MediaChannel channel;

    public MediaSender(MediaSenderConfig config, EventLoopGroup group) {
        this.config = config;
        this.group = group;
        this.remote = config.transport() == MediaTransport.TCP_PASSIVE ? null
                : new InetSocketAddress(config.remoteHost(), config.remotePort());
        this.peer = new OutboundPeer(new OutboundPeer.Listener() {
            @Override
            public void opened(Channel channel) {
                generation.incrementAndGet();
                connections.increment();
                // debug: a peer that connects (tcp-passive) decides how often this happens
                LOG.debug("Sending RTP {} -> {}", channel.localAddress(), channel.remoteAddress());
            }

            @Override
            public void closed(Channel channel) {
                LOG.debug("RTP {} -> {} ended", channel.localAddress(), channel.remoteAddress());
            }
        });
        this.streams = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, OutgoingStream> eldest) {
                return size() > config.maxStreams();
            }
        };
    }

    /** Binds the local port (udp), listens (tcp-passive) or starts connecting (tcp-active). */
    public synchronized void start() throws Exception {
        if (channel != null) {
            return;
        }
        WriteBufferWaterMark mark = new WriteBufferWaterMark(config.maxQueuedBytes() / 2, config.maxQueuedBytes());
        MediaChannel c = switch (config.transport()) {
            case UDP -> new UdpMediaChannel(group, config.host(), config.port(), 0, peer);
            case TCP_PASSIVE -> new TcpServerMediaChannel(group, config.host(), config.port(), 0, ch -> {
                ch.config().setWriteBufferWaterMark(mark);
                ch.pipeline().addLast(peer);
            });
            case TCP_ACTIVE -> new TcpClientMediaChannel(group,
                    TcpClientMediaChannel.localOrAny(config.host(), config.port()), remote,
                    config.reconnectDelayMillis(), 0, ch -> {
                        ch.config().setWriteBufferWaterMark(mark);
                        ch.pipeline().addLast(peer);
                    });
        };
        c.start();
        channel = c;
        if (config.transport() == MediaTransport.UDP) {
            peer.awaitOpen(5, TimeUnit.SECONDS);
        }
        LOG.info("Sending RTP ({}) from {} to {}", config.transport().value(),
                c.localAddress() != null ? c.localAddress() : config.host(),
                remote != null ? remote : "whoever connects");
    }

    /** Closes the socket (and any connection); a listening port is free on return. */
    public synchronized void stop() {
        if (channel != null) {
            channel.stop();
            channel = null;
            LOG.debug("Stopped sending RTP ({}) to {}", config.transport().value(), remote);
        }
        synchronized (streams) {
            streams.clear();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Sends one frame, or drops it when it cannot be sent now.
     *
     * @return whether it was sent
     * @throws IllegalArgumentException when the frame can never be sent, connected or not: no SSRC, nothing in it,
     *                                  or an ES frame of a codec a program stream has no type for
     */
    public boolean send(OutgoingFrame frame) {
        long ssrc = config.ssrc() != MediaSenderConfig.FRAME_SSRC ? config.ssrc() : frame.ssrc();
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("No SSRC to send the frame with: configure one or name it in the frame");
        }
        if (frame.payload().length == 0) {
            throw new IllegalArgumentException("An empty frame cannot be sent");
        }
        if (frame.format() != MediaMode.PS && frame.format() != MediaMode.ES) {
            throw new IllegalArgumentException("Cannot send " + frame.format() + " frames: only PS and ES");
        }
        if (frame.format() == MediaMode.ES && frame.codec().streamType() < 0) {
            throw new IllegalArgumentException("Cannot mux " + frame.codec() + " into a program stream");
        }
        synchronized (streams) {
            Channel ch = peer.current();
            OutgoingStream stream = streams.computeIfAbsent(ssrc, s -> new OutgoingStream(s, config,
                    ThreadLocalRandom.current().nextInt(0x10000)));
            if (ch == null || !ch.isWritable() || queuedDatagramBytes.get() > config.maxQueuedBytes()) {
                stream.lost();
                framesDropped.increment();
                return false;
            }
            if (!stream.admit(frame, generation.get())) {
                framesDropped.increment();
                return false;
            }
            if (config.tcp()) {
                writeFramed(ch, stream, frame);
            } else {
                writeDatagrams(ch, stream, frame);
            }
            framesSent.increment();
            return true;
        }
    }

    /** One buffer holding the frame's framed packets: one write, one system call per frame. */
    private void writeFramed(Channel ch, OutgoingStream stream, OutgoingFrame frame) {
        OutgoingStream.Ps ps = stream.programStream(frame);
        ByteBuf buf = ch.alloc().directBuffer(stream.packetizer().wireSize(ps.length()));
        int packets = stream.packetizer().packetize(ps.bytes(), 0, ps.length(), ps.rtpTimestamp(), size -> buf);
        count(packets, buf.readableBytes());
        ch.writeAndFlush(buf, ch.voidPromise());
    }

    /** A datagram per packet, handed to the event loop in one task. */
    private void writeDatagrams(Channel ch, OutgoingStream stream, OutgoingFrame frame) {
        OutgoingStream.Ps ps = stream.programStream(frame);
        List<ByteBuf> packets = new ArrayList<>(stream.packetizer().packets(ps.length()));
        stream.packetizer().packetize(ps.bytes(), 0, ps.length(), ps.rtpTimestamp(), size -> {
            ByteBuf b = ch.alloc().directBuffer(size);
            packets.add(b);
            return b;
        });
        long bytes = 0;
        for (ByteBuf b : packets) {
            bytes += b.readableBytes();
        }
        count(packets.size(), bytes);
        long queued = bytes;
        queuedDatagramBytes.addAndGet(queued);
        try {
            ch.eventLoop().execute(() -> {
                for (ByteBuf b : packets) {
                    ch.write(new DatagramPacket(b, remote), ch.voidPromise());
                }
                ch.flush();
                queuedDatagramBytes.addAndGet(-queued);
            });
        } catch (RuntimeException e) { // the event loop is shutting down
            queuedDatagramBytes.addAndGet(-queued);
            packets.forEach(ByteBuf::release);
            throw e;
        }
    }

    private void count(int packets, long bytes) {
        packetsSent.add(packets);
        bytesSent.add(bytes);
    }

    /** The bound address: for tcp-passive the port to put in the SDP answer. */
    public synchronized InetSocketAddress localAddress() {
        return channel != null ? channel.localAddress() : null;
    }

    /** Whether frames can go out now: the UDP socket is bound, or a TCP connection is open. */
    public boolean connected() {
        return peer.current() != null;
    }

    /** The sequence number the next packet of {@code ssrc} gets, or -1 when nothing was sent with it yet. */
    public int nextSequence(long ssrc) {
        synchronized (streams) {
            OutgoingStream s = streams.get(ssrc);
            return s != null ? s.packetizer().nextSequence() : -1;
        }
    }

    public SenderStatistics statistics() {
        int open;
        synchronized (streams) {
            open = streams.size();
        }
        return new SenderStatistics(framesSent.sum(), framesDropped.sum(), packetsSent.sum(), bytesSent.sum(),
                connections.sum(), open);
    }

    public MediaSenderConfig config() {
        return config;
    }

    @Override
    public String toString() {
        return "MediaSender[" + config.transport().value() + (remote != null ? " to " + remote : "") + "]";
    }
}
