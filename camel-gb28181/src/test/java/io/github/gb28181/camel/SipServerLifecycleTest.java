package io.github.gb28181.camel;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipPeer;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SipServerLifecycleTest {

    private final int port = FreePorts.udpAndTcp();

    @Test
    void startStopStartFreesThePortAndServesAgain() throws Exception {
        for (int round = 0; round < 2; round++) {
            List<String> events = new CopyOnWriteArrayList<>();
            CamelContext context = contextWithTwoConsumers(events);
            context.start();
            try (SimulatedDevice device = new SimulatedDevice("34020000001320000001", "12345678")) {
                device.connect(port, round == 0 ? "UDP" : "TCP");
                assertThat(device.register(3600).status()).isEqualTo(200);
                // both consumers share one server: each sees the REGISTER
                await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
                assertThat(events).containsExactlyInAnyOrder("a:REGISTER", "b:REGISTER");
            } finally {
                context.stop();
            }
            assertPortFree();
        }
    }

    @Test
    void stoppingLeavesNoStackThreadBehind() throws Exception {
        Set<Thread> before = stackThreads();
        CamelContext context = contextWithTwoConsumers(new CopyOnWriteArrayList<>());
        context.start();
        // the second UDP reader is started by the first, on jain-sip's thread, just after the server
        await().atMost(Duration.ofSeconds(5)).until(() -> stackThreads().stream().filter(t -> !before.contains(t))
                .anyMatch(t -> t.getName().endsWith("-UDPReader-1")));
        Set<Thread> ours = stackThreads();
        ours.removeAll(before);
        assertThat(ours).extracting(Thread::getName).contains("EventScannerThread");
        context.stop();
        // jain-sip's event thread would wait forever for an event after stop, keeping the JVM alive; our second UDP
        // reader must end with the socket it reads
        await().atMost(Duration.ofSeconds(10)).until(() -> ours.stream().noneMatch(Thread::isAlive));
    }

    private static Set<Thread> stackThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> "EventScannerThread".equals(t.getName()) || t.getName().contains("-UDPReader-"))
                .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    }

    @Test
    void optionsIsAnsweredAndUnknownMethodsAreRefused() throws Exception {
        CamelContext context = contextWithTwoConsumers(new CopyOnWriteArrayList<>());
        context.start();
        try (SipPeer peer = SipPeer.udp(port)) {
            for (String method : List.of("OPTIONS", "FOO")) {
                String callId = SimulatedDevice.newId();
                peer.send(method + " sip:34020000002000000001@3402000000 SIP/2.0\r\n"
                          + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.localPort() + ";rport;branch=z9hG4bK" + callId + "\r\n"
                          + "From: <sip:34020000001320000001@3402000000>;tag=1\r\n"
                          + "To: <sip:34020000002000000001@3402000000>\r\n"
                          + "Call-ID: " + callId + "\r\nCSeq: 1 " + method + "\r\nMax-Forwards: 70\r\n"
                          + "Content-Length: 0\r\n\r\n");
                SipText answer = peer.awaitResponse(callId, Duration.ofSeconds(5));
                if (method.equals("OPTIONS")) {
                    assertThat(answer.status()).isEqualTo(200);
                    assertThat(answer.header("Allow")).as(answer.toString()).contains("REGISTER").contains("MESSAGE");
                } else {
                    assertThat(answer.status()).isEqualTo(405);
                }
            }
        } finally {
            context.stop();
        }
    }

    private CamelContext contextWithTwoConsumers(List<String> events) throws Exception {
        CamelContext context = new DefaultCamelContext();
        Gb28181Component component = new Gb28181Component();
        component.getConfiguration().setHost("127.0.0.1");
        component.getConfiguration().setPort(port);
        component.getConfiguration().setPassword("12345678");
        context.addComponent("gb28181", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=REGISTER").process(e -> events.add("a:" + e.getIn().getHeader(Gb28181Constants.EVENT_TYPE)));
                from("gb28181:events?types=register").process(e -> events.add("b:" + e.getIn().getHeader(Gb28181Constants.EVENT_TYPE)));
            }
        });
        return context;
    }

    /**
     * The port is free again soon after stop: a UDP socket is released by the kernel once its reader thread has
     * returned from receive, which a loaded machine may delay for a moment after close.
     */
    private void assertPortFree() {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    port))) {
                assertThat(udp.getLocalPort()).isEqualTo(port);
            }
        });
    }
}
