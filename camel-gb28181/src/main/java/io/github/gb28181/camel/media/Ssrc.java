package io.github.gb28181.camel.media;

/**
 * GB/T 28181 writes the RTP SSRC into SDP as ten decimal digits ({@code y=0100000001}): the first digit says live
 * (0) or history (1), the next five are the domain digits, the last four a sequence. The value in the RTP header is
 * that same number as an unsigned 32-bit integer.
 */
public final class Ssrc {

    private static final long MAX = 0xFFFF_FFFFL;

    private Ssrc() {
    }

    /**
     * @param  text                     ten (or fewer) decimal digits as in a {@code y=} line, or {@code 0x} and hex
     * @throws IllegalArgumentException when it is not a 32-bit unsigned number
     */
    public static long parse(String text) {
        String s = text.trim();
        long value;
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                value = Long.parseLong(s.substring(2), 16);
            } else {
                value = Long.parseLong(s);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not an SSRC: " + text, e);
        }
        return check(value);
    }

    /** The ten-digit decimal form GB/T 28181 uses in SDP. */
    public static String format(long ssrc) {
        String digits = Long.toString(check(ssrc));
        return "0000000000".substring(digits.length()) + digits;
    }

    static long check(long ssrc) {
        if (ssrc < 0 || ssrc > MAX) {
            throw new IllegalArgumentException("SSRC out of range: " + ssrc);
        }
        return ssrc;
    }
}
