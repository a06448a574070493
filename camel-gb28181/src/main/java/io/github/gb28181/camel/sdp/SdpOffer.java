package io.github.gb28181.camel.sdp;

/**
 * The SDP a platform puts in its INVITE, in the layout of GB/T 28181 and of the seed capture: video only, PS, H.264
 * and MPEG-4 payloads, {@code y=} carrying the SSRC and an empty {@code f=}.
 *
 * @param originId      the platform id, for {@code o=}
 * @param channelId     the channel, for {@code u=} in playback and download
 * @param kind          live, playback or download
 * @param mediaHost     where the platform receives the media ({@code o=}, {@code c=})
 * @param mediaPort     the port it receives on
 * @param transport     UDP, TCP passive or TCP active
 * @param ssrc          the 10-digit SSRC, for {@code y=}
 * @param startEpoch    playback and download start, seconds since the epoch (0 for live)
 * @param endEpoch      playback and download end, seconds since the epoch (0 for live)
 * @param downloadSpeed the download speed factor, for {@code a=downloadspeed:} (0 = not sent)
 * @param streamNumber  the stream asked for, for GB/T 28181-2022's {@code a=streamnumber:}: 0 main, 1 first
 *                      sub-stream... (negative = not sent, and the device sends its main stream)
 */
public record SdpOffer(
        String originId, String channelId, SessionKind kind, String mediaHost, int mediaPort,
        MediaTransportMode transport, String ssrc, long startEpoch, long endEpoch, int downloadSpeed,
        int streamNumber) {

    private static final String CRLF = "\r\n";

    /** An offer that names no stream number, as GB/T 28181-2016 offers are. */
    public SdpOffer(
            String originId, String channelId, SessionKind kind, String mediaHost, int mediaPort,
            MediaTransportMode transport, String ssrc, long startEpoch, long endEpoch, int downloadSpeed) {
        this(originId, channelId, kind, mediaHost, mediaPort, transport, ssrc, startEpoch, endEpoch, downloadSpeed, -1);
    }

    public String encode() {
        StringBuilder sdp = new StringBuilder(256);
        sdp.append("v=0").append(CRLF);
        sdp.append("o=").append(originId).append(" 0 0 IN IP4 ").append(mediaHost).append(CRLF);
        sdp.append("s=").append(kind.sdpName()).append(CRLF);
        if (kind.isHistory()) {
            sdp.append("u=").append(channelId).append(":0").append(CRLF);
        }
        sdp.append("c=IN IP4 ").append(mediaHost).append(CRLF);
        sdp.append("t=").append(startEpoch).append(' ').append(endEpoch).append(CRLF);
        sdp.append("m=video ").append(mediaPort).append(transport.isTcp() ? " TCP/RTP/AVP" : " RTP/AVP")
                .append(" 96 98 97").append(CRLF);
        sdp.append("a=recvonly").append(CRLF);
        sdp.append("a=rtpmap:96 PS/90000").append(CRLF);
        sdp.append("a=rtpmap:98 H264/90000").append(CRLF);
        sdp.append("a=rtpmap:97 MPEG4/90000").append(CRLF);
        if (transport == MediaTransportMode.TCP_PASSIVE) {
            sdp.append("a=setup:passive").append(CRLF).append("a=connection:new").append(CRLF);
        } else if (transport == MediaTransportMode.TCP_ACTIVE) {
            sdp.append("a=setup:active").append(CRLF).append("a=connection:new").append(CRLF);
        }
        if (kind == SessionKind.DOWNLOAD && downloadSpeed > 0) {
            sdp.append("a=downloadspeed:").append(downloadSpeed).append(CRLF);
        }
        if (streamNumber >= 0) {
            sdp.append("a=streamnumber:").append(streamNumber).append(CRLF);
        }
        sdp.append("y=").append(ssrc).append(CRLF);
        sdp.append("f=").append(CRLF);
        return sdp.toString();
    }
}
