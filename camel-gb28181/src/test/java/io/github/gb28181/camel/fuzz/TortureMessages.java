package io.github.gb28181.camel.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * SIP torture messages in the spirit of RFC 4475, written here from its descriptions (not copied from it) and aimed
 * at this platform: a device id in From, the platform id in the Request-URI, MANSCDP where a body is wanted.
 * <p>
 * Each case says which answers are right for it: a {@code 0} in the set means the server may also drop the message
 * without a word (and count it), which is what a stack does when it cannot even tell where to answer.
 */
public final class TortureMessages {

    /** A case: the message, and the statuses that are a correct answer to it (0: no answer). */
    public record Case(String name, byte[] message, Set<Integer> expected) {
    }

    private static final String PLATFORM = "34020000002000000001";
    private static final String DEVICE = "34020000001320000077";
    private static final String KEEPALIVE = "<?xml version=\"1.0\"?>\r\n<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n"
                                            + "<SN>1</SN>\r\n<DeviceID>" + DEVICE + "</DeviceID>\r\n<Status>OK</Status>\r\n"
                                            + "</Notify>\r\n";
    /** Not registered, so an otherwise good MESSAGE is refused. */
    private static final Set<Integer> FORBIDDEN = Set.of(403);
    private static final Set<Integer> BAD = Set.of(400, 0);

    private final String transport;
    private final String client;
    private final String server;

    /**
     * @param transport  UDP or TCP, for Via
     * @param clientPort where answers should go
     * @param serverPort the platform
     */
    public TortureMessages(String transport, int clientPort, int serverPort) {
        this.transport = transport;
        this.client = "127.0.0.1:" + clientPort;
        this.server = "127.0.0.1:" + serverPort;
    }

