package io.github.gb28181.camel.media.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every datagram to the receiver, and tells it when a read of the socket is over; the superclass releases
 * the datagrams. One per channel: its reader is confined to the channel's event loop.
 */
final class UdpRtpHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger LOG = LoggerFactory.getLogger(UdpRtpHandler.class);

    private final RtpInbound.Reader reader;

    UdpRtpHandler(RtpInbound.Reader reader) {
        this.reader = reader;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket datagram) {
        reader.packet(datagram.content(), datagram.sender());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reader.readComplete();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a UDP socket has no peer to lose: an ICMP error or a failed read must not stop the port
        LOG.debug("RTP socket {}: {}", ctx.channel().localAddress(), cause.toString());
    }
}
