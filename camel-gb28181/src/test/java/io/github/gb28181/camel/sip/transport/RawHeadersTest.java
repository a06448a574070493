package io.github.gb28181.camel.sip.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;

import io.github.gb28181.camel.test.SeedCapture;
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
    void everySeedMessagePassesAndNamesItsMaxForwards() throws IOException {
        for (String capture : List.of("000_ed50de79445529c3.txt", "002_21df4d6a7916db12.txt")) {
            SeedCapture seed = SeedCapture.load(capture);
            for (int i = 0; i < seed.size(); i++) {
                String text = seed.text(i);
                boolean hasMaxForwards = text.lines().anyMatch(l -> l.regionMatches(true, 0, "Max-Forwards:", 0, 13));
                assertThat(outcome(SeedCapture.wire(text))).as(capture + " #" + i)
                        .isEqualTo("max-forwards " + hasMaxForwards);
            }
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
}
