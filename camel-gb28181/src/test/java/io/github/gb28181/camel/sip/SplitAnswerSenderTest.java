package io.github.gb28181.camel.sip;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.aggregate.AnswerSplitter;
import io.github.gb28181.camel.manscdp.model.CatalogItem;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.manscdp.model.StandardTypes;
import io.github.gb28181.camel.media.InMemoryMediaSessionRegistry;
import io.github.gb28181.camel.platform.PlatformServer;
import io.github.gb28181.camel.platform.PlatformSettings;
import io.github.gb28181.camel.sip.transport.SipServerSettings;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SipPeer;
import io.github.gb28181.camel.test.SipText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sending a large answer of ours as Annex M asks, over loopback to raw peers: UDP parts that each fit 1300 bytes, each
 * sent only once the previous one was answered 200; the whole answer over TCP when one record cannot fit a UDP
 * message; a refused part stops the rest.
 */
class SplitAnswerSenderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String PEER = "34020000002000000009";

    private final int port = FreePorts.udpAndTcp();
    private final ManscdpCodec codec = StandardTypes.codec();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private PlatformServer server;

    @BeforeEach
    void start() throws Exception {
        server = new PlatformServer(new SipServerSettings("127.0.0.1", port, Set.of("UDP", "TCP"), null, 1024 * 1024, 4),
                PlatformSettings.builder().build(), new DeviceRegistry(), new InMemoryMediaSessionRegistry());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
        timer.shutdownNow();
    }

    @Test
    void aLargeCatalogGoesOutInUdpSizedPartsEachAfterThePreviousOnesOk() throws Exception {
        try (SipPeer udp = SipPeer.udp(port)) {
            Device peer = peerAt(udp, "UDP");
            CatalogResponse catalog = catalog(60, "南门球机");
            SplitAnswerSender parts = new SplitAnswerSender(codec, timer, 0);
            int headers = SplitAnswerSender.headerBytes(message(peer, new byte[0]));
            SplitAnswerSender.Plan plan = parts.plan(catalog, GB18030, "UDP", headers, 100);
            assertThat(plan.transport()).isEqualTo("UDP");
            assertThat(plan.bodies()).hasSizeGreaterThan(3);

            CompletableFuture<Integer> sent = parts.send(plan, (body, transport) -> send(peer, body));
            List<String> received = new ArrayList<>();
            for (int i = 0; i < plan.bodies().size(); i++) {
                SipText part = udp.awaitRequest("MESSAGE", WAIT);
                assertThat(wireBytes(part)).as("part %d on the wire", i + 1)
                        .isLessThanOrEqualTo(AnswerSplitter.UDP_MESSAGE_LIMIT);
                assertThat(udp.poll(Duration.ofMillis(200))).as("part %d waits for the 200 to part %d", i + 2, i + 1)
                        .isNull();
                assertThat(sent).isNotDone();
                received.add(new String(part.body(), GB18030));
                new Answerer(udp).answer(part, 200);
            }
            assertThat(sent.get(10, TimeUnit.SECONDS)).isEqualTo(plan.bodies().size());
            List<String> ids = new ArrayList<>();
            for (String body : received) {
                assertThat(body).contains("<SumNum>60</SumNum>", "<SN>17</SN>");
                ids.addAll(CatalogIds.of(body));
            }
            assertThat(ids).as("every record once, in order").isEqualTo(CatalogIds.expected(60));
        }
    }

    @Test
    void aRecordTooLargeForUdpMovesTheWholeAnswerToTcp() throws Exception {
        try (SipPeer udp = SipPeer.udp(port); SipPeer tcp = SipPeer.tcp(port)) {
            Device viaUdp = peerAt(udp, "UDP");
            Device viaTcp = tcpPeer(tcp);
            CatalogResponse catalog = catalog(5, "x".repeat(1500)); // each record alone is beyond 1300 bytes
            SplitAnswerSender parts = new SplitAnswerSender(codec, timer, 0);
            SplitAnswerSender.Plan plan = parts.plan(catalog, GB18030, "UDP",
                    SplitAnswerSender.headerBytes(message(viaUdp, new byte[0])), 2);
            assertThat(plan.transport()).isEqualTo("TCP");
            assertThat(plan.bodies()).hasSize(3);

            CompletableFuture<Integer> sent = parts.send(plan,
                    (body, transport) -> send(transport.equals("TCP") ? viaTcp : viaUdp, body));
            for (int i = 0; i < 3; i++) {
                SipText part = tcp.awaitRequest("MESSAGE", WAIT);
                assertThat(part.header("Via")).startsWith("SIP/2.0/TCP");
                new Answerer(tcp).answer(part, 200);
            }
            assertThat(sent.get(10, TimeUnit.SECONDS)).isEqualTo(3);
            assertThat(udp.poll(Duration.ofMillis(200))).as("nothing over UDP").isNull();
        }
    }

    @Test
    void aRefusedPartStopsTheRest() throws Exception {
        try (SipPeer udp = SipPeer.udp(port)) {
            Device peer = peerAt(udp, "UDP");
            SplitAnswerSender parts = new SplitAnswerSender(codec, timer, 0);
            SplitAnswerSender.Plan plan = parts.plan(catalog(60, "cam"), GB18030, "UDP",
                    SplitAnswerSender.headerBytes(message(peer, new byte[0])), 100);
            CompletableFuture<Integer> sent = parts.send(plan, (body, transport) -> send(peer, body));
            new Answerer(udp).answer(udp.awaitRequest("MESSAGE", WAIT), 200);
            new Answerer(udp).answer(udp.awaitRequest("MESSAGE", WAIT), 500);
            assertThat(sent).failsWithin(WAIT).withThrowableThat().withMessageContaining("Part 2 of " + plan.bodies().size()
                                                                                        + " refused: 500");
            assertThat(udp.poll(Duration.ofMillis(300))).as("no third part").isNull();
        }
    }

    private static int wireBytes(SipText message) {
        String text = message.toString();
        return text.substring(0, text.indexOf("\r\n\r\n") + 4).getBytes(java.nio.charset.StandardCharsets.UTF_8).length
               + message.body().length;
    }

    /** The peer as a registry entry at its address, so RequestSender can address it. */
    private static Device peerAt(SipPeer peer, String transport) {
        Device device = new Device(PEER);
        device.setRemote("127.0.0.1", peer.localPort(), transport);
        return device;
    }

    /** A TCP peer the server has heard from, so its connection is the one requests to it go over. */
    private Device tcpPeer(SipPeer tcp) throws Exception {
        String callId = "options-" + tcp.localPort();
        tcp.send("OPTIONS sip:34020000002000000001@127.0.0.1:" + port + " SIP/2.0\r\n"
                 + "Via: SIP/2.0/TCP 127.0.0.1:" + tcp.localPort() + ";rport;branch=z9hG4bK" + callId + "\r\n"
                 + "From: <sip:" + PEER + "@3402000000>;tag=1\r\nTo: <sip:34020000002000000001@3402000000>\r\n"
                 + "Call-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
        assertThat(tcp.awaitResponse(callId, WAIT).status()).isEqualTo(200);
        return peerAt(tcp, "TCP");
    }

    private javax.sip.message.Request message(Device peer, byte[] body) throws Exception {
        return server.sender().createMessage(peer, "Application/MANSCDP+xml", body);
    }

    private CompletableFuture<javax.sip.message.Response> send(Device peer, byte[] body) {
        try {
            return server.sender().send(message(peer, body));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static CatalogResponse catalog(int items, String name) {
        CatalogResponse catalog = new CatalogResponse();
        catalog.setSn(17);
        catalog.setDeviceId("34020000002000000001");
        List<CatalogItem> list = new ArrayList<>();
        for (String id : CatalogIds.expected(items)) {
            CatalogItem item = new CatalogItem();
            item.setDeviceId(id);
            item.setName(name);
            item.setStatus("ON");
            list.add(item);
        }
        catalog.setItems(list);
        catalog.setSumNum(items);
        return catalog;
    }

    /** Channel ids 34020000001310000001 onwards, and reading them back out of a body. */
    private static final class CatalogIds {
        static List<String> expected(int n) {
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                ids.add(String.format("340200000013100%05d", i));
            }
            return ids;
        }

        static List<String> of(String body) {
            List<String> ids = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<Item>\r\n<DeviceID>(\\d{20})</DeviceID>")
                    .matcher(body);
            while (m.find()) {
                ids.add(m.group(1));
            }
            return ids;
        }
    }

    /** Answers a request the server sent to a raw peer. */
    private record Answerer(SipPeer peer) {
        void answer(SipText request, int status) throws Exception {
            StringBuilder sb = new StringBuilder("SIP/2.0 ").append(status).append(status == 200 ? " OK" : " Error")
                    .append("\r\n");
            for (String via : request.headers("Via")) {
                sb.append("Via: ").append(via).append("\r\n");
            }
            sb.append("From: ").append(request.header("From")).append("\r\n")
                    .append("To: ").append(request.header("To")).append(";tag=9\r\n")
                    .append("Call-ID: ").append(request.header("Call-ID")).append("\r\n")
                    .append("CSeq: ").append(request.header("CSeq")).append("\r\n")
                    .append("Content-Length: 0\r\n\r\n");
            peer.send(sb.toString());
        }
    }
}
