package io.github.gb28181.camel.media;

/**
 * Tells the media side which device and channel an SSRC belongs to. The signalling side announces the SSRC it wrote
 * into the INVITE's {@code y=} line, re-keys it when the device answers with a different one, and removes it at BYE;
 * the RTP receiver looks the SSRC up for every frame, so a session announced after the first packets still labels
 * the frames that follow. Implementations must be safe for concurrent use.
 */
public interface MediaSessionRegistry {

    /** Registers (or replaces) the session an SSRC belongs to. */
    void announce(long ssrc, MediaSessionInfo session);

    /** @return the session, or {@code null} when nobody announced this SSRC */
    MediaSessionInfo lookup(long ssrc);

    /** @return the session that was registered, or {@code null} */
    MediaSessionInfo remove(long ssrc);

    /**
     * Moves a session to the SSRC the device actually uses: devices may answer an INVITE with a {@code y=} value of
     * their own, and that is the SSRC in their RTP packets.
     *
     * @return {@code true} if a session was registered under {@code offeredSsrc}
     */
    boolean rekey(long offeredSsrc, long answeredSsrc);
}
