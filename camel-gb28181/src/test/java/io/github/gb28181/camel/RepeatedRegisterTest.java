package io.github.gb28181.camel;

import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipPeer;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A REGISTER over UDP is answered without a transaction (RFC 3261 8.2.7): its retransmission gets the answer the
 * first copy got, and registers nothing twice.
 */
class RepeatedRegisterTest extends Gb28181TestSupport {

    private static final String DEVICE = "34020000001320000061";
    private static final String OPEN_DEVICE = "34020000001320000062";
    private static final String PLATFORM = "34020000002000000001";
    private static final String URI = "sip:" + PLATFORM + "@3402000000";

    @Override
    protected void configure(Gb28181Configuration configuration) {
        // one device needs no password: its first REGISTER is the registration
        configuration.setCredentialLookup((deviceId, username) -> DEVICE.equals(deviceId) ? PASSWORD : null);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=REGISTER,ONLINE").to("mock:events");
            }
        };
    }

    @Test
    void aRetransmittedAuthenticatedRegisterGetsTheSame200AndRegistersOnce() throws Exception {
        try (SipPeer peer = SipPeer.udp(sipPort)) {
            String callId = SimulatedDevice.newId();
            SipText challenge = peer.sendUntilAnswered(register(peer, DEVICE, callId, 1, null), callId);
            assertThat(challenge.status()).isEqualTo(401);
            String authorization = new SimulatedDevice(DEVICE, PASSWORD).authorization(challenge, "REGISTER", URI);
            String authenticated = register(peer, DEVICE, callId, 2, authorization);

            SipText first = peer.sendUntilAnswered(authenticated, callId);
            SipText again = peer.sendUntilAnswered(authenticated, callId);

            assertThat(first.status()).isEqualTo(200);
            assertThat(again.status()).as("not a replayed nonce: the same request").isEqualTo(200);
            assertThat(again.param("To", "tag")).isNotBlank().isEqualTo(first.param("To", "tag"));
            assertThat(again.header("Expires")).isEqualTo("3600");
        }
        assertRegisteredOnce(DEVICE);
    }

    @Test
    void aRetransmittedOpenRegisterIsAnsweredAgainAndRegistersOnce() throws Exception {
        try (SipPeer peer = SipPeer.udp(sipPort)) {
            String callId = SimulatedDevice.newId();
            String register = register(peer, OPEN_DEVICE, callId, 1, null);
            SipText first = peer.sendUntilAnswered(register, callId);
            SipText again = peer.sendUntilAnswered(register, callId);

            assertThat(first.status()).isEqualTo(200);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.param("To", "tag")).isNotBlank().isEqualTo(first.param("To", "tag"));
            assertThat(again.header("Expires")).isEqualTo("3600");
        }
        assertRegisteredOnce(OPEN_DEVICE);
    }

    private void assertRegisteredOnce(String device) throws InterruptedException {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(2);
        events.setAssertPeriod(500);
        events.assertIsSatisfied();
        assertThat(events.getExchanges()).extracting(e -> e.getIn().getHeader(Gb28181Constants.EVENT_TYPE))
                .containsExactly("REGISTER", "ONLINE");
        assertThat(gb28181().getDeviceRegistry().find(device).orElseThrow().isRegistered()).isTrue();
    }

    private static String register(SipPeer peer, String device, String callId, int cseq, String authorization) {
        return "REGISTER " + URI + " SIP/2.0\r\n"
               + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.localPort() + ";rport;branch=z9hG4bK" + callId + "-" + cseq
               + "\r\n"
               + "From: <sip:" + device + "@3402000000>;tag=r" + callId + "\r\n"
               + "To: <sip:" + device + "@3402000000>\r\n"
               + "Call-ID: " + callId + "\r\n"
               + "CSeq: " + cseq + " REGISTER\r\n"
               + "Contact: <sip:" + device + "@127.0.0.1:" + peer.localPort() + ">\r\n"
               + (authorization != null ? "Authorization: " + authorization + "\r\n" : "")
               + "Max-Forwards: 70\r\n"
               + "Expires: 3600\r\n"
               + "Content-Length: 0\r\n\r\n";
    }
}
