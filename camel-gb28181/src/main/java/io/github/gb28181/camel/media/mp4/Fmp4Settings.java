package io.github.gb28181.camel.media.mp4;

/**
 * How a {@link Fmp4Muxer} cuts and what it carries.
 *
 * @param fragment        a fragment per GOP or per frame
 * @param audio           which audio codecs get a track
 * @param audioWaitMillis how long of video the init segment waits for audio to show up, so the audio track can be
 *                        declared: a camera interleaves its audio with every picture, so it is there within a frame
 *                        or two; audio first seen later is left out (MSE cannot add a track to a running stream)
 */
public record Fmp4Settings(FragmentMode fragment, AudioPolicy audio, long audioWaitMillis) {

    public static final long DEFAULT_AUDIO_WAIT_MILLIS = 500;

    public Fmp4Settings {
        if (fragment == null || audio == null) {
            throw new IllegalArgumentException("fragment and audio are required");
        }
        if (audioWaitMillis < 0) {
            throw new IllegalArgumentException("audioWaitMillis must not be negative");
        }
    }

    public static Fmp4Settings of(FragmentMode fragment, AudioPolicy audio) {
        return new Fmp4Settings(fragment, audio, DEFAULT_AUDIO_WAIT_MILLIS);
    }
}
