package io.github.gb28181.camel.media.net;

import java.net.InetSocketAddress;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.nio.NioDatagramChannel;

/**
 * A UDP port receiving RTP from any number of senders, or sending it.
 */
public final class UdpMediaChannel implements MediaChannel {

    // the largest UDP payload: Netty's default 2 KiB would silently truncate jumbo RTP packets
    private static final int MAX_DATAGRAM = 65_536;
    // datagrams read per wake-up of the event loop. Netty holds a 64 KiB pooled buffer for each until the read
    // ends; more than 1/4 of the pool's 4 MiB chunk at once moves the chunk to a list that frees it when it
    // empties, and the next read then allocates and zeroes a new chunk: 8 keeps well below that
    static final int MAX_DATAGRAMS_PER_READ = 8;

    private final EventLoopGroup group;
    private final String host;
    private final int port;
    private final int receiveBufferSize;
    private final ChannelHandler handler;
    private Channel channel;

    /** A port that receives RTP into {@code inbound}. */
    public UdpMediaChannel(EventLoopGroup group, String host, int port, int receiveBufferSize, RtpInbound inbound) {
        this(group, host, port, receiveBufferSize, new UdpRtpHandler(inbound.reader()));
    }

    /** A port whose datagrams go to {@code handler}. */
    public UdpMediaChannel(EventLoopGroup group, String host, int port, int receiveBufferSize, ChannelHandler handler) {
        this.group = group;
        this.host = host;
        this.port = port;
        this.receiveBufferSize = receiveBufferSize;
        this.handler = handler;
    }

    @Override
    public void start() throws InterruptedException {
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioDatagramChannel.class)
                .option(ChannelOption.RCVBUF_ALLOCATOR, allocator())
                .handler(handler);
        if (receiveBufferSize > 0) {
            // a burst of a key frame from many cameras at once must fit in the kernel's queue
            bootstrap.option(ChannelOption.SO_RCVBUF, receiveBufferSize);
        }
        channel = bootstrap.bind(host, port).sync().channel();
    }

    /**
     * Reads up to {@link #MAX_DATAGRAMS_PER_READ} datagrams per wake-up, or until the socket is empty. A
     * FixedRecvByteBufAllocator set as an option keeps its own default of one message per read, not the datagram
     * channel's 16: every datagram would cost a trip through the selector, a second system call per packet.
     */
    static FixedRecvByteBufAllocator allocator() {
        FixedRecvByteBufAllocator allocator = new FixedRecvByteBufAllocator(MAX_DATAGRAM);
        allocator.maxMessagesPerRead(MAX_DATAGRAMS_PER_READ);
        return allocator;
    }

    @Override
    public void stop() {
        if (channel != null) {
            InetSocketAddress bound = (InetSocketAddress) channel.localAddress();
            channel.close().syncUninterruptibly();
            channel = null;
            SocketRelease.awaitFree(group, bound, false);
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return channel != null ? (InetSocketAddress) channel.localAddress() : null;
    }
}
