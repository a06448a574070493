package io.github.gb28181.camel.sip.media;

import java.time.Instant;

import io.github.gb28181.camel.sdp.MediaTransportMode;
import io.github.gb28181.camel.sdp.SessionKind;

/**
 * A media session as it stands: the reply body of play, playback and download, and the body of SESSION_ENDED
 * events. Marshals to JSON as it is.
 *
 * @param sessionId       the INVITE dialog's Call-ID: name the session by it in pause, resume, speed, seek and bye
 * @param deviceId        the device streaming
 * @param channelId       the channel whose video it is
 * @param kind            LIVE, PLAYBACK or DOWNLOAD
 * @param ssrc            the SSRC the RTP carries: the one the device answered with, or ours when it kept it
 * @param offeredSsrc     the SSRC the platform offered in {@code y=}
 * @param mediaHost       where the platform receives the media
 * @param mediaPort       the port it receives on
 * @param transport       UDP, TCP_PASSIVE or TCP_ACTIVE
 * @param deviceMediaHost where the device sends from (TCP active: where the platform connects to)
 * @param deviceMediaPort the device's media port
 * @param state           ACTIVE, PAUSED or ENDED
 * @param scale           the playback speed last set (1.0 unless changed)
 * @param startedAt       when the device accepted the INVITE
 * @param endedAt         when the session ended, or null
 * @param endReason       why it ended (BYE_SENT, DEVICE_BYE, MEDIA_END, DEVICE_OFFLINE, SHUTDOWN), or null
 */
public record MediaSession(
        String sessionId, String deviceId, String channelId, SessionKind kind, String ssrc, String offeredSsrc,
        String mediaHost, int mediaPort, MediaTransportMode transport, String deviceMediaHost, int deviceMediaPort,
        State state, double scale, Instant startedAt, Instant endedAt, String endReason) {

    /** Where a session is in its life. */
    public enum State {
        ACTIVE,
        PAUSED,
        ENDED
    }
}
