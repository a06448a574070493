package io.github.gb28181.camel.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The committed media samples and the frame counts ffprobe gave for them (src/test/resources/media).
 */
public final class Samples {

    public static final String H264_FFMPEG_E2 = "h264-ffmpeg-e2.ps";
    public static final String H264_FFMPEG_MPEG1 = "h264-ffmpeg-mpeg1.ps";
    public static final String H265_FFMPEG_E0 = "h265-ffmpeg-e0.ps";
    public static final String H264_GST_PSM = "h264-gst-psm.ps";
    public static final String H264_AAC_GST_PSM = "h264-aac-gst-psm.ps";
    public static final String H264_AUD = "h264-aud.h264";
    public static final String H265_AUD = "h265-aud.h265";
    public static final String G711A = "g711a-8k.alaw";

    private static final Properties COUNTS = new Properties();

    static {
        try (InputStream in = Samples.class.getResourceAsStream("/media/samples.properties")) {
            COUNTS.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Samples() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/media/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The video frames ffprobe counted when the sample was made. */
    public static int videoFrames(String name) {
        return Integer.parseInt(COUNTS.getProperty(name + ".video"));
    }

    /** The key frames ffprobe counted when the sample was made. */
    public static int keyFrames(String name) {
        return Integer.parseInt(COUNTS.getProperty(name + ".keyframes"));
    }

    /** The audio frames ffprobe counted when the sample was made. */
    public static int audioFrames(String name) {
        return Integer.parseInt(COUNTS.getProperty(name + ".audio"));
    }
}
