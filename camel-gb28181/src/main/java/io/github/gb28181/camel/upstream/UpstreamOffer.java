package io.github.gb28181.camel.upstream;

import java.util.Locale;

import io.github.gb28181.camel.media.MediaTransport;
import io.github.gb28181.camel.media.Ssrc;
import io.github.gb28181.camel.media.send.MediaSender;
import io.github.gb28181.camel.media.send.MediaSenders;
import io.github.gb28181.camel.media.send.OutgoingSession;
import io.github.gb28181.camel.sdp.MediaTransportMode;
import io.github.gb28181.camel.sdp.SdpAnswer;
import io.github.gb28181.camel.sdp.SenderSdp;
import io.github.gb28181.camel.sdp.SessionKind;

/**
 * An upper platform's offer to receive a channel's media, read the way both a cascade and a device role answer it:
 * what it wants (live, playback, download, and when), where the media goes, over what, with which SSRC; the sender
 * that goes there, opened under the session's id; and our SDP answer naming that sender.
 *
 * @param offer     the offer as our tolerant SDP reader reads it
 * @param kind      live, playback or download, from s=
 * @param ssrc      the SSRC asked for (y=, else the Subject's), ten digits
 * @param transport how we send: the TCP role opposite to the one the offer takes
 */
public record UpstreamOffer(SdpAnswer offer, SessionKind kind, String ssrc, MediaTransportMode transport) {

    /** The discard port, for an answer where we connect out (RFC 4145): our own port means nothing then. */
    private static final int DISCARD_PORT = 9;

    /**
     * @param subject the INVITE's Subject (channel:SSRC,receiver:0), read when the offer has no y=
     * @throws IllegalArgumentException when the offer cannot be read or names no SSRC
     */
    public static UpstreamOffer parse(String sdp, String subject) {
        SdpAnswer offer;
        try {
            offer = SdpAnswer.parse(sdp);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unusable SDP offer: " + e.getMessage(), e);
        }
        String ssrc = ssrcOf(offer, subject);
        if (ssrc == null) {
            throw new IllegalArgumentException("The offer names no SSRC (y=, or the Subject's)");
        }
        return new UpstreamOffer(offer, kindOf(offer.sessionName()), ssrc, SenderSdp.answering(offer));
    }

    /** Opens the sender towards the offer's address, under the session's id, bound to {@code bindHost}. */
    public MediaSender open(MediaSenders senders, String sessionId, String bindHost) throws Exception {
        return senders.open(new OutgoingSession(sessionId, MediaTransport.valueOf(transport.name()), bindHost, 0,
                offer.mediaHost(), offer.mediaPort(), Ssrc.parse(ssrc), SenderSdp.PS_PAYLOAD_TYPE));
    }

    /** Our answer: the sender's port (the discard port when we connect out) at {@code host}. */
    public String answer(String originId, String host, MediaSender sender) {
        int port = transport == MediaTransportMode.TCP_ACTIVE ? DISCARD_PORT : sender.localAddress().getPort();
        return SenderSdp.programStream(originId, host, port, transport, offer, ssrc).encode();
    }

    private static SessionKind kindOf(String sessionName) {
        if (sessionName == null) {
            return SessionKind.LIVE;
        }
        return switch (sessionName.trim().toLowerCase(Locale.ROOT)) {
            case "playback" -> SessionKind.PLAYBACK;
            case "download" -> SessionKind.DOWNLOAD;
            default -> SessionKind.LIVE;
        };
    }

    private static String ssrcOf(SdpAnswer offer, String subject) {
        if (offer.ssrc() != null && offer.ssrc().matches("\\d{1,10}")) {
            return offer.ssrc();
        }
        if (subject != null) {
            int colon = subject.indexOf(':');
            int comma = subject.indexOf(',');
            if (colon > 0 && comma > colon) {
                String s = subject.substring(colon + 1, comma).trim();
                return s.matches("\\d{1,10}") ? s : null;
            }
        }
        return null;
    }
}
