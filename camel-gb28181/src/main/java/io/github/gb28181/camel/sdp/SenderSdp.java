package io.github.gb28181.camel.sdp;

import java.util.Locale;

/**
 * The SDP we answer with when we send the media: to an upper platform's INVITE for a shared channel (cascade), to a
 * platform's INVITE when we play a device, to a device's INVITE for the audio of a voice broadcast. It says where our
 * media comes from ({@code c=}, {@code m=} port), {@code a=sendonly}, the one payload we send, the SSRC the peer asked
 * for ({@code y=}), and for TCP whether we connect or listen.
 *
 * @param originId    our id, for {@code o=}
 * @param mediaHost   the address we send from (or listen on, for TCP passive)
 * @param sessionName {@code s=}: the offer's own (Play, Playback, Download)
 * @param uri         {@code u=}, echoed from the offer for playback and download, or {@code null}
 * @param startTime   {@code t=} start, echoed from the offer (0 for live)
 * @param endTime     {@code t=} end
 * @param media       video or audio
 * @param port        the port we send from, or listen on for TCP passive
 * @param transport   UDP; TCP_ACTIVE: we connect to the peer; TCP_PASSIVE: we listen and the peer connects
 * @param payloadType the payload type we send
 * @param encoding    its rtpmap encoding, {@code PS/90000} or {@code PCMA/8000}
 * @param ssrc        {@code y=}, the ten digits
 * @param format      {@code f=}, or empty
 */
public record SenderSdp(String originId, String mediaHost, String sessionName, String uri, long startTime,
        long endTime, String media, int port, MediaTransportMode transport, int payloadType, String encoding,
        String ssrc, String format) {

    /** GB/T 28181's payload type for a program stream. */
    public static final int PS_PAYLOAD_TYPE = 96;
    public static final String PS_ENCODING = "PS/90000";

    /** A program stream answering {@code offer}: its session name, times, {@code u=} and SSRC echoed. */
    public static SenderSdp programStream(String originId, String mediaHost, int port, MediaTransportMode transport,
                                          SdpAnswer offer, String ssrc) {
        return new SenderSdp(originId, mediaHost, offer.sessionName() == null ? "Play" : offer.sessionName(),
                offer.uri(), offer.startTime(), offer.endTime(), "video", port, transport, PS_PAYLOAD_TYPE,
                PS_ENCODING, ssrc, "");
    }

    /**
     * How we carry the media a peer offers to receive: over UDP, or over TCP in the role opposite to the one its
     * {@code a=setup} claims (a peer that is passive listens, so we connect: TCP_ACTIVE). A TCP offer without setup
     * is taken as passive, which is what GB/T 28181 receivers default to.
     */
    public static MediaTransportMode answering(SdpAnswer offer) {
        if (!offer.tcp()) {
            return MediaTransportMode.UDP;
        }
        String setup = offer.setup() == null ? "passive" : offer.setup().toLowerCase(Locale.ROOT);
        return "active".equals(setup) ? MediaTransportMode.TCP_PASSIVE : MediaTransportMode.TCP_ACTIVE;
    }

    public String encode() {
        SdpWriter w = SdpWriter.session(originId, mediaHost, sessionName);
        if (uri != null) {
            w.uri(uri);
        }
        return w.connection(mediaHost).time(startTime, endTime)
                .media(media, port, transport, payloadType).direction("sendonly").rtpmap(payloadType, encoding)
                .setup(transport).ssrc(ssrc).format(format).toString();
    }
}
