package io.github.gb28181.camel.media;

/**
 * What the signalling side knows about the media session an SSRC belongs to.
 *
 * @param deviceId  the 20-digit id of the device sending the stream
 * @param channelId the 20-digit id of the channel (camera) the stream shows
 * @param sessionId the session's identity on the signalling side, typically the SIP Call-ID of the INVITE
 */
public record MediaSessionInfo(String deviceId, String channelId, String sessionId) {
}