    /** Every case, by name, each with a Call-ID and branch of its own. */
    public Map<String, Case> all() {
        Map<String, Case> cases = new LinkedHashMap<>();
        // --- well-formed, if unusual: the server must understand them
        add(cases, "compact-forms-folding-and-odd-whitespace", Set.of(403),
                "MESSAGE sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                + "v:  SIP/2.0/" + transport + "   " + client + "  ;  rport ; branch=z9hG4bK{id}\r\n"
                + "f  :\t<sip:" + DEVICE + "@3402000000>\r\n   ;tag=fold{id}\r\n"
                + "t: <sip:" + PLATFORM + "@3402000000>\r\n"
                + "i: {id}@torture\r\n"
                + "cSeQ:\r\n  8\r\n  MESSAGE\r\n"
                + "mAX-fORWARDS: 0070\r\n"
                + "c: Application/MANSCDP+xml\r\n"
                + "l: {length}\r\n\r\n", KEEPALIVE);
        add(cases, "unknown-method", Set.of(405),
                "NEWMETHOD-!.%*_+`'~ sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                + head("NEWMETHOD-!.%*_+`'~") + "Content-Length: 0\r\n\r\n", null);
        add(cases, "escaped-request-uri", Set.of(200),
                "OPTIONS sip:%33%34%30%32@" + server + ";lr;x=%41%42 SIP/2.0\r\n" + head("OPTIONS")
                + "Content-Length: 0\r\n\r\n", null);
        add(cases, "escaped-nul-in-user", Set.of(200, 400),
                "OPTIONS sip:null-%00-null@" + server + " SIP/2.0\r\n" + head("OPTIONS") + "Content-Length: 0\r\n\r\n",
                null);
        add(cases, "no-space-before-laquo", Set.of(403),
                "MESSAGE sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                + head("MESSAGE").replace("From: <sip:", "From: \"device\"<sip:")
                + "Content-Type: Application/MANSCDP+xml\r\nContent-Length: {length}\r\n\r\n", KEEPALIVE);
        add(cases, "long-values-and-many-vias", Set.of(200, 400, 0), longValues(), null);
        add(cases, "semicolons-in-uris", Set.of(200),
                "OPTIONS sip:" + PLATFORM + ";a=b;c@" + server + ";maddr=127.0.0.1 SIP/2.0\r\n" + head("OPTIONS")
                + "Content-Length: 0\r\n\r\n", null);
        add(cases, "unknown-via-transport", Set.of(200, 400, 0),
                "OPTIONS sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                + head("OPTIONS").replace("SIP/2.0/" + transport + " ", "SIP/2.0/NOSUCH ")
                + "Content-Length: 0\r\n\r\n", null);
        add(cases, "multipart-body", Set.of(400, 415),
                "MESSAGE sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n" + head("MESSAGE")
                + "Content-Type: multipart/mixed;boundary=xx\r\nContent-Length: {length}\r\n\r\n",
                "--xx\r\nContent-Type: Application/MANSCDP+xml\r\n\r\n" + KEEPALIVE + "\r\n--xx--\r\n");
        add(cases, "response-with-odd-reason", Set.of(0),
                "SIP/2.0 200 \u00e2\u0080\u009cOK\u00e2\u0080\u009d \t and   then some\r\n" + head("OPTIONS")
                + "Content-Length: 0\r\n\r\n", null);
        add(cases, "response-without-reason", Set.of(0),
                "SIP/2.0 200\r\n" + head("OPTIONS") + "Content-Length: 0\r\n\r\n", null);
        add(cases, "max-forwards-zero", Set.of(483, 200),
                "OPTIONS sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                + head("OPTIONS").replace("Max-Forwards: 70", "Max-Forwards: 0") + "Content-Length: 0\r\n\r\n", null);
        add(cases, "unsupported-content-type", Set.of(415),
                "MESSAGE sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n" + head("MESSAGE")
                + "Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello", null);
        add(cases, "manscdp-billion-laughs", Set.of(400),
                "MESSAGE sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n" + head("MESSAGE")
                + "Content-Type: Application/MANSCDP+xml\r\nContent-Length: {length}\r\n\r\n",
                new String(HostileXml.all().get("billion-laughs"), StandardCharsets.ISO_8859_1));
        // --- malformed: 400, or dropped when there is no telling who sent it
        add(cases, "cseq-method-mismatch", BAD,
                "MESSAGE sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                + head("MESSAGE").replace("CSeq: 1 MESSAGE", "CSeq: 1 INVITE")
                + "Content-Type: Application/MANSCDP+xml\r\nContent-Length: {length}\r\n\r\n", KEEPALIVE);
        add(cases, "unknown-method-in-cseq", BAD,
                "OPTIONS sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                + head("OPTIONS").replace("CSeq: 1 OPTIONS", "CSeq: 1 ZZZ") + "Content-Length: 0\r\n\r\n", null);
        add(cases, "cseq-beyond-2^32", BAD,
                "OPTIONS sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                + head("OPTIONS").replace("CSeq: 1 OPTIONS", "CSeq: 36893488147419103232 OPTIONS")
                + "Content-Length: 0\r\n\r\n", null);
        add(cases, "max-forwards-beyond-255", BAD,
                "OPTIONS sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                + head("OPTIONS").replace("Max-Forwards: 70", "Max-Forwards: 300000000000") + "Content-Length: 0\r\n\r\n",
                null);
        add(cases, "expires-negative", Set.of(400),
                "REGISTER sip:" + PLATFORM + "@3402000000 SIP/2.0\r\n" + head("REGISTER")
                + "Contact: <sip:" + DEVICE + "@" + client + ">\r\nExpires: -1\r\nContent-Length: 0\r\n\r\n", null);
        add(cases, "expires-huge", Set.of(400),
                "REGISTER sip:" + PLATFORM + "@3402000000 SIP/2.0\r\n" + head("REGISTER")
                + "Contact: <sip:" + DEVICE + "@" + client + ">\r\nExpires: 99999999999999999999\r\n"
                + "Content-Length: 0\r\n\r\n", null);
        add(cases, "content-length-negative", BAD,
                "MESSAGE sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n" + head("MESSAGE")
                + "Content-Type: Application/MANSCDP+xml\r\nContent-Length: -999\r\n\r\n" + KEEPALIVE, null);
        add(cases, "content-length-huge", Set.of(403, 413),
                "MESSAGE sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n" + head("MESSAGE")
                + "Content-Type: Application/MANSCDP+xml\r\nContent-Length: 2147483647\r\n\r\n" + KEEPALIVE, null);
        add(cases, "content-length-beyond-int", BAD,
                "MESSAGE sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n" + head("MESSAGE")
                + "Content-Type: Application/MANSCDP+xml\r\nContent-Length: 99999999999999999999\r\n\r\n" + KEEPALIVE,
                null);
        add(cases, "content-length-twice", "TCP".equals(transport) ? BAD : Set.of(400),
                "MESSAGE sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n" + head("MESSAGE")
                + "Content-Type: Application/MANSCDP+xml\r\nContent-Length: {length}\r\nContent-Length: 5\r\n\r\n",
                KEEPALIVE);
        add(cases, "space-in-request-uri", BAD,
                "OPTIONS sip:" + PLATFORM + "@" + server + "; a = b SIP/2.0\r\n" + head("OPTIONS")
                + "Content-Length: 0\r\n\r\n", null);
        add(cases, "request-uri-in-angle-brackets", BAD,
                "OPTIONS <sip:" + PLATFORM + "@" + server + "> SIP/2.0\r\n" + head("OPTIONS") + "Content-Length: 0\r\n\r\n",
                null);
        add(cases, "unterminated-quote-in-from", BAD,
                "OPTIONS sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                + head("OPTIONS").replace("From: <sip:", "From: \"never ends <sip:") + "Content-Length: 0\r\n\r\n",
                null);
        add(cases, "unknown-scheme-request-uri", Set.of(416),
                "OPTIONS nosuch:" + PLATFORM + "@" + server + " SIP/2.0\r\n" + head("OPTIONS") + "Content-Length: 0\r\n\r\n",
                null);
        add(cases, "unknown-scheme-in-from", Set.of(400, 403),
                "MESSAGE sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                + head("MESSAGE").replace("From: <sip:" + DEVICE + "@3402000000>", "From: <nosuch.scheme://" + DEVICE + ">")
                + "Content-Type: Application/MANSCDP+xml\r\nContent-Length: {length}\r\n\r\n", KEEPALIVE);
        add(cases, "sip-version-7", Set.of(505),
                "OPTIONS sip:" + PLATFORM + "@" + server + " SIP/7.0\r\n" + head("OPTIONS") + "Content-Length: 0\r\n\r\n",
                null);
        add(cases, "bad-via", BAD,
                "OPTIONS sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                + head("OPTIONS").replace("Via: SIP/2.0/" + transport + " " + client, "Via: SIP/2.0 /" + transport
                                                                                      + " 127.0.0.1:99999;;;")
                + "Content-Length: 0\r\n\r\n", null);
        for (String header : new String[] {"Via", "From", "To", "Call-ID", "CSeq"}) {
            add(cases, "missing-" + header.toLowerCase(), BAD,
                    "OPTIONS sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                    + head("OPTIONS").replaceAll("(?m)^" + header + ":[^\r]*\r\n", "") + "Content-Length: 0\r\n\r\n",
                    null);
        }
        add(cases, "nothing-but-a-request-line", BAD, "OPTIONS sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n\r\n",
                null);
        add(cases, "nul-in-header", BAD,
                "OPTIONS sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                + head("OPTIONS").replace("Call-ID: ", "Call-ID: \0") + "Content-Length: 0\r\n\r\n", null);
        add(cases, "lf-only", Set.of(200, 400, 0),
                ("OPTIONS sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n" + head("OPTIONS") + "Content-Length: 0\r\n\r\n")
                        .replace("\r\n", "\n"), null);
        add(cases, "two-requests-in-one", Set.of(200, 400, 0),
                "OPTIONS sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n" + head("OPTIONS") + "Content-Length: 0\r\n\r\n"
                + "OPTIONS sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n" + head("OPTIONS").replace("{id}", "{id}b")
                + "Content-Length: 0\r\n\r\n", null);
        rfc4475(cases);
        return cases;
    }

    /** The RFC 4475 categories the first torture set left out, in this platform's terms. */
    private void rfc4475(Map<String, Case> cases) {
        add(cases, "rfc4475-unknown-require", Set.of(420),
                "OPTIONS sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n" + head("OPTIONS")
                + "Require: nothingwecanknow\r\nContent-Length: 0\r\n\r\n", null);
        add(cases, "rfc4475-unknown-require-in-message", Set.of(420),
                "MESSAGE sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n" + head("MESSAGE")
                + "Require: foo, bar\r\nContent-Type: Application/MANSCDP+xml\r\nContent-Length: {length}\r\n\r\n",
                KEEPALIVE);
        // over TCP a message that cannot be framed ends its connection
        add(cases, "rfc4475-two-content-lengths", "TCP".equals(transport) ? BAD : Set.of(400),
                "MESSAGE sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n" + head("MESSAGE")
                + "Content-Type: Application/MANSCDP+xml\r\nContent-Length: {length}\r\nl: {length}\r\n\r\n", KEEPALIVE);
        add(cases, "rfc4475-rfc2543-invite-without-max-forwards", Set.of(403, 404, 481, 488, 603),
                "INVITE sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                + head("INVITE").replace(";rport;branch=z9hG4bK{id}", "").replace("Max-Forwards: 70\r\n", "")
                + "Contact: <sip:" + DEVICE + "@" + client + ">\r\nContent-Length: 0\r\n\r\n", null);
        add(cases, "rfc4475-unquoted-display-name-with-comma", BAD,
                "OPTIONS sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                + head("OPTIONS").replace("From: <sip:", "From: Bell, Alexander <sip:") + "Content-Length: 0\r\n\r\n",
                null);
        add(cases, "rfc4475-unterminated-quote-in-to", BAD,
                "OPTIONS sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                + head("OPTIONS").replace("To: <sip:", "To: \"Mr. J. User <sip:") + "Content-Length: 0\r\n\r\n", null);
        add(cases, "rfc4475-unterminated-quote-in-message", BAD,
                "MESSAGE sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                + head("MESSAGE").replace("From: <sip:", "From: \"never ends <sip:")
                + "Content-Type: Application/MANSCDP+xml\r\nContent-Length: {length}\r\n\r\n", KEEPALIVE);
        add(cases, "rfc4475-empty-via-params", BAD,
                "OPTIONS sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                + head("OPTIONS").replace(";rport;branch=z9hG4bK{id}", ";;,;,,") + "Content-Length: 0\r\n\r\n", null);
        add(cases, "rfc4475-via-without-sent-by", BAD,
                "OPTIONS sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n"
                + head("OPTIONS").replace("Via: SIP/2.0/" + transport + " " + client, "Via: SIP/2.0/" + transport)
                + "Content-Length: 0\r\n\r\n", null);
        add(cases, "rfc4475-unknown-charset", Set.of(200, 403, 415),
                "MESSAGE sip:" + PLATFORM + "@" + server + " SIP/2.0\r\n" + head("MESSAGE")
                + "Content-Type: Application/MANSCDP+xml;charset=ebcdic\r\nContent-Length: {length}\r\n\r\n", KEEPALIVE);
    }

    private String head(String method) {
        return "Via: SIP/2.0/" + transport + " " + client + ";rport;branch=z9hG4bK{id}\r\n"
               + "From: <sip:" + DEVICE + "@3402000000>;tag=t{id}\r\n"
               + "To: <sip:" + PLATFORM + "@3402000000>\r\n"
               + "Call-ID: {id}@torture\r\n"
               + "CSeq: 1 " + method + "\r\n"
               + "Max-Forwards: 70\r\n";
    }

    private String longValues() {
        StringBuilder sb = new StringBuilder("OPTIONS sip:" + PLATFORM + "@" + server + ";" + "p".repeat(2000) + "=v SIP/2.0\r\n");
        sb.append(head("OPTIONS"));
        for (int i = 0; i < 40; i++) {
            sb.append("Via: SIP/2.0/").append(transport).append(" h").append(i).append(".example.invalid:5060;branch=z9hG4bK")
                    .append("x".repeat(200)).append(i).append("\r\n");
        }
        sb.append("X-Long: ").append("y".repeat(20_000)).append("\r\n");
        sb.append("Subject: ").append("\u00e4".repeat(500)).append("\r\n");
        sb.append("Content-Length: 0\r\n\r\n");
        return sb.toString();
    }

    private int counter;

    private void add(Map<String, Case> cases, String name, Set<Integer> expected, String head, String body) {
        String id = "torture" + ++counter;
        byte[] bodyBytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.ISO_8859_1);
        String text = head.replace("{id}", id).replace("{length}", Integer.toString(bodyBytes.length));
        cases.put(name, new Case(name, Mutator.concat(text.getBytes(StandardCharsets.ISO_8859_1), bodyBytes), expected));
    }
}
