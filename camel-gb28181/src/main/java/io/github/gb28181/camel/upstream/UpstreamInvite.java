package io.github.gb28181.camel.upstream;

/**
 * An upper platform's INVITE for one of our channels.
 *
 * @param upstream  which upper platform asks (its configured name)
 * @param sessionId the INVITE's Call-ID: the session's id on both sides of us
 * @param channelId the channel it wants (the Request-URI's user)
 * @param subject   the Subject header (channel:SSRC,receiver:0), or null
 * @param sdp       its SDP offer: where the media goes, over what, with which SSRC, for when
 */
public record UpstreamInvite(String upstream, String sessionId, String channelId, String subject, String sdp) {
}
