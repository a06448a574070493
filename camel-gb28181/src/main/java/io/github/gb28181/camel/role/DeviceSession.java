package io.github.gb28181.camel.role;

import io.github.gb28181.camel.sdp.MediaTransportMode;
import io.github.gb28181.camel.sdp.SessionKind;

/**
 * A media session a platform opened with a device played by a route: the body of the INVITE and BYE exchanges.
 * Frames sent to a gb28181-rtp producer with the header CamelGb28181SessionId set to {@code sessionId} go to the
 * platform.
 *
 * @param sessionId  the platform's Call-ID: the session's id
 * @param channelId  the channel asked for
 * @param kind       live, playback or download
 * @param remoteHost where the platform receives (not used when it connects to us)
 * @param remotePort its port
 * @param transport  how we send: UDP, TCP_ACTIVE (we connect), TCP_PASSIVE (we listen, it connects)
 * @param ssrc       the SSRC the platform asked for
 * @param startTime  playback and download: the start asked for, seconds since the epoch (0 for live)
 * @param endTime    playback and download: the end asked for
 */
public record DeviceSession(String sessionId, String channelId, SessionKind kind, String remoteHost, int remotePort,
        MediaTransportMode transport, String ssrc, long startTime, long endTime) {
}
