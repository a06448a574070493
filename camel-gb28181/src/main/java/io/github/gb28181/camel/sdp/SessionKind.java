package io.github.gb28181.camel.sdp;

/**
 * What a media session carries, with the SDP session name GB/T 28181 gives it.
 */
public enum SessionKind {
    LIVE("Play"),
    PLAYBACK("Playback"),
    DOWNLOAD("Download"),
    /** A voice broadcast: the device INVITEs the platform for the audio it will play. */
    BROADCAST("Play");

    private final String sdpName;

    SessionKind(String sdpName) {
        this.sdpName = sdpName;
    }

    public String sdpName() {
        return sdpName;
    }

    /** Live video has SSRCs starting with 0; recorded video (playback, download) with 1. */
    public boolean isHistory() {
        return this != LIVE;
    }
}
