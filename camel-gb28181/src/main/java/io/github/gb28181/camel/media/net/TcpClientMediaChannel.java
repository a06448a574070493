package io.github.gb28181.camel.media.net;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

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
 * once it has answered, so the first attempts may fail; that is not an error worth failing a route for.
 */
public final class TcpClientMediaChannel implements MediaChannel {

    private static final Logger LOG = LoggerFactory.getLogger(TcpClientMediaChannel.class);

    private final EventLoopGroup group;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final long reconnectDelayMillis;
    private final int receiveBufferSize;
    private final RtpInbound inbound;

    private volatile boolean running;
    private volatile Channel channel;
    private volatile ScheduledFuture<?> retry;
    private volatile boolean failing;

    public TcpClientMediaChannel(EventLoopGroup group, InetSocketAddress local, InetSocketAddress remote,
                                 long reconnectDelayMillis, int receiveBufferSize, RtpInbound inbound) {
        this.group = group;
        this.local = local;
        this.remote = remote;
        this.reconnectDelayMillis = Math.max(10, reconnectDelayMillis);
        this.receiveBufferSize = receiveBufferSize;
        this.inbound = inbound;
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
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(TcpRtpHandler.framing(), new TcpRtpHandler(inbound));
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
