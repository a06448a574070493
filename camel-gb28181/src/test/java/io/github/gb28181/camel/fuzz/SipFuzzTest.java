package io.github.gb28181.camel.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gb28181.camel.Gb28181Configuration;
import io.github.gb28181.camel.Gb28181Constants;
import io.github.gb28181.camel.Gb28181TestSupport;
import io.github.gb28181.camel.PlatformServerAccess;
import io.github.gb28181.camel.event.EventType;
import io.github.gb28181.camel.event.Presence;
import io.github.gb28181.camel.event.Registration;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RawMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.model.KeepaliveNotify;
import io.github.gb28181.camel.sip.transport.SipCounters;
import io.github.gb28181.camel.test.SimulatedDevice;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mutated SIP messages, over UDP and over TCP, against a running component whose {@code gb28181:events} route collects
 * everything. The fuzzed messages come from ids that never register, so any event they caused would be a failure;
 * a simulated device with an id of its own registers and sends a keepalive after every batch, and its events are the
 * only ones the route may see, each a whole, typed object.
 */
class SipFuzzTest extends Gb28181TestSupport {

    private static final long SEED = 0x51F0L;
    private static final int BATCHES = 10;
    private static final int PER_BATCH = 1000;
    /** The only device that registers: no seed or torture message carries its id. */
    private static final String PROBE = "34020000001329990001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BRANCH = Pattern.compile("z9hG4bK[-.!%*_+`'~A-Za-z0-9]*");

    private record Seen(EventType type, String deviceId, Object body) {
    }

    private final List<Seen> events = new CopyOnWriteArrayList<>();
    private int keepalivesAnswered;

    @Override
    protected void configure(Gb28181Configuration configuration) {
        configuration.setTransports("UDP,TCP");
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=" + ALL_TYPES).process(exchange -> events.add(new Seen(
                        EventType.valueOf(exchange.getIn().getHeader(Gb28181Constants.EVENT_TYPE, String.class)),
                        exchange.getIn().getHeader(Gb28181Constants.DEVICE_ID, String.class),
                        exchange.getIn().getBody())));
            }
        };
    }

    @Test
    void mutatedMessagesOverUdp() throws Exception {
        fuzz("UDP");
    }

    @Test
    void mutatedMessagesOverTcp() throws Exception {
        fuzz("TCP");
    }

    @Test
    void tortureMessagesGetTheRightAnswer() throws Exception {
        try (SipFuzzClient client = new SipFuzzClient(sipPort)) {
            List<String> wrong = new ArrayList<>();
            for (String transport : List.of("UDP", "TCP")) {
                for (TortureMessages.Case c : new TortureMessages(transport, client.udpPort(), sipPort).all().values()) {
                    String callId = callId(c.message());
                    int status = client.exchange(transport, c.message(), callId,
                            Duration.ofMillis(c.expected().contains(0) ? 300 : 5000));
                    System.out.printf("TORTURE %s %-40s %s%n", transport, c.name(), status == 0 ? "no answer" : status);
                    if (!c.expected().contains(status)) {
                        wrong.add(transport + " " + c.name() + ": " + status + ", expected one of " + c.expected());
                    }
                }
            }
            assertThat(wrong).isEmpty();
        }
        probe("UDP");
        probe("TCP");
        assertEventsAreTheProbes();
    }

    /**
     * Mutated and hostile MANSCDP bodies in MESSAGEs from a registered device: each gets 200 (and an event whose body is
     * a whole document), 400, 413 or 415, and the server goes on serving.
     */
    @Test
    void mutatedManscdpBodiesFromARegisteredDevice() throws Exception {
        FuzzReport report = new FuzzReport("manscdp-sip");
        List<byte[]> seeds = Corpus.manscdpBodies();
        Mutator mutator = new Mutator(SEED + 7, seeds);
        List<String> wrong = new ArrayList<>();
        try (SimulatedDevice device = new SimulatedDevice(PROBE, PASSWORD)) {
            for (String transport : List.of("UDP", "TCP")) {
                device.connect(sipPort, transport);
                assertThat(device.register(3600).status()).isEqualTo(200);
                List<byte[]> bodies = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    byte[] seed = seeds.get(mutator.random().nextInt(seeds.size()));
                    bodies.add(mutator.random().nextBoolean() ? mutator.text(seed) : mutator.bytes(seed));
                }
                // the hostile ones a datagram can carry go over UDP; all of them, 10 MB included, over TCP
                HostileXml.all().values().stream().filter(b -> "TCP".equals(transport) || b.length < 60_000)
                        .forEach(bodies::add);
                for (byte[] body : bodies) {
                    String callId = SimulatedDevice.newId();
                    report.input();
                    try {
                        device.peer().send(device.manscdpMessage(callId, body));
                    } catch (java.io.IOException e) {
                        // the 10 MB body: the server answered 413 on its headers and closed before the rest came
                    }
                    int status = device.peer().awaitResponse(callId, SimulatedDevice.TIMEOUT).status();
                    if (status == 200) {
                        report.accept();
                    } else {
                        report.reject(Integer.toString(status));
                    }
                    if (!List.of(200, 400, 413, 415).contains(status)) {
                        wrong.add(transport + " body of " + body.length + " bytes: " + status);
                    }
                    if (status == 413 && "TCP".equals(transport)) {
                        device.connect(sipPort, transport); // the server closed a stream it could not frame past
                    }
                }
            }
        }
        report.print();
        assertThat(wrong).isEmpty();
        assertThat(report.rejected("400")).isPositive();
        assertThat(report.rejected("413")).as("the 10 MB body over TCP").isPositive();
        probe("UDP");
        probe("TCP");
        for (Seen e : events) {
            assertThat(e.deviceId()).isEqualTo(PROBE);
            if (e.body() instanceof ManscdpMessage m) {
                // a typed document names its kind and CmdType (a raw one, its root), and marshals as routes expect
                if (m instanceof RawMessage raw) {
                    assertThat(raw.getRootName()).as("%s", e).isNotBlank();
                } else {
                    assertThat(m.getKind()).as("%s", e).isNotNull();
                    assertThat(m.getCmdType()).as("%s", e).isNotBlank();
                }
                assertThat(JSON.writeValueAsString(m)).as("%s", e).startsWith("{");
            } else {
                assertThat(e.body()).as("%s", e).isInstanceOfAny(Registration.class, Presence.class);
            }
        }
    }

    private void fuzz(String transport) throws Exception {
        Heap heap = Heap.measure("sip-" + transport.toLowerCase());
        FuzzReport report = new FuzzReport("sip-" + transport.toLowerCase());
        try (SipFuzzClient client = new SipFuzzClient(sipPort)) {
            List<byte[]> seeds = new ArrayList<>(Corpus.sipMessages(transport, client.udpPort(), sipPort));
            new TortureMessages(transport, client.udpPort(), sipPort).all().values().forEach(c -> seeds.add(c.message()));
            Mutator mutator = new Mutator(SEED + transport.hashCode(), seeds);
            Random random = mutator.random();
            byte[] garbage = new byte[4096];
            random.nextBytes(garbage);
            probe(transport);
            for (int batch = 0; batch < BATCHES; batch++) {
                List<byte[]> inputs = new ArrayList<>(PER_BATCH);
                while (inputs.size() < PER_BATCH) {
                    byte[] seed = seeds.get(random.nextInt(seeds.size()));
                    byte[] input = random.nextInt(4) == 0 ? mutator.bytes(seed) : mutator.text(seed);
                    if (contains(input, PROBE)) {
                        continue; // cannot happen with these seeds; the check keeps the event assertion sound
                    }
                    inputs.add(random.nextInt(10) == 0 ? input : freshBranch(input, batch * PER_BATCH + inputs.size()));
                    report.input();
                }
                if ("UDP".equals(transport)) {
                    for (byte[] input : inputs) {
                        client.sendUdp(input);
                    }
                    client.syncUdp();
                } else {
                    for (int from = 0; from < inputs.size(); ) {
                        // a few messages per connection: a lying Content-Length swallows the rest of its own
                        int to = Math.min(inputs.size(), from + 1 + random.nextInt(10));
                        client.sendTcp(inputs.subList(from, to), random, garbage);
                        from = to;
                    }
                }
                probe("UDP");
                probe("TCP");
                assertEventsAreTheProbes();
            }
            long answered = 0;
            for (Map.Entry<Integer, Long> status : client.statuses().entrySet()) {
                answered += status.getValue();
                if (status.getKey() < 300) {
                    report.accept(status.getValue());
                } else {
                    report.reject(Integer.toString(status.getKey()), status.getValue());
                }
            }
            report.reject("unanswered", Math.max(0, report.inputs() - answered));
            if ("TCP".equals(transport)) {
                report.reject("connections reset", client.connectionsReset());
            }
            report.print();
            SipCounters counters = PlatformServerAccess.of(gb28181()).counters();
            System.out.printf("FUZZ %-12s server counted: %s%n", "sip-" + transport.toLowerCase(), counters);
            assertThat(client.connectionsHung()).as("connections the server neither answered nor closed").isZero();
            // what the server dropped or refused, it counted
            assertThat(counters.unparsable()).isPositive();
            assertThat(counters.rejected(400)).isPositive();
            assertThat(counters.rejected(403)).as("unregistered senders").isPositive();
            if ("TCP".equals(transport)) {
                assertThat(counters.streamsClosed()).isPositive();
            }
        }
        heap.assertBounded();
    }

    /** A device that was never fuzzed registers, keeps alive and is heard: the server still serves. */
    private void probe(String transport) throws Exception {
        try (SimulatedDevice device = new SimulatedDevice(PROBE, PASSWORD)) {
            device.connect(sipPort, transport);
            assertThat(device.register(3600).status()).as("REGISTER over %s", transport).isEqualTo(200);
            assertThat(device.keepalive().status()).as("keepalive over %s", transport).isEqualTo(200);
        }
        int expected = ++keepalivesAnswered;
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream()
                .filter(e -> e.type() == EventType.KEEPALIVE).count() >= expected);
    }

    /** Every event came from the probe, and is whole: fuzzed input never reached the route. */
    private void assertEventsAreTheProbes() {
        for (Seen e : events) {
            assertThat(e.deviceId()).as("device of %s", e).isEqualTo(PROBE);
            switch (e.type()) {
                case REGISTER -> assertThat(e.body()).isInstanceOfSatisfying(Registration.class, r -> {
                    assertThat(r.deviceId()).isEqualTo(PROBE);
                    assertThat(r.expires()).isEqualTo(3600);
                    assertThat(r.remoteAddress()).startsWith("127.0.0.1:");
                    assertThat(r.transport()).isIn("UDP", "TCP");
                    assertThat(r.at()).isNotNull();
                });
                case ONLINE -> assertThat(e.body()).isInstanceOfSatisfying(Presence.class, p -> {
                    assertThat(p.deviceId()).isEqualTo(PROBE);
                    assertThat(p.online()).isTrue();
                });
                case KEEPALIVE -> assertThat(e.body()).isInstanceOfSatisfying(KeepaliveNotify.class, k -> {
                    assertThat(k.getKind()).isEqualTo(RootKind.NOTIFY);
                    assertThat(k.getDeviceId()).isEqualTo(PROBE);
                    assertThat(k.getSn()).isNotNull();
                    assertThat(k.getStatus()).isEqualTo("OK");
                });
                default -> throw new AssertionError("The probe never causes " + e);
            }
        }
        assertThat(events.stream().filter(e -> e.type() == EventType.KEEPALIVE).count()).isEqualTo(keepalivesAnswered);
    }

    private static byte[] freshBranch(byte[] input, int index) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        Matcher m = BRANCH.matcher(text);
        return m.find() ? (text.substring(0, m.end()) + "-f" + index + text.substring(m.end()))
                .getBytes(StandardCharsets.ISO_8859_1) : input;
    }

    private static String callId(byte[] message) {
        Matcher m = Pattern.compile("(?im)^(?:call-id|i)\\s*:\\s*(\\S+)").matcher(new String(message, StandardCharsets.ISO_8859_1));
        return m.find() ? m.group(1) : "none";
    }

    private static boolean contains(byte[] input, String text) {
        return new String(input, StandardCharsets.ISO_8859_1).contains(text);
    }
}
