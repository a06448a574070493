package io.github.gb28181.camel.media.mp4;

import io.github.gb28181.camel.media.codec.MediaCodec;

/**
 * The tracks an init segment declares.
 *
 * @param videoCodec       H264 or H265
 * @param width            coded picture width, from the SPS
 * @param height           coded picture height
 * @param videoCodecString RFC 6381, for example {@code avc1.64001f} or {@code hvc1.1.6.L93.B0}
 * @param audioCodec       AAC, G711A, G711U, or {@code null} without audio
 * @param audioCodecString {@code mp4a.40.2}, {@code alaw}, {@code ulaw}, or {@code null}
 */
public record Fmp4Tracks(MediaCodec videoCodec, int width, int height, String videoCodecString, MediaCodec audioCodec,
                         String audioCodecString) {

    /** What {@code MediaSource.isTypeSupported} and {@code addSourceBuffer} take. */
    public String mimeType() {
        return "video/mp4; codecs=\"" + videoCodecString + (audioCodecString != null ? "," + audioCodecString : "")
               + "\"";
    }

    public boolean hasAudio() {
        return audioCodec != null;
    }
}
