package io.github.gb28181.camel.media.mp4;

/**
 * One piece of a fragmented MP4 stream: the init segment (ftyp + moov) or a media fragment (moof + mdat). Writing the
 * segments of a stream one after the other gives a playable MP4 file; Media Source Extensions take them one by one.
 *
 * @param type           INIT or FRAGMENT
 * @param data           the bytes; handed over, never touched again by the muxer, so they may be shared
 * @param sequence       the fragment's sequence number (mfhd), from 1; 0 for an init segment
 * @param keyFrame       whether the fragment's first video sample is a key frame (a decoder can start there)
 * @param startMillis    the decode time of the fragment's first video sample (first audio sample when it has no
 *                       video), milliseconds from the start of the stream
 * @param durationMillis how long the fragment's video lasts
 * @param videoFrames    video samples in the fragment
 * @param audioFrames    audio samples in the fragment
 * @param tracks         the tracks of the init segment in effect
 * @param durationOffset for an init segment: where in {@code data} the 64-bit movie duration (mehd, milliseconds)
 *                       is, zero while live; a file writer may fill it in when the stream ends. -1 for fragments
 */
public record Fmp4Segment(Type type, byte[] data, long sequence, boolean keyFrame, long startMillis,
                          long durationMillis, int videoFrames, int audioFrames, Fmp4Tracks tracks,
                          int durationOffset) {

    public enum Type {
        INIT,
        FRAGMENT
    }

    public boolean isInit() {
        return type == Type.INIT;
    }

    @Override
    public String toString() {
        return isInit() ? "Fmp4Segment[INIT " + tracks.mimeType() + ", " + data.length + " bytes]"
                : "Fmp4Segment[#" + sequence + (keyFrame ? " key" : "") + ", " + videoFrames + " video, " + audioFrames
                  + " audio, at " + startMillis + " ms, " + durationMillis + " ms, " + data.length + " bytes]";
    }
}
