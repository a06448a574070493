package io.github.gb28181.camel.media.net;

import java.net.InetSocketAddress;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.nio.NioDatagramChannel;

/**
 * A UDP port receiving RTP from any number of senders.
 */
public final class UdpMediaChannel implements MediaChannel {

    // the largest UDP payload: Netty's default 2 KiB would silently truncate jumbo RTP packets
    private static final int MAX_DATAGRAM = 65_536;

    private final EventLoopGroup group;
    private final String host;
    private final int port;
    private final int receiveBufferSize;
    private final RtpInbound inbound;
    private Channel channel;

    public UdpMediaChannel(EventLoopGroup group, String host, int port, int receiveBufferSize, RtpInbound inbound) {
        this.group = group;
        this.host = host;
        this.port = port;
        this.receiveBufferSize = receiveBufferSize;
        this.inbound = inbound;
    }

    @Override
    public void start() throws InterruptedException {
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioDatagramChannel.class)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
                .handler(new UdpRtpHandler(inbound.reader()));
        if (receiveBufferSize > 0) {
            // a burst of a key frame from many cameras at once must fit in the kernel's queue
            bootstrap.option(ChannelOption.SO_RCVBUF, receiveBufferSize);
        }
        channel = bootstrap.bind(host, port).sync().channel();
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
