package io.github.gb28181.camel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.gb28181.camel.sip.transport.SipServer;
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

        String here = "127.0.0.1:" + peer.localPort();
        String elsewhere = "127.0.0.1:" + (peer.localPort() + 1);

        // sent as a device sends (again after T1 when unanswered): a copy that comes while another request under its
        // branch is still being handled is dropped by jain-sip, and the next copy is answered
        // OPTIONS has a transaction, which the requests after it would be mistaken for
        assertThat(retransmit(peer, options(branch, here, "a1")).status()).isEqualTo(200);
        assertThat(retransmit(peer, options(branch, elsewhere, "a2")).status()).as("same branch, another sent-by")
                .isEqualTo(200);
        assertThat(retransmit(peer, keepalive(peer, branch, here, "a3", 3)).status()).as("same branch, another method")
                .isEqualTo(200);
        assertThat(gb28181().runningServers().get(0).counters().branchCollisions()).isEqualTo(2);

        // a keepalive has no transaction, but jain-sip holds it while it is handled: requests under its branch right
        // after it are answered apart too (once they were tied to it and never answered)
        String other = "z9hG4bK" + SimulatedDevice.newId();
        assertThat(retransmit(peer, keepalive(peer, other, here, "a4", 4)).status()).isEqualTo(200);
        assertThat(retransmit(peer, options(other, here, "a5")).status()).isEqualTo(200);
        assertThat(retransmit(peer, keepalive(peer, other, elsewhere, "a6", 6)).status()).isEqualTo(200);
        assertThat(gb28181().runningServers().get(0).counters().branchCollisions()).isEqualTo(4);

        MockEndpoint keepalives = getMockEndpoint("mock:keepalives");
        keepalives.expectedMessageCount(3);
        keepalives.assertIsSatisfied();
    }

    @Test
    void aRetransmissionIsHandledOnceWithOrWithoutTheMagicCookie() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        SipPeer peer = device.peer();
        String sentBy = "127.0.0.1:" + peer.localPort();

        String cookie = keepalive(peer, "z9hG4bK" + SimulatedDevice.newId(), sentBy, "b1", 1);
        SipText first = exchange(peer, cookie);
        assertThat(first.status()).isEqualTo(200);
        SipText again = retransmit(peer, cookie);
        assertThat(again.status()).as("the answer is repeated").isEqualTo(200);
        assertThat(again.param("To", "tag")).as("RFC 3261 8.2.7: the same request, the same To tag")
                .isNotBlank().isEqualTo(first.param("To", "tag"));

        // RFC 2543: no cookie, and the same branch for two requests that differ in Call-ID
        String old1 = keepalive(peer, "1", sentBy, "b2", 2);
        String old2 = keepalive(peer, "1", sentBy, "b3", 3);
        assertThat(exchange(peer, old1).status()).isEqualTo(200);
        assertThat(retransmit(peer, old1).status()).isEqualTo(200);
        assertThat(exchange(peer, old2).status()).isEqualTo(200);

        MockEndpoint keepalives = getMockEndpoint("mock:keepalives");
        keepalives.expectedMessageCount(3);
        keepalives.assertIsSatisfied();
    }

    @Test
    void overUdpADevicesRegistersAndMessagesLeaveNoTransactionBehind() throws Exception {
        device.connect(sipPort, "UDP");
        SipServer server = gb28181().runningServers().get(0).sipServer();
        int held = server.serverTransactions();

        assertThat(device.register(3600).status()).isEqualTo(200);
        assertThat(server.serverTransactions()).as("the challenge and the REGISTER answered statelessly")
                .isEqualTo(held);

        for (int i = 0; i < 50; i++) {
            assertThat(device.keepalive().status()).isEqualTo(200);
        }
        String other = "<?xml version=\"1.0\"?><Notify><CmdType>KeepaliveLike</CmdType><SN>9</SN><DeviceID>" + DEVICE
                       + "</DeviceID></Notify>";
        assertThat(device.sendManscdp(other, StandardCharsets.UTF_8).status()).isEqualTo(200);
        assertThat(server.serverTransactions()).as("keepalives and other MESSAGEs answered statelessly")
                .isEqualTo(held);

        MockEndpoint keepalives = getMockEndpoint("mock:keepalives");
        keepalives.expectedMessageCount(50);
        keepalives.assertIsSatisfied();
    }

    private static SipText exchange(SipPeer peer, String message) throws Exception {
        peer.send(message);
        String callId = message.substring(message.indexOf("Call-ID: ") + 9, message.indexOf("\r\n", message.indexOf("Call-ID: ")));
        return peer.awaitResponse(callId, WAIT);
    }

    /** Sends a request as a device does, again after T1 while unanswered. */
    private static SipText retransmit(SipPeer peer, String message) throws Exception {
        String callId = message.substring(message.indexOf("Call-ID: ") + 9, message.indexOf("\r\n", message.indexOf("Call-ID: ")));
        return peer.sendUntilAnswered(message, callId);
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

    private static String options(String branch, String sentBy, String callId) {
        return "OPTIONS sip:" + PLATFORM + "@3402000000 SIP/2.0\r\n"
               + "Via: SIP/2.0/UDP " + sentBy + ";rport;branch=" + branch + "\r\n"
               + "From: <sip:" + DEVICE + "@3402000000>;tag=f" + callId + "\r\n"
               + "To: <sip:" + PLATFORM + "@3402000000>\r\n"
               + "Call-ID: " + callId + "\r\n"
               + "CSeq: 1 OPTIONS\r\n"
               + "Max-Forwards: 70\r\n"
               + "Content-Length: 0\r\n\r\n";
    }
}
