package io.github.gb28181.camel.sip.transport;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks on a message's header block as written, for what jain-sip's parser accepts but RFC 3261 does not: a
 * second Content-Length, and a name-addr in From or To whose display name is neither a quoted string nor tokens.
 */
final class RawHeaders {

    /** token characters (RFC 3261 25.1), the whitespace between tokens, and the UTF-8 bytes real devices write */
    private static final Pattern TOKENS = Pattern.compile("[A-Za-z0-9.!%*_+`'~\\- \\t\\u0080-\\u00ff]*");
    private static final int MAX_HEAD = 64 * 1024;

    private RawHeaders() {
    }

    /** @return whether the message has a Max-Forwards header, parsable or not */
    static boolean check(byte[] message) throws ParseException {
        int contentLengths = 0;
        boolean maxForwards = false;
        for (String line : unfoldedHeaderLines(message)) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (name) {
                case "content-length", "l" -> {
                    if (++contentLengths > 1) {
                        throw new ParseException("More than one Content-Length header", 0);
                    }
                }
                case "from", "f", "to", "t" -> {
                    if (!displayNameWellFormed(value)) {
                        throw new ParseException("Malformed display name in " + name + " header", 0);
                    }
                }
                case "max-forwards" -> maxForwards = true;
                default -> {
                    // nothing to check
                }
            }
        }
        return maxForwards;
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
        return angle < 0 || TOKENS.matcher(value.substring(0, angle)).matches();
    }

    private static String[] unfoldedHeaderLines(byte[] message) {
        int end = Math.min(message.length, MAX_HEAD);
        for (int i = 0; i + 3 < end; i++) {
            if (message[i] == '\r' && message[i + 1] == '\n' && message[i + 2] == '\r' && message[i + 3] == '\n') {
                end = i;
                break;
            }
        }
        String head = new String(message, 0, end, StandardCharsets.ISO_8859_1);
        // RFC 3261 7.3.1: a line starting with whitespace continues the previous one; the first line is the start line
        String[] lines = head.replaceAll("\r?\n[ \t]+", " ").split("\r?\n");
        String[] headers = new String[Math.max(0, lines.length - 1)];
        System.arraycopy(lines, Math.min(1, lines.length), headers, 0, headers.length);
        return headers;
    }
}
