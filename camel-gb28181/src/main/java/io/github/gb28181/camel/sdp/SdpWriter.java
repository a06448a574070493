package io.github.gb28181.camel.sdp;

/**
 * The one place our SDP lines are written (RFC 4566, in the order it prescribes), with the lines GB/T 28181 adds:
 * {@code y=} (the SSRC) and {@code f=} (the media format) after the media description. Lines end in CRLF.
 *
 * <pre>
 * String sdp = SdpWriter.session(platformId, host, "Play").connection(host).time(0, 0)
 *         .media("video", 30000, MediaTransportMode.UDP, 96).direction("recvonly").rtpmap(96, "PS/90000")
 *         .ssrc("0100000001").format("").toString();
 * </pre>
 */
public final class SdpWriter {

    private static final String CRLF = "\r\n";

    private final StringBuilder sdp = new StringBuilder(256);

    private SdpWriter() {
    }

    /** {@code v=}, {@code o=} (the id as user name, session id and version 0) and {@code s=}. */
    public static SdpWriter session(String originId, String host, String sessionName) {
        SdpWriter w = new SdpWriter();
        w.line('v', "0");
        w.line('o', originId + " 0 0 " + address(host));
        w.line('s', sessionName);
        return w;
    }

    /** {@code u=}: in playback and download, the channel and its parameter ({@code 34020000001310000001:0}). */
    public SdpWriter uri(String uri) {
        return line('u', uri);
    }

    /** {@code c=}: where the media comes from or goes to. */
    public SdpWriter connection(String host) {
        return line('c', address(host));
    }

    /** {@code t=}: 0 0 for live, the seconds since the epoch of the span for playback and download. */
    public SdpWriter time(long start, long end) {
        return line('t', start + " " + end);
    }

    /**
     * {@code m=}, then for TCP the {@code a=setup} and {@code a=connection} lines of RFC 4145: whether this side
     * listens (passive) or connects (active).
     */
    public SdpWriter media(String media, int port, MediaTransportMode transport, int... payloadTypes) {
        StringBuilder m = new StringBuilder(media).append(' ').append(port)
                .append(transport.isTcp() ? " TCP/RTP/AVP" : " RTP/AVP");
        for (int pt : payloadTypes) {
            m.append(' ').append(pt);
        }
        return line('m', m.toString());
    }

    /** {@code a=recvonly} or {@code a=sendonly}. */
    public SdpWriter direction(String direction) {
        return attribute(direction);
    }

    public SdpWriter rtpmap(int payloadType, String encoding) {
        return attribute("rtpmap:" + payloadType + " " + encoding);
    }

    /** {@code a=setup:passive} or {@code a=setup:active} with {@code a=connection:new}; nothing for UDP. */
    public SdpWriter setup(MediaTransportMode transport) {
        if (transport == MediaTransportMode.TCP_PASSIVE) {
            attribute("setup:passive");
        } else if (transport == MediaTransportMode.TCP_ACTIVE) {
            attribute("setup:active");
        } else {
            return this;
        }
        return attribute("connection:new");
    }

    public SdpWriter attribute(String attribute) {
        return line('a', attribute);
    }

    /** {@code y=}: the ten-digit SSRC. */
    public SdpWriter ssrc(String ssrc) {
        return line('y', ssrc);
    }

    /** {@code f=}: the media format, empty when not described. */
    public SdpWriter format(String format) {
        return line('f', format == null ? "" : format);
    }

    @Override
    public String toString() {
        return sdp.toString();
    }

    private SdpWriter line(char type, String value) {
        sdp.append(type).append('=').append(value).append(CRLF);
        return this;
    }

    private static String address(String host) {
        return (host.indexOf(':') >= 0 ? "IN IP6 " : "IN IP4 ") + host;
    }
}
