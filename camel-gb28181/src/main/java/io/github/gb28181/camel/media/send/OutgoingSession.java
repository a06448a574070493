package io.github.gb28181.camel.media.send;

import io.github.gb28181.camel.media.MediaTransport;

/**
 * A media session the signalling side agreed to send: an INVITE answered with our SDP (a=sendonly). The sender for
 * it is opened when it is announced, so a peer that connects to our port (tcp-passive) finds it listening.
 *
 * @param sessionId   the session's identity on the signalling side (the INVITE's Call-ID); frames name it in the
 *                    CamelGb28181SessionId header
 * @param transport   udp, tcp-active (we connect to the remote address) or tcp-passive (we listen, the peer connects)
 * @param localHost   the address to send from or listen on (0.0.0.0 for any)
 * @param localPort   the port to send from or listen on (0: the system picks; the SDP answer then carries
 *                    {@link MediaSender#localAddress()})
 * @param remoteHost  where the peer receives (from its SDP's c=); not used by tcp-passive
 * @param remotePort  its port (from its m= line)
 * @param ssrc        the SSRC the peer asked for in its y= line
 * @param payloadType the payload type of the m= line (96 for PS)
 */
public record OutgoingSession(String sessionId, MediaTransport transport, String localHost, int localPort,
        String remoteHost, int remotePort, long ssrc, int payloadType) {

    /** The sender settings for this session, other settings taken from {@code defaults}. */
    public MediaSenderConfig config(MediaSenderConfig.Builder defaults) {
        return defaults.transport(transport).host(localHost).port(localPort).remoteHost(remoteHost)
                .remotePort(remotePort).ssrc(ssrc).payloadType(payloadType).build();
    }
}
