package io.github.gb28181.camel.sip.transport;

import java.nio.charset.StandardCharsets;

/**
 * What a datagram is, read from its bytes before anything parses it: a response or a request, the request's method,
 * the user part of its From URI (a GB/T 28181 device's id), whether it carries credentials, and whether a MESSAGE
 * answers one of the platform's queries. A few hundred bytes are scanned once; nothing else is allocated for a
 * datagram that is not a request. Whatever does not look like SIP is left for the parser to refuse.
 *
 * @param response   a status line ("SIP/2.0 200 OK"), not a request line
 * @param method     the request's method as written, or null for a response or something unreadable
 * @param fromUser   the From URI's user, or null when there is none
 * @param authorized the request carries an Authorization header (the second leg of a digest REGISTER)
 * @param answer     a MESSAGE whose MANSCDP document is a {@code <Response>}: a device answering a query (Catalog,
 *                   DeviceInfo...), not telling the platform something of its own (a keepalive, an alarm)
 */
record DatagramTriage(boolean response, String method, String fromUser, boolean authorized, boolean answer) {

    private static final int MAX_METHOD = 32;
    private static final int MAX_USER = 64;
    /** How far into a body its root element is looked for: past an XML declaration and a comment or two. */
    private static final int MAX_PROLOG = 256;
    private static final byte[] RESPONSE_ROOT = "Response".getBytes(StandardCharsets.US_ASCII);
    static final DatagramTriage UNREADABLE = new DatagramTriage(false, null, null, false, false);
    private static final DatagramTriage RESPONSE = new DatagramTriage(true, null, null, false, false);

    static DatagramTriage of(byte[] data, int length) {
        int i = 0;
        while (i < length && (data[i] == '\r' || data[i] == '\n')) {
            i++;
        }
        if (startsWith(data, i, length, "SIP/")) {
            return RESPONSE;
        }
        int methodStart = i;
        while (i < length && i - methodStart <= MAX_METHOD && data[i] > ' ') {
            i++;
        }
        if (i == methodStart || i >= length || data[i] != ' ') {
            return UNREADABLE;
        }
        String method = new String(data, methodStart, i - methodStart, StandardCharsets.US_ASCII);
        String fromUser = null;
        boolean authorized = false;
        int line = nextLine(data, i, length);
        while (line < length && data[line] != '\r' && data[line] != '\n') {
            if (data[line] != ' ' && data[line] != '\t') {
                int colon = nameEnd(data, line, length);
                if (colon > 0) {
                    if (isName(data, line, colon, "From") || isName(data, line, colon, "f")) {
                        fromUser = user(data, colon + 1, length);
                    } else if (isName(data, line, colon, "Authorization")) {
                        authorized = true;
                    }
                }
            }
            line = nextLine(data, line, length);
        }
        boolean answer = "MESSAGE".equals(method) && rootIsResponse(data, nextLine(data, line, length), length);
        return new DatagramTriage(false, method, fromUser, authorized, answer);
    }

    /**
     * Whether the XML document from {@code from} has {@code <Response>} for its root: the first element, after any
     * declaration, processing instruction or comment, that is within {@link #MAX_PROLOG} bytes.
     */
    private static boolean rootIsResponse(byte[] data, int from, int length) {
        int end = Math.min(length, from + MAX_PROLOG);
        for (int i = from; i < end - 1; i++) {
            if (data[i] == '<' && data[i + 1] != '?' && data[i + 1] != '!') {
                int name = i + 1;
                if (name + RESPONSE_ROOT.length >= length) {
                    return false;
                }
                for (int k = 0; k < RESPONSE_ROOT.length; k++) {
                    if (data[name + k] != RESPONSE_ROOT[k]) {
                        return false;
                    }
                }
                byte after = data[name + RESPONSE_ROOT.length];
                return after == '>' || after == ' ' || after == '\t' || after == '\r' || after == '\n' || after == '/';
            }
        }
        return false;
    }

    boolean isRegister() {
        return "REGISTER".equals(method);
    }

    /** The index just after the line break that ends the line holding {@code from}, or {@code length}. */
    private static int nextLine(byte[] data, int from, int length) {
        int i = from;
        while (i < length && data[i] != '\n') {
            i++;
        }
        return i + 1;
    }

    /** The index of the colon after a header name (and the spaces before it), or -1. */
    private static int nameEnd(byte[] data, int from, int length) {
        for (int i = from; i < length && i - from < 64; i++) {
            byte b = data[i];
            if (b == ':') {
                return i;
            }
            if (b == '\r' || b == '\n') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isName(byte[] data, int from, int colon, String name) {
        int end = colon;
        while (end > from && (data[end - 1] == ' ' || data[end - 1] == '\t')) {
            end--;
        }
        if (end - from != name.length()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            if (Character.toLowerCase((char) data[from + k]) != Character.toLowerCase(name.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** The user of the first sip: or sips: URI on the line, up to its {@code @}. */
    private static String user(byte[] data, int from, int length) {
        int i = from;
        while (i < length && data[i] != '\r' && data[i] != '\n') {
            if ((data[i] == ':') && i >= 3 && isScheme(data, i)) {
                int start = i + 1;
                int end = start;
                while (end < length && end - start <= MAX_USER) {
                    byte b = data[end];
                    if (b == '@') {
                        return end > start ? new String(data, start, end - start, StandardCharsets.UTF_8) : null;
                    }
                    if (b == ';' || b == '>' || b == ' ' || b == '\r' || b == '\n' || b == ':' && end > start) {
                        return null; // no user part: the URI is just a host
                    }
                    end++;
                }
                return null;
            }
            i++;
        }
        return null;
    }

    /** Whether the colon at {@code colon} ends "sip" or "sips". */
    private static boolean isScheme(byte[] data, int colon) {
        int start = colon - 3;
        if (colon >= 4 && (data[colon - 1] | 0x20) == 's') {
            start = colon - 4;
        }
        return (data[start] | 0x20) == 's' && (data[start + 1] | 0x20) == 'i' && (data[start + 2] | 0x20) == 'p';
    }

    private static boolean startsWith(byte[] data, int from, int length, String prefix) {
        if (length - from < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (data[from + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
