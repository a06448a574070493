package io.github.gb28181.camel.sip.media;

import io.github.gb28181.camel.sdp.MediaTransportMode;
import io.github.gb28181.camel.sdp.SessionKind;

/**
 * What a route asks for: a channel's live video, or a stretch of its recordings played back or downloaded.
 *
 * @param deviceId      the device to ask, or null for the owner of the channel
 * @param channelId     the channel
 * @param kind          live, playback or download
 * @param mediaHost     where the platform receives the media
 * @param mediaPort     the port it receives on
 * @param transport     UDP, TCP passive or TCP active
 * @param startEpoch    playback and download start, seconds since the epoch
 * @param endEpoch      playback and download end, seconds since the epoch
 * @param downloadSpeed download speed factor (1, 2, 4, 8), 0 to leave it to the device
 * @param streamNumber  the stream a live INVITE asks for (GB/T 28181-2022: 0 main, 1 first sub-stream...), -1 for
 *                      none named
 */
public record MediaRequest(
        String deviceId, String channelId, SessionKind kind, String mediaHost, int mediaPort,
        MediaTransportMode transport, long startEpoch, long endEpoch, int downloadSpeed, int streamNumber) {

    /** A request with a new media host. */
    public MediaRequest withMediaHost(String host) {
        return new MediaRequest(deviceId, channelId, kind, host, mediaPort, transport, startEpoch, endEpoch,
                downloadSpeed, streamNumber);
    }
}
