package io.github.gb28181.camel.media.net;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

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
 * TCP passive mode: the platform listens and devices connect, each connection carrying RFC 4571 framed RTP: to the
 * platform when it receives, from it when it sends media to a peer that connects.
 */
public final class TcpServerMediaChannel implements MediaChannel {

    private final EventLoopGroup group;
    private final String host;
    private final int port;
    private final int receiveBufferSize;
    private final Consumer<Channel> pipeline;
    private final ChannelGroup connections = new DefaultChannelGroup("gb28181-rtp-tcp", GlobalEventExecutor.INSTANCE);
    private Channel server;

    /** Connections that receive RTP into {@code inbound}. */
    public TcpServerMediaChannel(EventLoopGroup group, String host, int port, int receiveBufferSize,
                                 RtpInbound inbound) {
        this(group, host, port, receiveBufferSize,
                ch -> ch.pipeline().addLast(TcpRtpHandler.framing(), new TcpRtpHandler(inbound)));
    }

    /** @param pipeline sets up each accepted connection's handlers */
    public TcpServerMediaChannel(EventLoopGroup group, String host, int port, int receiveBufferSize,
                                 Consumer<Channel> pipeline) {
        this.group = group;
        this.host = host;
        this.port = port;
        this.receiveBufferSize = receiveBufferSize;
        this.pipeline = pipeline;
    }

    @Override
    public void start() throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group, group)
                .channel(NioServerSocketChannel.class)
                // a restarted route must get its port back while old connections sit in TIME_WAIT
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        pipeline.accept(ch);
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
