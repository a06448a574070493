package io.github.gb28181.camel.sip;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.event.DeviceEvent;
import io.github.gb28181.camel.event.EventType;
import io.github.gb28181.camel.manscdp.model.KeepaliveNotify;
import io.github.gb28181.camel.media.InMemoryMediaSessionRegistry;
import io.github.gb28181.camel.platform.PlatformServer;
import io.github.gb28181.camel.platform.PlatformSettings;
import io.github.gb28181.camel.sip.auth.StaticCredentialLookup;
import io.github.gb28181.camel.sip.transport.SipServerSettings;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipPeer;
import io.github.gb28181.camel.test.SipText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * Requests the fuzz suite found mishandled: each gets the error RFC 3261 asks for, or is dropped and counted, and the
 * server goes on serving. Over TCP, a lying Content-Length used to kill the listener.
 */
class MalformedRequestsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PASSWORD = "12345678";
    private static final String DEVICE = "34020000001320000001";

    private final int port = FreePorts.udpAndTcp();
    private final BlockingQueue<DeviceEvent> events = new LinkedBlockingQueue<>();
    private PlatformServer server;

    @BeforeEach
    void start() throws Exception {
        PlatformSettings settings = PlatformSettings.builder().credentials(StaticCredentialLookup.of(PASSWORD, null))
                .keepaliveTimeoutMillis(60_000).aggregationTimeoutMillis(2_000).nonceTtlMillis(60_000).build();
        server = new PlatformServer(new SipServerSettings("127.0.0.1", port, Set.of("UDP", "TCP"), null, 64 * 1024, 4),
                settings, new DeviceRegistry(), new InMemoryMediaSessionRegistry());
        server.events().subscribe(events::add);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static String request(String method, String transport, String callId, String requestLineTail,
                                  String extra) {
        return method + " sip:34020000002000000001@3402000000" + requestLineTail + "\r\n"
               + "Via: SIP/2.0/" + transport + " 127.0.0.1:5060;rport;branch=z9hG4bK" + callId + "\r\n"
               + "From: <sip:" + DEVICE + "@3402000000>;tag=1\r\n"
               + "To: <sip:34020000002000000001@3402000000>\r\n"
               + "Call-ID: " + callId + "\r\n"
               + "CSeq: 1 " + method + "\r\n"
               + "Max-Forwards: 70\r\n"
               + extra;
    }

    private static int answer(SipPeer peer, String message, String callId) throws Exception {
        peer.send(message.getBytes(StandardCharsets.ISO_8859_1));
        return peer.awaitResponse(callId, WAIT).status();
    }

    @Test
    void aHugeContentLengthOverTcpIsAnswered413AndTheListenerLivesOn() throws Exception {
        for (String length : new String[] {"2147483647", "2000000000", "10485760"}) {
            try (SipPeer peer = SipPeer.tcp(port)) {
                String callId = "huge" + length;
                assertThat(answer(peer, request("MESSAGE", "TCP", callId, " SIP/2.0",
                        "Content-Type: Application/MANSCDP+xml\r\nContent-Length: " + length + "\r\n\r\n<Notify>"),
                        callId)).isEqualTo(413);
            }
        }
        // the same, cut off before the end of its headers: nothing is dispatched, nothing allocated
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(request("MESSAGE", "TCP", "cut", " SIP/2.0",
                    "Content-Length: 2147483647\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        try (SipPeer peer = SipPeer.tcp(port)) {
            assertThat(answer(peer, request("OPTIONS", "TCP", "after", " SIP/2.0", "Content-Length: 0\r\n\r\n"),
                    "after")).isEqualTo(200);
        }
        assertThat(server.counters().rejected(413)).isEqualTo(3);
        assertThat(server.counters().streamsClosed()).isEqualTo(3);
    }

    @Test
    void aMessageWithoutContentLengthOverTcpDoesNotTakeTheLengthOfTheOneBefore() throws Exception {
        // jain-sip's parser kept "Content-Length: 5" for the second message and read the third one's first bytes as
        // its body: from there it read headers where the framing saw a body, a Content-Length beyond the limit among
        // them, and the OutOfMemoryError that followed stopped every TCP connection of the server
        try (SipPeer peer = SipPeer.tcp(port)) {
            peer.send((request("OPTIONS", "TCP", "withBody", " SIP/2.0",
                    "Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello")
                       + request("OPTIONS", "TCP", "noLength", " SIP/2.0", "\r\n")
                       + request("OPTIONS", "TCP", "third", " SIP/2.0", "Content-Length: 0\r\n\r\n"))
                    .getBytes(StandardCharsets.ISO_8859_1));
            // answered in any order: jain-sip works on requests of different calls in parallel
            Map<String, Integer> statuses = new HashMap<>();
            while (statuses.size() < 3) {
                SipText answer = peer.await(m -> m.isResponse() && m.status() >= 200, WAIT);
                statuses.put(answer.header("Call-ID"), answer.status());
            }
            assertThat(statuses).containsOnly(entry("withBody", 200), entry("noLength", 200), entry("third", 200));
        }
    }

    @Test
    void compactFormsOverTcpFrameTheBody() throws Exception {
        try (SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD)) {
            device.connect(port, "TCP");
            assertThat(device.register(3600).status()).isEqualTo(200);
            // a fresh connection: jain-sip's parser remembers the last Call-ID it saw on one
            device.connect(port, "TCP");
            String callId = SimulatedDevice.newId();
            byte[] keepalive = device.manscdpMessage(callId, ("<?xml version=\"1.0\"?><Notify><CmdType>Keepalive"
                    + "</CmdType><SN>9</SN><DeviceID>" + DEVICE + "</DeviceID><Status>OK</Status></Notify>")
                    .getBytes(StandardCharsets.US_ASCII));
            String compact = new String(keepalive, StandardCharsets.ISO_8859_1).replace("Content-Length:", "l:")
                    .replace("Call-ID:", "i:");
            device.peer().send(compact.getBytes(StandardCharsets.ISO_8859_1));
            assertThat(device.peer().awaitResponse(callId, WAIT).status()).isEqualTo(200);
        }
        await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e.type() == EventType.KEEPALIVE));
        assertThat(events.stream().filter(e -> e.type() == EventType.KEEPALIVE).findFirst().orElseThrow().body())
                .isInstanceOfSatisfying(KeepaliveNotify.class, k -> assertThat(k.getSn()).isEqualTo(9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void requestsTheHandlersCannotUseGetTheRightError(String transport) throws Exception {
        try (SipPeer peer = "UDP".equals(transport) ? SipPeer.udp(port) : SipPeer.tcp(port)) {
            assertThat(answer(peer, request("REGISTER", transport, "exp1", " SIP/2.0",
                    "Contact: <sip:" + DEVICE + "@127.0.0.1:5060>\r\nExpires: -1\r\nContent-Length: 0\r\n\r\n"),
                    "exp1")).as("negative Expires").isEqualTo(400);
            assertThat(answer(peer, request("REGISTER", transport, "exp2", " SIP/2.0",
                    "Contact: <sip:" + DEVICE + "@127.0.0.1:5060>\r\nExpires: 99999999999999999999\r\n"
                    + "Content-Length: 0\r\n\r\n"), "exp2")).as("Expires beyond int").isEqualTo(400);
            assertThat(answer(peer, request("OPTIONS", transport, "ver", " SIP/7.0", "Content-Length: 0\r\n\r\n"),
                    "ver")).as("SIP/7.0").isEqualTo(505);
            assertThat(answer(peer, request("OPTIONS", transport, "scheme", " SIP/2.0", "Content-Length: 0\r\n\r\n")
                    .replace("OPTIONS sip:", "OPTIONS nosuch:"), "scheme")).as("unknown scheme").isEqualTo(416);
        }
        assertThat(server.counters().rejected(400)).isEqualTo(2);
        assertThat(server.counters().rejected(505)).isEqualTo(1);
        assertThat(server.counters().rejected(416)).isEqualTo(1);
    }

    @Test
    void overUdpTheDatagramEndIsTheBodyEndWhateverContentLengthSays() throws Exception {
        // a device quirk (Content-Length: 0 before a body), and the seed captures' lost CRs (a length beyond the body):
        // an unregistered device's keepalive is decoded, and refused as such
        String keepalive = "<?xml version=\"1.0\"?><Notify><CmdType>Keepalive</CmdType><SN>1</SN><DeviceID>" + DEVICE
                           + "</DeviceID><Status>OK</Status></Notify>";
        try (SipPeer peer = SipPeer.udp(port)) {
            for (String length : new String[] {"0", "2147483647"}) {
                assertThat(answer(peer, request("MESSAGE", "UDP", "cl" + length, " SIP/2.0", "Content-Type: "
                        + "Application/MANSCDP+xml\r\nContent-Length: " + length + "\r\n\r\n" + keepalive), "cl" + length))
                        .isEqualTo(403);
            }
        }
    }

    @Test
    void messagesWithoutTheHeadersEveryMessageHasAreDroppedAndCounted() throws Exception {
        // jain-sip's automatic 400 threw on a datagram that starts with a header, and logged it whole at ERROR
        Logger stack = (Logger) LoggerFactory.getLogger("gov.nist.javax.sip");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        stack.addAppender(logged);
        try (SipPeer peer = SipPeer.udp(port)) {
            for (String header : new String[] {"Via", "From", "To", "Call-ID", "CSeq"}) {
                peer.send(request("OPTIONS", "UDP", "no" + header, " SIP/2.0", "Content-Length: 0\r\n\r\n")
                        .replaceAll("(?m)^" + header + ":[^\r]*\r\n", ""));
            }
            // and one whose start line went missing, so that it starts with a header
            peer.send(request("OPTIONS", "UDP", "noStartLine", " SIP/2.0", "Content-Length: 0\r\n\r\n")
                    .replaceAll("^[^\r]*\r\n", ""));
            await().atMost(WAIT).until(() -> server.counters().unparsable() == 6);
            // what came back was a 400 where the stack could address one, nothing else
            for (var m = peer.poll(Duration.ofMillis(200)); m != null; m = peer.poll(Duration.ofMillis(200))) {
                assertThat(m.status()).isEqualTo(400);
            }
            assertThat(answer(peer, request("OPTIONS", "UDP", "after", " SIP/2.0", "Content-Length: 0\r\n\r\n"),
                    "after")).isEqualTo(200);
        } finally {
            stack.detachAppender(logged);
        }
        assertThat(logged.list).noneMatch(e -> e.getThrowableProxy() != null
                                               && e.getThrowableProxy().getClassName().contains("IndexOutOfBounds"));
    }
}
