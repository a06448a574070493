package io.github.gb28181.example.streams;

import java.time.Instant;

/**
 * A stream as the REST API shows it.
 *
 * @param streamId       the short id the API names it by (the Call-ID works too)
 * @param callId         the SIP Call-ID of its INVITE: the component's session id
 * @param deviceId       the device sending it
 * @param channelId      the channel it shows
 * @param ssrc           the RTP SSRC, ten digits as in the SDP
 * @param kind           LIVE, PLAYBACK or DOWNLOAD
 * @param transport      UDP, TCP_PASSIVE or TCP_ACTIVE
 * @param state          ACTIVE, PAUSED or ENDED
 * @param startedAt      when it was requested
 * @param frames         video frames received
 * @param bytes          elementary-stream bytes received (video and audio)
 * @param lostPackets    RTP packets lost so far
 * @param codec          the video codec (H264, H265 ...) once known
 * @param file           the MP4 recording, absolute
 * @param recording      its name under {@code /api/recordings/}
 * @param recordedBytes  bytes written to the recording
 * @param durationMillis how much video the recording holds
 * @param viewers        pages watching it live
 * @param mimeType       what the pages are sent ({@code video/mp4; codecs="..."}), once known
 */
public record StreamView(
        String streamId, String callId, String deviceId, String channelId, String ssrc, String kind, String transport,
        String state, Instant startedAt, long frames, long bytes, long lostPackets, String codec, String file,
        String recording, long recordedBytes, long durationMillis, int viewers, String mimeType) {
}
