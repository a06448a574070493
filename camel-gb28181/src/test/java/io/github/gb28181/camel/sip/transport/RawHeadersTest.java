package io.github.gb28181.camel.sip.transport;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawHeadersTest {

    private static final String START = "MESSAGE sip:34020000002000000001@3402000000 SIP/2.0\r\n";
    private static final String VIA = "Via: SIP/2.0/UDP 127.0.0.1:5061;rport;branch=z9hG4bK1\r\n";
    private static final String BODY = "<?xml version=\"1.0\"?>\r\n<Notify><CmdType>Keepalive</CmdType></Notify>";

    @Test
    void aSecondContentLengthIsRefusedInEitherForm() {
        assertThatThrownBy(() -> check(VIA + "Content-Length: 10\r\nl: 10\r\n"))
                .isInstanceOf(ParseException.class).hasMessage("More than one Content-Length header");
    }

    @Test
    void aFoldedFromIsReadAsOneLine() throws ParseException {
        assertThatThrownBy(() -> check(VIA + "From:\r\n  bad;name <sip:34020000001320000001@3402000000>;tag=1\r\n"))
                .isInstanceOf(ParseException.class).hasMessage("Malformed display name in from header");
        assertThat(check(VIA + "f:\r\n\t\"Camera \\\"1\\\"\" <sip:34020000001320000001@3402000000>;tag=1\r\n"))
                .isFalse();
    }

    @Test
    void displayNamesAreQuotedStringsOrTokens() throws ParseException {
        assertThat(check("To: Front door 1 <sip:34020000001320000001@3402000000>\r\n")).isFalse();
        assertThat(check("To: <sip:34020000001320000001@3402000000>\r\n")).isFalse();
        assertThatThrownBy(() -> check("t: \"unterminated <sip:34020000001320000001@3402000000>\r\n"))
                .hasMessage("Malformed display name in t header");
        assertThatThrownBy(() -> check("To  : a@b <sip:34020000001320000001@3402000000>\r\n"))
                .hasMessage("Malformed display name in to header");
    }

    @Test
    void maxForwardsIsFoundOnlyInTheHeaderBlock() throws ParseException {
        assertThat(check(VIA + "Max-Forwards: 70\r\n")).isTrue();
        assertThat(check(VIA + "MAX-FORWARDS : 70\r\n")).isTrue();
        assertThat(RawHeaders.check(bytes(START + VIA + "Content-Length: 28\r\n\r\nMax-Forwards: 1\r\nl: 2\r\n")))
                .isFalse();
    }

    @Test
    void aLineContinuingTheStartLineIsNotAHeader() throws ParseException {
        assertThat(RawHeaders.check(bytes(START + " Max-Forwards: 70\r\n" + VIA + "\r\n"))).isFalse();
    }

    @Test
    void agreesWithAPlainStringReadingOnRandomHeaderBlocks() {
        List<String> pieces = List.of(VIA, "Max-Forwards: 70\r\n", "Content-Length: 10\r\n", "l: 3\r\n",
                "From: <sip:34020000001320000001@3402000000>;tag=1\r\n", "To: Cam 1 <sip:1@2>\r\n",
                "f: a@b <sip:1@2>\r\n", "t: \"x <sip:1@2>\r\n", "\r\n  folded: part\r\n", "\n\tMax-Forwards: 1\n",
                "X-GB-Ver: 3.0\n", "Content-Type: Application/MANSCDP+xml\r\n", "\r\n", "no colon here\r\n",
                " From : x y <sip:1@2>\r\n", "\r\n" + BODY);
        Random random = new Random(20261207);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder message = new StringBuilder(START);
            for (int n = random.nextInt(8); n >= 0; n--) {
                message.append(pieces.get(random.nextInt(pieces.size())));
            }
            byte[] bytes = bytes(message.toString());
            assertThat(outcome(bytes)).as(message.toString()).isEqualTo(reference(bytes));
        }
    }

    private static boolean check(String headers) throws ParseException {
        return RawHeaders.check(bytes(START + headers + "\r\n" + BODY));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String outcome(byte[] message) {
        try {
            return "max-forwards " + RawHeaders.check(message);
        } catch (ParseException e) {
            return e.getMessage();
        }
    }

    /** The header block split into unfolded lines as Strings, the straightforward reading the scan must agree with. */
    private static String reference(byte[] message) {
        int end = message.length;
        for (int i = 0; i + 3 < message.length; i++) {
            if (message[i] == '\r' && message[i + 1] == '\n' && message[i + 2] == '\r' && message[i + 3] == '\n') {
                end = i;
                break;
            }
        }
        String[] lines = new String(message, 0, end, StandardCharsets.ISO_8859_1)
                .replaceAll("\r?\n[ \t]+", " ").split("\r?\n");
        int contentLengths = 0;
        boolean maxForwards = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            switch (name) {
                case "content-length", "l" -> {
                    if (++contentLengths > 1) {
                        return "More than one Content-Length header";
                    }
                }
                case "from", "f", "to", "t" -> {
                    if (!referenceDisplayName(value)) {
                        return "Malformed display name in " + name + " header";
                    }
                }
                case "max-forwards" -> maxForwards = true;
                default -> {
                }
            }
        }
        return "max-forwards " + maxForwards;
    }

    private static final Pattern TOKENS = Pattern.compile("[A-Za-z0-9.!%*_+`'~\\- \\t\\u0080-\\u00ff]*");

    private static boolean referenceDisplayName(String value) {
        if (value.startsWith("\"")) {
            for (int i = 1; i < value.length(); i++) {
                if (value.charAt(i) == '\\') {
                    i++;
                } else if (value.charAt(i) == '"') {
                    return value.substring(i + 1).stripLeading().startsWith("<");
                }
            }
            return false;
        }
        int angle = value.indexOf('<');
        return angle < 0 || TOKENS.matcher(value.substring(0, angle)).matches();
    }
}
