package io.github.gb28181.camel.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SIP message as text, parsed just enough for tests to look at it: start line, headers, body bytes. Independent
 * of jain-sip on purpose, so tests check the wire, not the stack's own view of it.
 */
public final class SipText {

    private final String startLine;
    private final List<String[]> headers;
    private final byte[] body;

    private SipText(String startLine, List<String[]> headers, byte[] body) {
        this.startLine = startLine;
        this.headers = headers;
        this.body = body;
    }

    /** Parses one message; bytes after the header block are the body, whatever Content-Length says. */
    public static SipText parse(byte[] bytes, int length) {
        int headerEnd = indexOf(bytes, length, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        int bodyStart = headerEnd < 0 ? length : headerEnd + 4;
        String head = new String(bytes, 0, headerEnd < 0 ? length : headerEnd, StandardCharsets.UTF_8);
        String[] lines = head.split("\r\n");
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new String[] { lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim() });
            }
        }
        byte[] body = new byte[length - bodyStart];
        System.arraycopy(bytes, bodyStart, body, 0, body.length);
        return new SipText(lines[0], headers, body);
    }

    static int indexOf(byte[] data, int length, byte[] pattern) {
        outer:
        for (int i = 0; i <= length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public String startLine() {
        return startLine;
    }

    public boolean isResponse() {
        return startLine.startsWith("SIP/2.0 ");
    }

    public int status() {
        return isResponse() ? Integer.parseInt(startLine.substring(8, 11)) : -1;
    }

    public String method() {
        return isResponse() ? header("CSeq").replaceAll("^\\d+\\s+", "") : startLine.substring(0, startLine.indexOf(' '));
    }

    public String requestUri() {
        return startLine.split(" ")[1];
    }

    /** The first header of that name (case-insensitive, compact forms i, f, t, v, m, l, c understood). */
    public String header(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (String[] h : headers) {
            String n = h[0].toLowerCase(Locale.ROOT);
            if (n.equals(wanted) || n.equals(compact(wanted))) {
                return h[1];
            }
        }
        return null;
    }

    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                values.add(h[1]);
            }
        }
        return values;
    }

    private static String compact(String name) {
        return switch (name) {
            case "call-id" -> "i";
            case "from" -> "f";
            case "to" -> "t";
            case "via" -> "v";
            case "contact" -> "m";
            case "content-length" -> "l";
            case "content-type" -> "c";
            default -> name;
        };
    }

    /** A parameter of a header: {@code param("WWW-Authenticate", "nonce")}. */
    public String param(String header, String param) {
        String value = header(header);
        if (value == null) {
            return null;
        }
        Matcher m = Pattern.compile("(?i)(?:^|[\\s,;])" + Pattern.quote(param) + "=(\"([^\"]*)\"|[^,;\\s]*)").matcher(value);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(startLine).append("\r\n");
        headers.forEach(h -> sb.append(h[0]).append(": ").append(h[1]).append("\r\n"));
        return sb.append("\r\n").append(bodyText()).toString();
    }
}
