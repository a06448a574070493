package io.github.gb28181.camel.sip.transport;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A response written straight from a request's bytes, with no parser, no transaction and no state: what a server
 * answers when it cannot afford to do more (RFC 3261 8.2.6, RFC 7339's 503). It copies Via (marking the top one with
 * where the request came from), From, To (with a tag of its own), Call-ID and CSeq, and goes where RFC 3261 18.2.2
 * sends a response over UDP.
 *
 * @param bytes       the response
 * @param destination where it goes
 */
record StatelessReply(byte[] bytes, InetSocketAddress destination) {

    // compiled once: in a storm the reader writes thousands of these a second, and String's regex methods compile anew
    private static final Pattern FOLDED = Pattern.compile("\r?\n[ \t]+");
    private static final Pattern LINE_END = Pattern.compile("\r?\n");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /**
     * @return the response, or null when the request lacks what a response must copy (then nothing can be sent)
     */
    static StatelessReply of(byte[] data, int length, InetSocketAddress source, int status, String reason,
                             String extraHeader) {
        String head = head(data, length);
        StringBuilder out = new StringBuilder(512).append("SIP/2.0 ").append(status).append(' ').append(reason)
                .append("\r\n");
        boolean topVia = true;
        int copied = 0;
        int viaPort = -1;
        boolean rport = false;
        String[] lines = LINE_END.split(FOLDED.matcher(head).replaceAll(" "));
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (name) {
                case "via", "v" -> {
                    if (topVia) {
                        topVia = false;
                        int comma = value.indexOf(',');
                        String first = comma < 0 ? value : value.substring(0, comma);
                        String rest = comma < 0 ? "" : value.substring(comma);
                        rport = hasParameter(first, "rport");
                        viaPort = sentByPort(first);
                        value = marked(first, source) + rest;
                        copied |= 1;
                    }
                    out.append("Via: ").append(value).append("\r\n");
                }
                case "from", "f" -> {
                    out.append("From: ").append(value).append("\r\n");
                    copied |= 2;
                }
                case "to", "t" -> {
                    out.append("To: ").append(value);
                    if (!hasParameter(value, "tag")) {
                        out.append(";tag=").append(Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
                    }
                    out.append("\r\n");
                    copied |= 4;
                }
                case "call-id", "i" -> {
                    out.append("Call-ID: ").append(value).append("\r\n");
                    copied |= 8;
                }
                case "cseq" -> {
                    out.append("CSeq: ").append(value).append("\r\n");
                    copied |= 16;
                }
                default -> {
                    // not part of a response
                }
            }
        }
        if (copied != 31) {
            return null;
        }
        if (extraHeader != null) {
            out.append(extraHeader).append("\r\n");
        }
        out.append("Content-Length: 0\r\n\r\n");
        int port = rport || viaPort < 0 ? source.getPort() : viaPort;
        return new StatelessReply(out.toString().getBytes(StandardCharsets.UTF_8),
                new InetSocketAddress(source.getAddress(), port));
    }

    private static String head(byte[] data, int length) {
        int end = length;
        for (int i = 0; i + 3 < length; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n') {
                end = i;
                break;
            }
        }
        return new String(data, 0, end, StandardCharsets.UTF_8);
    }

    /** The top Via with received= and a filled-in rport, as the request's receiver must add them (RFC 3581). */
    private static String marked(String via, InetSocketAddress source) {
        StringBuilder out = new StringBuilder(via.length() + 40);
        String[] parts = via.split(";");
        out.append(parts[0].strip());
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            String key = parameter.toLowerCase(Locale.ROOT);
            if (key.equals("rport")) {
                out.append(";rport=").append(source.getPort());
            } else if (!key.startsWith("received=") && !key.startsWith("rport=")) {
                out.append(';').append(parameter);
            } else if (key.startsWith("rport=")) {
                out.append(";rport=").append(source.getPort());
            }
        }
        return out.append(";received=").append(source.getAddress().getHostAddress()).toString();
    }

    private static boolean hasParameter(String value, String parameter) {
        for (String part : value.split(";")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.equals(parameter) || p.startsWith(parameter + "=")) {
                return true;
            }
        }
        return false;
    }

    /** The port of Via's sent-by, or -1 when it names none. */
    private static int sentByPort(String via) {
        String[] words = WHITESPACE.split(via.split(";")[0].strip());
        String sentBy = words[words.length - 1];
        int bracket = sentBy.lastIndexOf(']');
        int colon = sentBy.lastIndexOf(':');
        if (colon < 0 || colon < bracket) {
            return -1;
        }
        try {
            return Integer.parseInt(sentBy.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
