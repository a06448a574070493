package io.github.gb28181.camel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipPeer;
import io.github.gb28181.camel.test.SipText;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of new devices against a platform whose queue for strangers holds two requests: the ones that do not fit
 * are told 503 with Retry-After at once, while a registered device's keepalive, sent in the middle of the burst,
 * is still answered 200. Plain jain-sip queues the whole burst and answers every REGISTER 401.
 */
class OverloadTest extends Gb28181TestSupport {

    private static final int BURST = 300;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @RegisterExtension
    SimulatedDevice known = new SimulatedDevice("34020000001320000001", PASSWORD);

    @Override
    protected void bindBeans(CamelContext context) {
        context.getRegistry().bind("meters", MeterRegistry.class, meters);
    }

    @Override
    protected void configure(Gb28181Configuration configuration) {
        configuration.setTransports("UDP");
        configuration.setOverloadQueueSize(2);
        configuration.setOverloadRetryAfter(7_000);
    }

    @Test
    void newDevicesAreTurnedAwayWhileRegisteredDevicesKeepAlive() throws Exception {
        known.connect(sipPort, "UDP");
        assertThat(known.register(3600).status()).isEqualTo(200);

        Map<String, SipText> answers = new HashMap<>();
        SipText keepaliveAnswer;
        try (SipPeer strangers = SipPeer.udp(sipPort)) {
            List<String> callIds = new ArrayList<>();
            String keepaliveCallId = SimulatedDevice.newId();
            byte[] keepalive = known.manscdpMessage(keepaliveCallId, keepaliveBody());
            for (int i = 0; i < BURST; i++) {
                String callId = SimulatedDevice.newId();
                callIds.add(callId);
                strangers.send(register(strangers, String.format("340200000013200%05d", 1000 + i), callId));
                if (i == BURST / 2) {
                    known.peer().send(keepalive);
                }
            }
            keepaliveAnswer = known.peer().awaitResponse(keepaliveCallId, WAIT);
            while (answers.size() < BURST) {
                SipText answer = strangers.poll(WAIT);
                assertThat(answer).as("an answer to each of the %d REGISTERs; %d so far", BURST, answers.size())
                        .isNotNull();
                if (answer.isResponse() && callIds.contains(answer.header("Call-ID"))) {
                    answers.put(answer.header("Call-ID"), answer);
                }
            }
        }

        assertThat(keepaliveAnswer.status()).isEqualTo(200);
        List<SipText> refused = answers.values().stream().filter(a -> a.status() == 503).toList();
        assertThat(refused).as("REGISTERs refused at once").isNotEmpty();
        assertThat(answers.values()).allSatisfy(a -> assertThat(a.status()).isIn(401, 503));
        assertThat(refused).allSatisfy(a -> {
            assertThat(Integer.parseInt(a.header("Retry-After").strip())).isGreaterThanOrEqualTo(7);
            assertThat(a.header("To")).contains(";tag=");
            assertThat(a.header("Via")).contains("received=127.0.0.1").contains("rport=");
        });
        assertThat(meters.get("gb28181.sip.shed").tag("reason", "refused").functionCounter().count())
                .isEqualTo(refused.size());
        assertThat(meters.get("gb28181.sip.transactions").tag("method", "REGISTER").tag("status", "5xx")
                .functionCounter().count()).isEqualTo(refused.size());
        assertThat(meters.get("gb28181.sip.queue.depth").tag("queue", "normal").gauge().value()).isZero();
    }

    private static byte[] keepaliveBody() {
        return ("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n<SN>9</SN>\r\n"
                + "<DeviceID>34020000001320000001</DeviceID>\r\n<Status>OK</Status>\r\n</Notify>\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String register(SipPeer peer, String deviceId, String callId) {
        String domain = deviceId.substring(0, 10);
        return "REGISTER sip:34020000002000000001@" + domain + " SIP/2.0\r\n"
               + "Via: SIP/2.0/UDP " + peer.localHost() + ":" + peer.localPort() + ";rport;branch=z9hG4bK" + callId
               + "\r\n"
               + "From: <sip:" + deviceId + "@" + domain + ">;tag=" + callId + "\r\n"
               + "To: <sip:" + deviceId + "@" + domain + ">\r\n"
               + "Call-ID: " + callId + "\r\n"
               + "CSeq: 1 REGISTER\r\n"
               + "Contact: <sip:" + deviceId + "@" + peer.localHost() + ":" + peer.localPort() + ">\r\n"
               + "Max-Forwards: 70\r\n"
               + "Expires: 3600\r\n"
               + "Content-Length: 0\r\n\r\n";
    }
}
