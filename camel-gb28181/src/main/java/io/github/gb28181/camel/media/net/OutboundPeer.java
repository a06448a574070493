package io.github.gb28181.camel.media.net;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows which channel media goes out on: the bound UDP socket, or the open TCP connection. When a listening sender
 * accepts a second connection (a peer reconnecting before its old connection was seen to die), the newest one
 * carries the media and the older one is closed. Whatever the peer sends back (RTCP receiver reports) is read and
 * dropped. Shared by every channel of one sender.
 */
@ChannelHandler.Sharable
public final class OutboundPeer extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundPeer.class);

    private final Listener listener;
    private final CountDownLatch firstOpened = new CountDownLatch(1);
    private volatile Channel current;

    /** Hears when the channel media goes out on changes; called on that channel's event loop. */
    public interface Listener {
        /** A channel is ready: later writes go to it. */
        void opened(Channel channel);

        /** The channel closed; nothing can be sent until another opens. */
        void closed(Channel channel);
    }

    public OutboundPeer(Listener listener) {
        this.listener = listener;
    }

    /** The channel to write to, or {@code null} while none is open. */
    public Channel current() {
        Channel c = current;
        return c != null && c.isActive() ? c : null;
    }

    /**
     * Waits until a channel is open: a bound UDP socket becomes active on its event loop a moment after the bind
     * returns, and a sender should not drop its first frames for that.
     *
     * @return whether one opened in time
     */
    public boolean awaitOpen(long timeout, TimeUnit unit) throws InterruptedException {
        return firstOpened.await(timeout, unit);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        Channel previous = current;
        current = ctx.channel();
        if (previous != null && previous != ctx.channel()) {
            LOG.debug("Media to {} now goes on the new connection from {}", previous.remoteAddress(),
                    ctx.channel().remoteAddress());
            previous.close();
        }
        listener.opened(ctx.channel());
        firstOpened.countDown();
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (current == ctx.channel()) {
            current = null;
            listener.closed(ctx.channel());
        }
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a UDP socket has no connection to lose (an ICMP error is no reason to stop); a broken TCP connection is
        // closed, and the sender waits for, or makes, the next one
        LOG.debug("Media channel {} -> {}: {}", ctx.channel().localAddress(), ctx.channel().remoteAddress(),
                cause.toString());
        if (ctx.channel() instanceof SocketChannel) {
            ctx.close();
        }
    }
}
