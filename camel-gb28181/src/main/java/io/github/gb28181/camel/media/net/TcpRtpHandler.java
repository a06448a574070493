package io.github.gb28181.camel.media.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection's RTP packets, framed by RFC 4571's two-byte length. Remembers which SSRCs came over it, so
 * their last frames are delivered as soon as the connection ends.
 */
final class TcpRtpHandler extends SimpleChannelInboundHandler<ByteBuf> {

    private static final Logger LOG = LoggerFactory.getLogger(TcpRtpHandler.class);

    private final RtpInbound inbound;
    private final RtpInbound.Reader reader;
    private final Set<Long> ssrcs = new HashSet<>();

    TcpRtpHandler(RtpInbound inbound) {
        this.inbound = inbound;
        this.reader = inbound.reader();
    }

    /** RFC 4571: each packet preceded by its length as a 16-bit unsigned integer. */
    static LengthFieldBasedFrameDecoder framing() {
        return new LengthFieldBasedFrameDecoder(0xFFFF + 2, 0, 2, 0, 2);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        LOG.debug("RTP over TCP from {}", ctx.channel().remoteAddress());
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        long ssrc = reader.packet(frame, (InetSocketAddress) ctx.channel().remoteAddress());
        if (ssrc >= 0 && ssrcs.size() < 16) {
            ssrcs.add(ssrc);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        reader.readComplete();
        super.channelReadComplete(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        LOG.debug("RTP over TCP from {} ended", ctx.channel().remoteAddress());
        reader.readComplete(); // the last packets go before the streams are told they ended
        ssrcs.forEach(inbound::senderGone);
        ssrcs.clear();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("RTP over TCP from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            inbound.error("RTP over TCP from " + ctx.channel().remoteAddress() + " failed", cause);
        }
        ctx.close();
    }
}
