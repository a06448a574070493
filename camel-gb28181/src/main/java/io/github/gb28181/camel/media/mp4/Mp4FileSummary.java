package io.github.gb28181.camel.media.mp4;

/**
 * What a fragmented MP4 file holds, counted over its complete fragments (a moof followed by its whole mdat).
 *
 * @param bytes          the file's size
 * @param playableBytes  where the last complete fragment ends: a player reads the file up to here
 * @param fragments      complete fragments
 * @param videoFrames    video samples in them
 * @param keyFrames      of those, sync samples
 * @param audioFrames    audio samples in them
 * @param durationMillis the end of the last video sample (of the last audio sample, without video)
 * @param videoCodec     the video sample entry's type (avc1, hvc1 ...), or {@code null}
 * @param audioCodec     the audio sample entry's type (mp4a, alaw, ulaw ...), or {@code null}
 */
public record Mp4FileSummary(long bytes, long playableBytes, int fragments, long videoFrames, long keyFrames,
                             long audioFrames, long durationMillis, String videoCodec, String audioCodec) {

    /** Whether the file ends inside a fragment, as one cut by a crash does. */
    public boolean truncated() {
        return playableBytes < bytes;
    }
}
