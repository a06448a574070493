package io.github.gb28181.camel.media.net;

import java.net.InetSocketAddress;

import io.netty.buffer.ByteBuf;

/**
 * Where the network handlers hand what they read. The handlers own the buffers and release them.
 */
public interface RtpInbound {

    /**
     * A way in for one channel (the UDP port, or one TCP connection), used by that channel's event loop only, so it
     * can hold packets back without locking and hand them on together at the end of each read.
     */
    Reader reader();

    /** A TCP connection that carried this SSRC closed: the stream will not go on. */
    void senderGone(long ssrc);

    /** Something went wrong on the network side that nobody else will hear about. */
    void error(String message, Throwable cause);

    /** One channel's packets. */
    interface Reader {

        /**
         * One RTP packet's bytes (a datagram, or an RFC 4571 frame). Must copy what it keeps before returning.
         *
         * @return the packet's SSRC, or -1 when it was not a usable RTP packet
         */
        long packet(ByteBuf bytes, InetSocketAddress sender);

        /**
         * The channel has read what its socket had for now (Netty's channelReadComplete): packets held back are
         * handed on.
         */
        void readComplete();
    }
}
