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

    /** An offer that names no stream number, as GB/T 28181-2016 offers are. */
    public SdpOffer(
            String originId, String channelId, SessionKind kind, String mediaHost, int mediaPort,
            MediaTransportMode transport, String ssrc, long startEpoch, long endEpoch, int downloadSpeed) {
        this(originId, channelId, kind, mediaHost, mediaPort, transport, ssrc, startEpoch, endEpoch, downloadSpeed, -1);
    }

    public String encode() {
        SdpWriter w = SdpWriter.session(originId, mediaHost, kind.sdpName());
        if (kind.isHistory()) {
            w.uri(channelId + ":0");
        }
        w.connection(mediaHost).time(startEpoch, endEpoch)
                .media("video", mediaPort, transport, 96, 98, 97).direction("recvonly")
                .rtpmap(96, "PS/90000").rtpmap(98, "H264/90000").rtpmap(97, "MPEG4/90000").setup(transport);
        if (kind == SessionKind.DOWNLOAD && downloadSpeed > 0) {
            w.attribute("downloadspeed:" + downloadSpeed);
        }
        if (streamNumber >= 0) {
            w.attribute("streamnumber:" + streamNumber);
        }
        return w.ssrc(ssrc).format("").toString();
    }
}
