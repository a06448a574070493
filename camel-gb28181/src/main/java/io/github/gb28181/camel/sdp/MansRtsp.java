package io.github.gb28181.camel.sdp;

import java.util.Locale;

/**
 * The MANSRTSP bodies of the INFO requests that steer playback, byte for byte as in the seed capture: CRLF after
 * every line, no empty line at the end, scale with six decimals.
 */
public final class MansRtsp {

    private static final String CRLF = "\r\n";

    private MansRtsp() {
    }

    public static String pause(int cseq) {
        return "PAUSE RTSP/1.0" + CRLF + "CSeq: " + cseq + CRLF + "PauseTime: 0" + CRLF;
    }

    /** Play on at the current scale, from where it paused. */
    public static String resume(int cseq, double scale) {
        return "PLAY RTSP/1.0" + CRLF + "CSeq: " + cseq + CRLF + "Scale: " + scale(scale) + CRLF + "Range: npt=0-"
               + CRLF;
    }

    /** Change the playback speed: 0.25 to 8, negative to play backwards. */
    public static String speed(int cseq, double scale) {
        return "PLAY RTSP/1.0" + CRLF + "CSeq: " + cseq + CRLF + "Scale: " + scale(scale) + CRLF;
    }

    /** Jump to {@code seconds} after the start of the requested range, keeping the scale. */
    public static String seek(int cseq, double scale, long seconds) {
        return "PLAY RTSP/1.0" + CRLF + "CSeq: " + cseq + CRLF + "Scale: " + scale(scale) + CRLF + "Range: npt="
               + seconds + "-" + CRLF;
    }

    private static String scale(double scale) {
        return String.format(Locale.ROOT, "%.6f", scale);
    }
}
