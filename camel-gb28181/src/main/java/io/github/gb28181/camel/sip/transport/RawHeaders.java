package io.github.gb28181.camel.sip.transport;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Locale;

/**
 * Checks on a message's header block as written, for what jain-sip's parser accepts but RFC 3261 does not: a
 * second Content-Length, and a name-addr in From or To whose display name is neither a quoted string nor tokens.
 */
final class RawHeaders {

    private static final int MAX_HEAD = 64 * 1024;

    private RawHeaders() {
    }

    /** @return whether the message has a Max-Forwards header, parsable or not */
    static boolean check(byte[] message) throws ParseException {
        // every request passes here: the header block is read in place, and only a From or To value becomes a String
        int end = headerEnd(message);
        int contentLengths = 0;
        boolean maxForwards = false;
        int line = afterLineBreak(message, logicalLineEnd(message, 0, end), end);
        while (line < end) {
            int logicalEnd = logicalLineEnd(message, line, end);
            byte[] header = message;
            int from = line;
            int to = logicalEnd;
            if (lineEnd(message, line, end) != logicalEnd) {
                // RFC 3261 7.3.1: a folded header reads as one line (rare: only then is it copied)
                header = new String(message, line, logicalEnd - line, StandardCharsets.ISO_8859_1)
                        .replaceAll("\r?\n[ \t]+", " ").getBytes(StandardCharsets.ISO_8859_1);
                from = 0;
                to = header.length;
            }
            int colon = colon(header, from, to);
            switch (colon < 0 ? Name.OTHER : nameOf(header, from, colon)) {
                case CONTENT_LENGTH -> {
                    if (++contentLengths > 1) {
                        throw new ParseException("More than one Content-Length header", 0);
                    }
                }
                case ADDRESS -> {
                    String value = latin1(header, colon + 1, to).strip();
                    if (!displayNameWellFormed(value)) {
                        throw new ParseException("Malformed display name in "
                                                 + latin1(header, from, colon).strip().toLowerCase(Locale.ROOT)
                                                 + " header", 0);
                    }
                }
                case MAX_FORWARDS -> maxForwards = true;
                case OTHER -> {
                    // nothing to check
                }
            }
            line = afterLineBreak(message, logicalEnd, end);
        }
        return maxForwards;
    }

    private enum Name { CONTENT_LENGTH, ADDRESS, MAX_FORWARDS, OTHER }

    private static String latin1(byte[] m, int from, int to) {
        return new String(m, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The header's name, between {@code from} and its colon, as one of those checked. */
    private static Name nameOf(byte[] m, int from, int colon) {
        int a = from;
        int b = colon;
        while (a < b && Character.isWhitespace((char) (m[a] & 0xff))) {
            a++;
        }
        while (b > a && Character.isWhitespace((char) (m[b - 1] & 0xff))) {
            b--;
        }
        // the names checked are short: longer ones are other headers, passed without a String
        return b - a > LONGEST_NAME.length() ? Name.OTHER : classify(latin1(m, a, b).toLowerCase(Locale.ROOT));
    }

    private static final String LONGEST_NAME = "content-length";

    private static Name classify(String name) {
        return switch (name) {
            case LONGEST_NAME, "l" -> Name.CONTENT_LENGTH;
            case "from", "f", "to", "t" -> Name.ADDRESS;
            case "max-forwards" -> Name.MAX_FORWARDS;
            default -> Name.OTHER;
        };
    }

    /** A quoted display name must end, and an unquoted one before {@code <} must be tokens only. */
    static boolean displayNameWellFormed(String value) {
        if (value.startsWith("\"")) {
            for (int i = 1; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    return value.substring(i + 1).stripLeading().startsWith("<");
                }
            }
            return false;
        }
        int angle = value.indexOf('<');
        for (int i = 0; i < angle; i++) {
            if (!isTokenOrSpace(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** token characters (RFC 3261 25.1), the whitespace between tokens, and the UTF-8 bytes real devices write */
    private static boolean isTokenOrSpace(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 && c <= 0xff
               || ".!%*_+`'~- \t".indexOf(c) >= 0;
    }

    /** The end of the header block: its blank line, or what a header block may hold at most. */
    private static int headerEnd(byte[] message) {
        int end = Math.min(message.length, MAX_HEAD);
        for (int i = 0; i + 3 < end; i++) {
            if (message[i] == '\r' && message[i + 1] == '\n' && message[i + 2] == '\r' && message[i + 3] == '\n') {
                return i;
            }
        }
        return end;
    }

    /** Where the line starting at {@code from} ends: before its CRLF or LF, or at {@code end}. */
    private static int lineEnd(byte[] m, int from, int end) {
        for (int i = from; i < end; i++) {
            if (m[i] == '\n') {
                return i > from && m[i - 1] == '\r' ? i - 1 : i;
            }
        }
        return end;
    }

    private static int afterLineBreak(byte[] m, int lineEnd, int end) {
        if (lineEnd < end && m[lineEnd] == '\r') {
            lineEnd++;
        }
        return Math.min(end, lineEnd + 1);
    }

    /** Where the header starting at {@code from} ends, its continuation lines (starting with whitespace) included. */
    private static int logicalLineEnd(byte[] m, int from, int end) {
        int lineEnd = lineEnd(m, from, end);
        int next = afterLineBreak(m, lineEnd, end);
        while (lineEnd < end && next < end && (m[next] == ' ' || m[next] == '\t')) {
            lineEnd = lineEnd(m, next, end);
            next = afterLineBreak(m, lineEnd, end);
        }
        return lineEnd;
    }

    private static int colon(byte[] m, int from, int to) {
        for (int i = from; i < to; i++) {
            if (m[i] == ':') {
                return i;
            }
        }
        return -1;
    }
}
