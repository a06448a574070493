package io.github.gb28181.camel.sip.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TcpFramingTest {

    private static final String MESSAGE = "MESSAGE sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h:1;branch=z9hG4bK1\r\n"
                                          + "Content-Length: 5\r\n\r\nhello";

    private static String frame(TcpFraming framing, String... pieces) throws TcpFraming.Oversized {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String p : pieces) {
            out.writeBytes(framing.next(p.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void passesMessagesThroughWhateverTheSegments() throws Exception {
        String two = MESSAGE + "\r\n\r\n" + MESSAGE;
        assertThat(frame(new TcpFraming(1024), two)).isEqualTo(two);
        TcpFraming bytewise = new TcpFraming(1024);
        String[] bytes = two.split("");
        assertThat(frame(bytewise, bytes)).isEqualTo(two);
    }

    @Test
    void holdsHeadersUntilTheirBlockIsComplete() throws Exception {
        TcpFraming framing = new TcpFraming(1024);
        assertThat(frame(framing, "MESSAGE sip:a@b SIP/2.0\r\nContent-Length: 5\r\n")).isEmpty();
        assertThat(frame(framing, "\r\nhel")).isEqualTo("MESSAGE sip:a@b SIP/2.0\r\nContent-Length: 5\r\n\r\nhel");
        // body bytes that look like a header block are body
        assertThat(frame(framing, "lo\r\n\r\n")).isEqualTo("lo\r\n\r\n");
    }

    @Test
    void compactContentLengthAndCallIdGoOnInLongForm() throws Exception {
        assertThat(frame(new TcpFraming(1024), "MESSAGE sip:a@b SIP/2.0\r\nl: 5\r\n\r\nhello"))
                .isEqualTo("MESSAGE sip:a@b SIP/2.0\r\nContent-Length: 5\r\n\r\nhello");
        assertThat(frame(new TcpFraming(1024), "MESSAGE sip:a@b SIP/2.0\r\nCONTENT-LENGTH :\t5 \r\n\r\nhello"))
                .isEqualTo("MESSAGE sip:a@b SIP/2.0\r\nContent-Length: 5\r\n\r\nhello");
        assertThat(frame(new TcpFraming(1024), "MESSAGE sip:a@b SIP/2.0\r\ni:  abc@h \r\nl: 0\r\n\r\n"))
                .isEqualTo("MESSAGE sip:a@b SIP/2.0\r\nCall-ID: abc@h\r\nContent-Length: 0\r\n\r\n");
    }

    @Test
    void aBlockThatDeclaresNoLengthIsHandedOnWithLengthZero() throws Exception {
        // the parser would keep the length of the message before
        TcpFraming framing = new TcpFraming(1024);
        assertThat(frame(framing, MESSAGE, "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h:1\r\n\r\n", MESSAGE))
                .isEqualTo(MESSAGE + "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h:1\r\nContent-Length: 0\r\n\r\n"
                           + MESSAGE);
        assertThat(framing.completed()).isEqualTo(3);
    }

    @Test
    void aBodyBeyondTheLimitIsStoppedBeforeTheParserSeesTheEndOfItsHeaders() throws Exception {
        TcpFraming framing = new TcpFraming(1024);
        assertThatThrownBy(() -> frame(framing, MESSAGE + "MESSAGE sip:a@b SIP/2.0\r\nContent-Length: 2147483647\r\n"
                                                + "Via: SIP/2.0/TCP h:1\r\n\r\nxx"))
                .isInstanceOfSatisfying(TcpFraming.Oversized.class, e -> {
                    assertThat(new String(e.passed(), StandardCharsets.ISO_8859_1)).isEqualTo(MESSAGE);
                    assertThat(e.head()).startsWith("MESSAGE sip:a@b").endsWith("Via: SIP/2.0/TCP h:1\r\n");
                });
    }

    @Test
    void streamsTheParserRejectsAnywayArePassedThroughUntouched() throws Exception {
        String bad = "MESSAGE sip:a@b SIP/2.0\r\nContent-Length: abc\r\n\r\nhello";
        assertThat(frame(new TcpFraming(1024), bad)).isEqualTo(bad);
        String huge = "X".repeat(2000);
        assertThat(frame(new TcpFraming(1024), huge, "\r\n\r\n")).isEqualTo(huge + "\r\n\r\n");
    }
}
