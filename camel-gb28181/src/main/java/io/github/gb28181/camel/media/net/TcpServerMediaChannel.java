package io.github.gb28181.camel.media.net;

import java.net.InetSocketAddress;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * TCP passive mode: the platform listens and devices connect, each connection carrying RFC 4571 framed RTP.
 */
public final class TcpServerMediaChannel implements MediaChannel {

    private final EventLoopGroup group;
    private final String host;
    private final int port;
    private final int receiveBufferSize;
    private final RtpInbound inbound;
    private final ChannelGroup connections = new DefaultChannelGroup("gb28181-rtp-tcp", GlobalEventExecutor.INSTANCE);
    private Channel server;

    public TcpServerMediaChannel(EventLoopGroup group, String host, int port, int receiveBufferSize,
                                 RtpInbound inbound) {
        this.group = group;
        this.host = host;
        this.port = port;
        this.receiveBufferSize = receiveBufferSize;
        this.inbound = inbound;
    }

    @Override
    public void start() throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group, group)
                .channel(NioServerSocketChannel.class)
                // a restarted route must get its port back while old connections sit in TIME_WAIT
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast(TcpRtpHandler.framing(), new TcpRtpHandler(inbound));
                    }
                });
        if (receiveBufferSize > 0) {
            bootstrap.childOption(ChannelOption.SO_RCVBUF, receiveBufferSize);
        }
        server = bootstrap.bind(host, port).sync().channel();
        connections.add(server);
    }

    @Override
    public void stop() {
        InetSocketAddress bound = server != null ? (InetSocketAddress) server.localAddress() : null;
        connections.close().syncUninterruptibly();
        server = null;
        SocketRelease.awaitFree(group, bound, true);
    }

    @Override
    public InetSocketAddress localAddress() {
        return server != null ? (InetSocketAddress) server.localAddress() : null;
    }
}
