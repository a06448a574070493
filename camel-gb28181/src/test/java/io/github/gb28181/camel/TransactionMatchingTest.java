package io.github.gb28181.camel;

import java.time.Duration;

import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipPeer;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 3261 17.2.3: a request matches a server transaction by branch, sent-by and method; a request without the magic
 * cookie by the RFC 2543 rule (Request-URI, tags, Call-ID, CSeq, top Via). Requests that only share a branch are
 * different requests and are each handled once; a real retransmission is still handled once.
 */
class TransactionMatchingTest extends Gb28181TestSupport {

    private static final String DEVICE = "34020000001320000041";
    private static final String PLATFORM = "34020000002000000001";
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=KEEPALIVE").to("mock:keepalives");
            }
        };
    }

    @Test
    void requestsSharingABranchButNotSentByOrMethodAreEachAnswered() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        SipPeer peer = device.peer();
        String branch = "z9hG4bK" + SimulatedDevice.newId();

        assertThat(exchange(peer, keepalive(peer, branch, "127.0.0.1:" + peer.localPort(), "a1", 1)).status())
                .isEqualTo(200);
        assertThat(exchange(peer, keepalive(peer, branch, "127.0.0.1:" + (peer.localPort() + 1), "a2", 2)).status())
                .as("same branch, another sent-by").isEqualTo(200);
        assertThat(exchange(peer, options(peer, branch, "a3")).status()).as("same branch, another method")
                .isEqualTo(200);

        MockEndpoint keepalives = getMockEndpoint("mock:keepalives");
        keepalives.expectedMessageCount(2);
        keepalives.assertIsSatisfied();
        assertThat(gb28181().runningServers().get(0).counters().branchCollisions()).isEqualTo(2);
    }

    @Test
    void aRetransmissionIsHandledOnceWithOrWithoutTheMagicCookie() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        SipPeer peer = device.peer();
        String sentBy = "127.0.0.1:" + peer.localPort();

        String cookie = keepalive(peer, "z9hG4bK" + SimulatedDevice.newId(), sentBy, "b1", 1);
        assertThat(exchange(peer, cookie).status()).isEqualTo(200);
        assertThat(exchange(peer, cookie).status()).as("the transaction repeats its answer").isEqualTo(200);

        // RFC 2543: no cookie, and the same branch for two requests that differ in Call-ID
        String old1 = keepalive(peer, "1", sentBy, "b2", 2);
        String old2 = keepalive(peer, "1", sentBy, "b3", 3);
        assertThat(exchange(peer, old1).status()).isEqualTo(200);
        assertThat(exchange(peer, old1).status()).isEqualTo(200);
        assertThat(exchange(peer, old2).status()).isEqualTo(200);

        MockEndpoint keepalives = getMockEndpoint("mock:keepalives");
        keepalives.expectedMessageCount(3);
        keepalives.assertIsSatisfied();
    }

    private static SipText exchange(SipPeer peer, String message) throws Exception {
        peer.send(message);
        String callId = message.substring(message.indexOf("Call-ID: ") + 9, message.indexOf("\r\n", message.indexOf("Call-ID: ")));
        return peer.awaitResponse(callId, WAIT);
    }

    private static String keepalive(SipPeer peer, String branch, String sentBy, String callId, int sn) {
        String body = "<?xml version=\"1.0\"?>\r\n<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n<SN>" + sn
                      + "</SN>\r\n<DeviceID>" + DEVICE + "</DeviceID>\r\n<Status>OK</Status>\r\n</Notify>\r\n";
        return "MESSAGE sip:" + PLATFORM + "@3402000000 SIP/2.0\r\n"
               + "Via: SIP/2.0/UDP " + sentBy + ";rport;branch=" + branch + "\r\n"
               + "From: <sip:" + DEVICE + "@3402000000>;tag=f" + callId + "\r\n"
               + "To: <sip:" + PLATFORM + "@3402000000>\r\n"
               + "Call-ID: " + callId + SimulatedDevice.newId() + "\r\n"
               + "CSeq: 1 MESSAGE\r\n"
               + "Max-Forwards: 70\r\n"
               + "Content-Type: Application/MANSCDP+xml\r\n"
               + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static String options(SipPeer peer, String branch, String callId) {
        return "OPTIONS sip:" + PLATFORM + "@3402000000 SIP/2.0\r\n"
               + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.localPort() + ";rport;branch=" + branch + "\r\n"
               + "From: <sip:" + DEVICE + "@3402000000>;tag=f" + callId + "\r\n"
               + "To: <sip:" + PLATFORM + "@3402000000>\r\n"
               + "Call-ID: " + callId + "\r\n"
               + "CSeq: 1 OPTIONS\r\n"
               + "Max-Forwards: 70\r\n"
               + "Content-Length: 0\r\n\r\n";
    }
}
