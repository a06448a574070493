package io.github.gb28181.camel.media.mp4;

import java.util.Locale;

/**
 * Which audio goes into the MP4. Browsers' Media Source Extensions play AAC in MP4 but not G.711, the codec most
 * GB/T 28181 cameras send; an MP4 file may carry G.711 for players such as ffmpeg, VLC and GStreamer.
 */
public enum AudioPolicy {
    /** AAC only: what a browser plays. G.711 and the other codecs are left out and counted. */
    AAC,
    /** AAC, and G.711 A-law and µ-law as {@code alaw}/{@code ulaw} tracks: for files, not for browsers. */
    ALL,
    /** Video only. */
    NONE;

    public static AudioPolicy fromValue(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
