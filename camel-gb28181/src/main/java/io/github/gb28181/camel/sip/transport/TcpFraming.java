package io.github.gb28181.camel.sip.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Frames a SIP byte stream over TCP as jain-sip's NIO parser does (lines up to an empty one, then Content-Length
 * bytes), one step ahead of it, for two things that parser gets wrong:
 * <ul>
 * <li>it allocates the declared body as soon as the headers end, so {@code Content-Length: 2147483647} threw an
 * OutOfMemoryError that killed the selector thread and with it every TCP connection of the server. Header lines are
 * held here until their block is complete, and a message declaring more than the size limit never reaches the
 * parser; nor does a block cut off by the end of the connection, which the parser would otherwise finish with a
 * blank line of its own and dispatch;</li>
 * <li>it only knows the long forms of the two headers it reads itself: the compact {@code l:} (RFC 3261 7.3.3) left
 * the body to be read as the next message, and a message with {@code i:} for its Call-ID was dropped. Such lines are
 * handed on in the long form;</li>
 * <li>it keeps the Content-Length of one message for the next when that one declares none (the pipelined parser never
 * resets it): a message without a body after one with a body took the start of the following messages as its body,
 * and the parser then read headers where this class saw a body, a Content-Length beyond the limit among them. A
 * block that declares no length is handed on with {@code Content-Length: 0}, the length it is framed with here.</li>
 * </ul>
 * Once the parser is bound to fail on the stream (an unreadable Content-Length, headers beyond the limit), it closes
 * the connection itself, and this class stops looking. Not thread-safe: one per connection.
 */
final class TcpFraming {

    /** A message declared a body larger than the limit; the stream cannot go on. */
    static final class Oversized extends Exception {
        private final transient byte[] passed;
        private final String head;

        Oversized(byte[] passed, String head, long declared) {
            super("Content-Length " + declared + " exceeds the limit", null, false, false);
            this.passed = passed;
            this.head = head;
        }

        /** What of the input the parser may still have: the messages before this one. */
        byte[] passed() {
            return passed;
        }

        /** The offending message's header block, to answer it. */
        String head() {
            return head;
        }
    }

    private static final String CONTENT_LENGTH = "content-length";
    private static final byte[] NO_BODY = "Content-Length: 0\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final int maxMessageSize;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private boolean leadingCr;
    private boolean lineHasText;
    private long bodyLeft;
    private long contentLength;
    private boolean declaredLength;
    private boolean gaveUp;
    private long completed;

    TcpFraming(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    /** Whether a message has begun and not ended: a partial line, held headers, or body bytes still due. */
    boolean midMessage() {
        return !gaveUp && (line.size() > 0 || held.size() > 0 || bodyLeft > 0);
    }

    /** Messages whose headers and body have all passed, so far. */
    long completed() {
        return completed;
    }

    /** The bytes to hand to jain-sip's parser now, for {@code in} and what came before it. */
    byte[] next(byte[] in) throws Oversized {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 16);
        int i = 0;
        while (i < in.length && !gaveUp) {
            if (bodyLeft > 0) {
                int n = (int) Math.min(bodyLeft, in.length - i);
                out.write(in, i, n);
                i += n;
                bodyLeft -= n;
                if (bodyLeft == 0) {
                    completed++;
                }
                continue;
            }
            byte b = in[i++];
            line.write(b);
            if (b == '\r') {
                leadingCr |= !lineHasText;
            } else if (b != '\n') {
                lineHasText = true;
            } else if (endOfLine(out)) {
                throw new Oversized(out.toByteArray(), held.toString(StandardCharsets.ISO_8859_1), contentLength);
            }
            if (line.size() + held.size() > maxMessageSize) {
                gaveUp = true; // the parser fails on this message itself and closes the connection
            }
        }
        if (gaveUp) {
            out.writeBytes(held.toByteArray());
            out.writeBytes(line.toByteArray());
            held.reset();
            line.reset();
            out.write(in, i, in.length - i);
        }
        return out.toByteArray();
    }

    /** @return true when the line ended the headers of a message that declares too large a body */
    private boolean endOfLine(ByteArrayOutputStream out) {
        // the parser drops every \r and takes a line of a single \r\n as the empty one
        boolean empty = !lineHasText && leadingCr;
        String text = line.toString(StandardCharsets.ISO_8859_1);
        line.reset();
        leadingCr = false;
        lineHasText = false;
        if (!empty) {
            String forwarded = longForm(text);
            held.writeBytes(forwarded.getBytes(StandardCharsets.ISO_8859_1));
            // what the parser makes of each such line: Integer.parseInt(line.substring(15).trim())
            String seen = forwarded.replace("\r", "").toLowerCase(Locale.ROOT);
            if (seen.startsWith(CONTENT_LENGTH)) {
                try {
                    contentLength = Integer.parseInt(seen.substring(CONTENT_LENGTH.length() + 1).trim());
                    declaredLength = true;
                } catch (RuntimeException e) {
                    gaveUp = true; // the parser throws on this line and closes the connection
                }
            }
            return false;
        }
        if (held.size() > 0) {
            if (contentLength > maxMessageSize) {
                return true;
            }
            if (!declaredLength) {
                held.writeBytes(NO_BODY);
            }
            out.writeBytes(held.toByteArray());
            held.reset();
            bodyLeft = Math.max(contentLength, 0);
            contentLength = 0;
            declaredLength = false;
            if (bodyLeft == 0) {
                completed++;
            }
        }
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1)); // or a keep-alive CRLF between messages
        return false;
    }

    /**
     * {@code l: 12} and {@code Content-Length : 12} as {@code Content-Length: 12}, {@code i: x} as {@code Call-ID: x}:
     * the two headers the parser reads itself, by their long names (a message without a Call-ID it can see, it
     * drops). Other lines unchanged.
     */
    private static String longForm(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return text;
        }
        String name = text.substring(0, colon).strip();
        String value = text.substring(colon + 1).strip();
        if (name.equalsIgnoreCase("l") || name.equalsIgnoreCase(CONTENT_LENGTH)) {
            return value.matches("\\d{1,18}") ? "Content-Length: " + value + "\r\n" : text;
        }
        if (name.equalsIgnoreCase("i") && !value.isEmpty()) {
            return "Call-ID: " + value + "\r\n";
        }
        return text;
    }
}
