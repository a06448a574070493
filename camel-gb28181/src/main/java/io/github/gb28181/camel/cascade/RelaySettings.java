package io.github.gb28181.camel.cascade;

import io.github.gb28181.camel.media.send.MediaSenders;
import io.github.gb28181.camel.sdp.MediaTransportMode;
import io.netty.channel.EventLoopGroup;

/**
 * What relaying media upward takes: threads for the sockets, the outgoing sessions the upper platforms' senders are
 * opened in, where to bind, and how devices are asked to send to the relay.
 *
 * @param group           the event loops the relay's sockets use
 * @param senders         where the senders towards upper platforms are opened, by the upper platform's Call-ID
 * @param bindHost        the local address to receive and send media on (0.0.0.0 for any)
 * @param deviceTransport how devices send to the relay: udp, tcp-passive (they connect) or tcp-active (we connect)
 */
public record RelaySettings(EventLoopGroup group, MediaSenders senders, String bindHost,
        MediaTransportMode deviceTransport) {
}
