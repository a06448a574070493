package io.github.gb28181.camel.sip.transport;

import java.nio.charset.StandardCharsets;

import io.github.gb28181.camel.test.SeedCapture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the reader sees of a datagram before anything parses it, on the real cameras' messages: a device's answer to a
 * query goes to the answers queue, what it says of its own accord (a keepalive) to the priority queue.
 */
class DatagramTriageTest {

    @Test
    void everyMessageOfTheCaptureIsAnAnswerExactlyWhenItsDocumentIsAResponse() throws Exception {
        SeedCapture seed = SeedCapture.load("002_21df4d6a7916db12.txt");
        int answers = 0;
        int others = 0;
        for (int i = 0; i < seed.size(); i++) {
            String text = seed.text(i);
            if (!text.startsWith("MESSAGE ")) {
                continue;
            }
            byte[] wire = SeedCapture.wire(text);
            DatagramTriage triage = DatagramTriage.of(wire, wire.length);
            boolean response = text.contains("<Response>");
            assertThat(triage.answer()).as("message %d: %s", i, text.lines().findFirst().orElse(""))
                    .isEqualTo(response);
            assertThat(triage.method()).isEqualTo("MESSAGE");
            if (response) {
                answers++;
            } else {
                others++;
            }
        }
        assertThat(answers).as("answers in the capture").isGreaterThan(2);
        assertThat(others).as("queries and notifications in the capture").isGreaterThan(2);
    }

    @Test
    void theCapturedKeepaliveIsNotAnAnswerNorIsItsOk() throws Exception {
        SeedCapture seed = SeedCapture.load("000_ed50de79445529c3.txt");
        byte[] keepalive = SeedCapture.wire(seed.text(seed.indexOf("<CmdType>Keepalive</CmdType>")));
        DatagramTriage triage = DatagramTriage.of(keepalive, keepalive.length);
        assertThat(triage.answer()).isFalse();
        assertThat(triage.fromUser()).isEqualTo("130909113319427420");

        byte[] ok = SeedCapture.wire(seed.text(seed.indexOf("SIP/2.0 200 OK", "CSeq: 20 MESSAGE")));
        assertThat(DatagramTriage.of(ok, ok.length).response()).isTrue();
        assertThat(DatagramTriage.of(ok, ok.length).answer()).isFalse();
    }

    @Test
    void theRootIsFoundPastCommentsAndOnlyAWholeNameCounts() {
        assertThat(answer("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<!-- x -->\r\n<Response>\r\n")).isTrue();
        assertThat(answer("<Response\r\n>")).isTrue();
        assertThat(answer("<?xml version=\"1.0\"?><ResponseX>")).isFalse();
        assertThat(answer("<?xml version=\"1.0\"?><Notify><Response>")).isFalse();
        assertThat(answer("<Respo")).isFalse();
        assertThat(answer("")).isFalse();
        byte[] info = message("INFO", "<Response>\r\n");
        assertThat(DatagramTriage.of(info, info.length).answer()).as("not a MESSAGE").isFalse();
    }

    private static boolean answer(String body) {
        byte[] bytes = message("MESSAGE", body);
        return DatagramTriage.of(bytes, bytes.length).answer();
    }

    private static byte[] message(String method, String body) {
        return (method + " sip:34020000002000000001@127.0.0.1 SIP/2.0\r\n"
                + "From: <sip:34020000001320000001@3402000000>;tag=1\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }
}
