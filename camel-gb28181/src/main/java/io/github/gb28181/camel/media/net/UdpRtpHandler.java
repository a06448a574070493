package io.github.gb28181.camel.media.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every datagram to the receiver; the superclass releases it afterwards.
 */
@ChannelHandler.Sharable
final class UdpRtpHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger LOG = LoggerFactory.getLogger(UdpRtpHandler.class);

    private final RtpInbound inbound;

    UdpRtpHandler(RtpInbound inbound) {
        this.inbound = inbound;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket datagram) {
        inbound.packet(datagram.content(), datagram.sender());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a UDP socket has no peer to lose: an ICMP error or a failed read must not stop the port
        LOG.debug("RTP socket {}: {}", ctx.channel().localAddress(), cause.toString());
    }
}
