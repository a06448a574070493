package io.github.gb28181.camel.media.net;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TCP active mode: the platform connects to the port the device answered the INVITE with, and reconnects after
 * {@code reconnectDelay} whenever the connection fails or ends, until stopped. A device usually opens its port only
 * once it has answered, so the first attempts may fail; that is not an error worth failing a route for. The same
 * connector carries RTP the other way when the platform sends media to a peer that listens.
 */
public final class TcpClientMediaChannel implements MediaChannel {

    private static final Logger LOG = LoggerFactory.getLogger(TcpClientMediaChannel.class);

    private final EventLoopGroup group;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final long reconnectDelayMillis;
    private final int receiveBufferSize;
    private final Consumer<Channel> pipeline;

    private volatile boolean running;
    private volatile Channel channel;
    private volatile ScheduledFuture<?> retry;
    private volatile boolean failing;

    /** A connection that receives RTP into {@code inbound}. */
    public TcpClientMediaChannel(EventLoopGroup group, InetSocketAddress local, InetSocketAddress remote,
                                 long reconnectDelayMillis, int receiveBufferSize, RtpInbound inbound) {
        this(group, local, remote, reconnectDelayMillis, receiveBufferSize,
                ch -> ch.pipeline().addLast(TcpRtpHandler.framing(), new TcpRtpHandler(inbound)));
    }

    /**
     * @param local    the address to connect from, or {@code null} for any ({@link #localOrAny(String, int)})
     * @param pipeline sets up each new connection's handlers
     */
    public TcpClientMediaChannel(EventLoopGroup group, InetSocketAddress local, InetSocketAddress remote,
                                 long reconnectDelayMillis, int receiveBufferSize, Consumer<Channel> pipeline) {
        this.group = group;
        this.local = local;
        this.remote = remote;
        this.reconnectDelayMillis = Math.max(10, reconnectDelayMillis);
        this.receiveBufferSize = receiveBufferSize;
        this.pipeline = pipeline;
    }

    /** The local address to connect from: {@code null} (the system picks) for any host and port 0. */
    public static InetSocketAddress localOrAny(String host, int port) {
        boolean anyHost = host == null || host.isEmpty() || "0.0.0.0".equals(host);
        return anyHost && port == 0 ? null : new InetSocketAddress(host, port);
    }

    @Override
    public void start() {
        running = true;
        connect().awaitUninterruptibly();
    }

    @Override
    public void stop() {
        running = false;
        ScheduledFuture<?> r = retry;
        if (r != null) {
            r.cancel(false);
        }
        Channel c = channel;
        if (c != null) {
            c.close().syncUninterruptibly();
        }
        channel = null;
    }

    @Override
    public InetSocketAddress localAddress() {
        Channel c = channel;
        return c != null ? (InetSocketAddress) c.localAddress() : null;
    }

    /** Whether a connection to the device is open now. */
    public boolean connected() {
        Channel c = channel;
        return c != null && c.isActive();
    }

    private ChannelFuture connect() {
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        pipeline.accept(ch);
                    }
                });
        if (receiveBufferSize > 0) {
            bootstrap.option(ChannelOption.SO_RCVBUF, receiveBufferSize);
        }
        ChannelFuture future = local != null ? bootstrap.connect(remote, local) : bootstrap.connect(remote);
        channel = future.channel();
        future.addListener((ChannelFuture f) -> {
            if (!running) {
                f.channel().close();
                return;
            }
            if (f.isSuccess()) {
                failing = false;
                LOG.info("Connected to {} for RTP over TCP", remote);
                f.channel().closeFuture().addListener(closed -> reconnectLater("the connection ended"));
            } else {
                if (!failing && running) {
                    failing = true;
                    LOG.warn("Cannot connect to {} for RTP over TCP, retrying every {} ms: {}", remote,
                            reconnectDelayMillis, f.cause().toString());
                }
                reconnectLater("the connection failed");
            }
        });
        return future;
    }

    private void reconnectLater(String why) {
        if (!running) {
            return;
        }
        LOG.debug("RTP over TCP to {}: {}, reconnecting in {} ms", remote, why, reconnectDelayMillis);
        retry = group.next().schedule(() -> {
            if (running) {
                connect();
            }
        }, reconnectDelayMillis, TimeUnit.MILLISECONDS);
    }
}
