package io.github.gb28181.camel.media.relay;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

import io.github.gb28181.camel.media.MediaTransport;
import io.github.gb28181.camel.media.net.MediaChannel;
import io.github.gb28181.camel.media.net.RtpInbound;
import io.github.gb28181.camel.media.net.TcpClientMediaChannel;
import io.github.gb28181.camel.media.net.TcpServerMediaChannel;
import io.github.gb28181.camel.media.net.UdpMediaChannel;
import io.github.gb28181.camel.media.rtp.RtpParser;
import io.github.gb28181.camel.media.send.MediaSender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays one stream packet by packet, the way a cascade passes a device's video up: RTP read from the device (UDP,
 * TCP with us listening, or TCP with us connecting) goes to every attached {@link MediaSender} on the thread that read
 * it, as soon as it is read. Nothing is reassembled, so the relay adds no frame's worth of delay: each output gets
 * the payload as the device cut it, its timestamp and marker, under the output's SSRC, numbered on from a random
 * start with the source's gaps kept. Packets that come before an output's peer is connected (a TCP peer connects
 * after our answer) wait in a short queue, so the peer gets the stream from its first packet, key frame included.
 */
public final class RtpRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RtpRelay.class);
    /** What an output holds while its peer connects: a few seconds of a 4 Mbit/s camera. */
    private static final int MAX_WAITING_BYTES = 2 * 1024 * 1024;

    private final MediaTransport transport;
    private final String host;
    private final int port;
    private final EventLoopGroup group;
    private final Map<String, Output> outputs = new ConcurrentHashMap<>();
    private final LongAdder packetsIn = new LongAdder();
    private final LongAdder packetsInvalid = new LongAdder();
    private volatile Runnable senderGone = () -> { };
    private MediaChannel channel;

    /** What the relay counted: packets read, packets that were not RTP. */
    public record Statistics(long packetsIn, long packetsInvalid, int outputs) {
    }

    /**
     * @param transport how the device sends: udp (to our port), tcp-passive (it connects to our port), tcp-active
     *                  (we connect to it: see {@link #connect})
     * @param host      the local address to bind (or connect from)
     * @param port      the local port, 0 for any
     */
    public RtpRelay(MediaTransport transport, String host, int port, EventLoopGroup group) {
        this.transport = transport;
        this.host = host;
        this.port = port;
        this.group = group;
    }

    /** Binds the port the device sends to (udp, tcp-passive); tcp-active waits for {@link #connect}. */
    public synchronized void start() throws Exception {
        if (channel != null || transport == MediaTransport.TCP_ACTIVE) {
            return;
        }
        MediaChannel c = transport == MediaTransport.UDP
                ? new UdpMediaChannel(group, host, port, 0, new Inbound())
                : new TcpServerMediaChannel(group, host, port, 0, new Inbound());
        c.start();
        channel = c;
    }

    /** tcp-active: connects to where the device's answer said it listens (and reconnects until stopped). */
    public synchronized void connect(String remoteHost, int remotePort) {
        if (channel != null) {
            return;
        }
        TcpClientMediaChannel c = new TcpClientMediaChannel(group, TcpClientMediaChannel.localOrAny(host, port),
                new InetSocketAddress(remoteHost, remotePort), 200, 0, new Inbound());
        c.start();
        channel = c;
    }

    /** The bound port's address (udp, tcp-passive): where the device is asked to send. */
    public synchronized InetSocketAddress localAddress() {
        return channel != null ? channel.localAddress() : null;
    }

    /** Starts passing packets to {@code sender} (which has an SSRC of its own), under {@code id}. */
    public void attach(String id, MediaSender sender) {
        outputs.put(id, new Output(sender));
    }

    /**
     * Stops passing packets to the output; the sender itself is left to its owner.
     *
     * @return how many outputs remain
     */
    public int detach(String id) {
        Output output = outputs.remove(id);
        if (output != null) {
            output.drop();
        }
        return outputs.size();
    }

    public int outputs() {
        return outputs.size();
    }

    /** Runs when a TCP connection from (or to) the device ends: the stream will not go on. */
    public void onSenderGone(Runnable gone) {
        this.senderGone = gone;
    }

    /** Closes the socket; the port is free on return. Outputs are detached, their senders left open. */
    public synchronized void stop() {
        if (channel != null) {
            channel.stop();
            channel = null;
        }
        outputs.values().forEach(Output::drop);
        outputs.clear();
    }

    @Override
    public void close() {
        stop();
    }

    public Statistics statistics() {
        return new Statistics(packetsIn.sum(), packetsInvalid.sum(), outputs.size());
    }

    @Override
    public String toString() {
        return "RtpRelay[" + transport.value() + " " + localAddress() + " -> " + outputs.keySet() + "]";
    }

    /** One packet to every output, from the network buffer. */
    private void relay(ByteBuf packet) {
        long bounds = RtpParser.payloadBounds(packet);
        if (bounds < 0 || RtpParser.isRtcp(packet)) {
            packetsInvalid.increment();
            return;
        }
        packetsIn.increment();
        int start = packet.readerIndex();
        int headerLength = (int) (bounds >>> 32);
        ByteBuf payload = packet.slice(start + headerLength, (int) bounds - headerLength);
        int sequence = packet.getUnsignedShort(start + 2);
        long timestamp = packet.getUnsignedInt(start + 4);
        boolean marker = (packet.getUnsignedByte(start + 1) & 0x80) != 0;
        for (Output output : outputs.values()) {
            output.forward(payload, sequence, timestamp, marker);
        }
    }

    private final class Inbound implements RtpInbound {
        @Override
        public Reader reader() {
            return new Reader() {
                @Override
                public long packet(ByteBuf bytes, InetSocketAddress sender) {
                    relay(bytes);
                    return bytes.readableBytes() >= RtpParser.HEADER_SIZE
                            ? bytes.getUnsignedInt(bytes.readerIndex() + 8) : -1;
                }

                @Override
                public void readComplete() {
                    // every packet went out as it came
                }
            };
        }

        @Override
        public void senderGone(long ssrc) {
            senderGone.run();
        }

        @Override
        public void error(String message, Throwable cause) {
            LOG.debug("Relay {}: {}", RtpRelay.this, message, cause);
        }
    }

    /** One output: its numbering, and the packets that wait for its peer. */
    private static final class Output {
        private final MediaSender sender;
        private final int firstSequence = ThreadLocalRandom.current().nextInt(0x10000);
        private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
        private boolean numbered;
        private int offset;
        private int waitingBytes;
        private boolean gaveUpWaiting;

        private record Waiting(ByteBuf payload, int sequence, long timestamp, boolean marker) {
        }

        Output(MediaSender sender) {
            this.sender = sender;
        }

        synchronized void forward(ByteBuf payload, int sequence, long timestamp, boolean marker) {
            if (!numbered) {
                offset = firstSequence - sequence;
                numbered = true;
            }
            int out = (sequence + offset) & 0xFFFF;
            if (!sender.connected()) {
                hold(payload, out, timestamp, marker);
                return;
            }
            while (!waiting.isEmpty()) {
                Waiting w = waiting.poll();
                sender.forward(w.payload(), w.sequence(), w.timestamp(), w.marker());
                w.payload().release();
            }
            waitingBytes = 0;
            sender.forward(payload, out, timestamp, marker);
        }

        private void hold(ByteBuf payload, int sequence, long timestamp, boolean marker) {
            if (gaveUpWaiting) {
                return;
            }
            if (waitingBytes + payload.readableBytes() > MAX_WAITING_BYTES) {
                // the peer is not coming soon: what waited would be stale when it does
                gaveUpWaiting = true;
                drop();
                return;
            }
            waiting.add(new Waiting(Unpooled.copiedBuffer(payload), sequence, timestamp, marker));
            waitingBytes += payload.readableBytes();
        }

        synchronized void drop() {
            Waiting w;
            while ((w = waiting.poll()) != null) {
                w.payload().release();
            }
            waitingBytes = 0;
        }
    }
}
