package io.github.gb28181.camel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gb28181.camel.event.EventType;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.test.DeviceResponder;
import io.github.gb28181.camel.test.DocSnippets;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SimulatedDevice;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keeps the docs true. The component .adoc documents every option and header of the generated JSON schema, every
 * event type and every command. Every Java and YAML block of the README, the user guide and the quick start runs:
 * routes start on a platform a simulated device registers to, receive its events (an alarm among them) and whatever
 * their direct: endpoints are sent, without one failed exchange; statement blocks run against the answering device;
 * configuration blocks configure a Camel Main application the device registers to. The only rewrites are the ports
 * (free loopback ones instead of 5060 and 30000), placeholders and folders.
 */
class DocumentationTest {

    private static final String DEVICE = "34020000001320000001";
    private static final String CHANNEL = "34020000001310000001";
    private static final String PASSWORD = Gb28181TestSupport.PASSWORD;
    private static final Path[] GUIDES = { Path.of("../README.md"), Path.of("../docs/user-guide.md"),
                                           Path.of("../docs/quick-start.md") };
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void adocDocumentsEveryOptionHeaderAndEventType() throws Exception {
        String adoc = Files.readString(Path.of("src/main/docs/gb28181-component.adoc"));
        JsonNode schema = new ObjectMapper().readTree(
                Path.of("src/generated/resources/META-INF/io/github/gb28181/camel/gb28181.json").toFile());

        for (String section : new String[] { "componentProperties", "properties" }) {
            for (Iterator<String> names = schema.get(section).fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!name.equals("configuration")) {
                    assertThat(adoc).as("option %s (%s)", name, section).contains("*" + name + "*");
                    assertThat(adoc).as("description of %s", name)
                            .contains(schema.get(section).get(name).get("description").asText());
                }
            }
        }
        for (Iterator<String> names = schema.get("headers").fieldNames(); names.hasNext();) {
            String name = names.next();
            assertThat(adoc).as("header %s", name).contains("`" + name + "`");
        }
        for (EventType type : EventType.values()) {
            assertThat(adoc).as("event type %s", type).contains("| " + type.name() + " |");
        }
        for (Gb28181Command command : Gb28181Command.values()) {
            if (command != Gb28181Command.EVENTS) {
                assertThat(adoc).as("command %s has a row in a command table", command)
                        .containsPattern("(?m)^\\| ([A-Za-z]+, )*" + command.value() + "(, [A-Za-z]+)* \\|");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyJavaAndYamlBlockOfTheGuidesRuns() throws Exception {
        List<DocSnippets.Snippet> snippets = DocSnippets.of(GUIDES);
        // the README's headline route, the user guide's events, commands, media, Spring Boot and YAML blocks
        assertThat(snippets).as("code blocks found").hasSizeGreaterThanOrEqualTo(6);
        return snippets.stream().map(snippet -> DynamicTest.dynamicTest(snippet.toString(), () -> {
            if (snippet.language().equals("yaml") && !snippet.isRoutes()) {
                runConfiguration(snippet);
            } else {
                runRoutes(snippet);
            }
        }));
    }

    /** Routes or statements on a platform a device registers to, raises an alarm on, and answers for. */
    private static void runRoutes(DocSnippets.Snippet snippet) throws Exception {
        int sipPort = FreePorts.udpAndTcp();
        int rtpPort = FreePorts.udpAndTcp();
        String code = freeRtpPorts(snippet.code().replace("0.0.0.0:30000", "127.0.0.1:" + rtpPort)
                .replace("mediaPort=30000", "mediaPort=" + rtpPort)
                .replace("file:streams", "file:target/doc-snippets/streams"));
        Outcomes outcomes = new Outcomes();
        try (CamelContext context = new DefaultCamelContext();
             SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD)) {
            context.addComponent("gb28181", Gb28181TestSupport.loopbackComponent(sipPort));
            context.addComponent("jms", new MockComponent()); // a broker is not what is being tested
            context.getManagementStrategy().addEventNotifier(outcomes);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // starts the SIP server; its own URI, so a snippet may use gb28181:events as it is
                    from("gb28181:events?types=RAW").routeId("doc-harness").to("mock:harness");
                }
            });
            Object compiled = null;
            if (snippet.language().equals("java")) {
                compiled = DocSnippets.compile(snippet, code);
                if (compiled instanceof RoutesBuilder routes) {
                    context.addRoutes(routes);
                }
            } else {
                PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("snippet.yaml", code));
            }
            context.start();

            device.connect(sipPort, "UDP");
            assertThat(device.register(3600).status()).isEqualTo(200);
            assertThat(device.sendManscdp("<?xml version=\"1.0\"?><Notify><CmdType>Alarm</CmdType><SN>"
                                          + device.nextSn() + "</SN><DeviceID>" + DEVICE + "</DeviceID><AlarmPriority>1"
                                          + "</AlarmPriority><AlarmMethod>5</AlarmMethod></Notify>",
                    StandardCharsets.UTF_8).status()).isEqualTo(200);
            assertThat(device.keepalive().status()).isEqualTo(200);
            try (DeviceResponder answering = DeviceResponder.start(device, CHANNEL)) {
                ProducerTemplate template = context.createProducerTemplate();
                if (compiled instanceof DocSnippets.Statements statements) {
                    statements.run(template);
                }
                List<Route> routes = context.getRoutes().stream().filter(r -> !r.getRouteId().equals("doc-harness"))
                        .toList();
                for (Route route : routes) {
                    String from = route.getEndpoint().getEndpointUri();
                    if (from.startsWith("direct:")) {
                        template.requestBodyAndHeaders(from, bodyFor(from), Map.of(Gb28181Constants.DEVICE_ID, DEVICE,
                                Gb28181Constants.CHANNEL_ID, CHANNEL));
                    }
                }
                await().atMost(WAIT).untilAsserted(() -> {
                    assertThat(outcomes.failures).as("failed exchanges of %s", snippet).isEmpty();
                    for (Route route : routes) {
                        if (!route.getEndpoint().getEndpointUri().startsWith("gb28181-rtp")) {
                            assertThat(outcomes.completed).as("route from %s ran", route.getEndpoint().getEndpointUri())
                                    .contains(route.getRouteId());
                        }
                    }
                });
            }
        }
    }

    /** Every other port a snippet's RTP endpoint listens on becomes a free loopback one: no test binds a fixed port. */
    private static String freeRtpPorts(String code) {
        Map<String, Integer> ports = new HashMap<>();
        return Pattern.compile("gb28181-rtp:0\\.0\\.0\\.0:([1-9][0-9]*)").matcher(code)
                .replaceAll(m -> "gb28181-rtp:127.0.0.1:" + ports.computeIfAbsent(m.group(1), p -> FreePorts.udpAndTcp()));
    }

    /**
     * What a snippet's direct: endpoint is sent: nothing, as for a command (its options say what to do), except an
     * endpoint named after a codec, which gets one access unit of it, as a route feeding the RTP producer would.
     */
    private static Object bodyFor(String directUri) {
        if (directUri.equals("direct://h264") || directUri.equals("direct:h264")) {
            byte[] stream = Samples.bytes(Samples.H264_AUD);
            // the first access unit: up to the second access unit delimiter (00 00 00 01 09)
            for (int i = 4; i + 4 < stream.length; i++) {
                if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 0 && stream[i + 3] == 1
                    && (stream[i + 4] & 0x1F) == 9) {
                    return Arrays.copyOf(stream, i);
                }
            }
            return stream;
        }
        return null;
    }

    /** Spring Boot style configuration, given to a Camel Main application as camel.component.* properties. */
    private static void runConfiguration(DocSnippets.Snippet snippet) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        flatten("", new Yaml().load(snippet.code()), properties);
        assertThat(properties).as("camel.component properties in %s", snippet).isNotEmpty()
                .allSatisfy((key, value) -> assertThat(key).startsWith("camel.component."));
        int sipPort = FreePorts.udpAndTcp();
        Main main = new Main();
        properties.forEach((key, value) -> main.addInitialProperty(key, value
                .replaceAll("\\$\\{[^}]+}", PASSWORD) // environment placeholders: the only one is the password
                .replace("data/", "target/doc-snippets/")));
        main.addInitialProperty("camel.component.gb28181.host", "127.0.0.1");
        main.addInitialProperty("camel.component.gb28181.port", String.valueOf(sipPort));
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events").to("mock:events");
            }
        });
        main.start();
        try (SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD)) {
            Gb28181Configuration config = main.getCamelContext().getComponent("gb28181", Gb28181Component.class)
                    .getConfiguration();
            device.serverId(config.getServerId()).connect(sipPort, "UDP");
            assertThat(device.register(3600).status()).as("a device registers with the documented settings")
                    .isEqualTo(200);
        } finally {
            main.stop();
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, into));
        } else {
            into.put(prefix, String.valueOf(value));
        }
    }

    /** Which routes completed an exchange, and which exchanges failed. */
    private static final class Outcomes extends EventNotifierSupport {
        final Set<String> completed = ConcurrentHashMap.newKeySet();
        final List<String> failures = new CopyOnWriteArrayList<>();

        @Override
        public void notify(CamelEvent event) {
            if (event instanceof CamelEvent.ExchangeCompletedEvent done) {
                Exchange exchange = done.getExchange();
                if (exchange.isFailed()) {
                    failures.add(exchange.getFromRouteId() + ": " + exchange.getException());
                } else if (exchange.getFromRouteId() != null) {
                    completed.add(exchange.getFromRouteId());
                }
            } else if (event instanceof CamelEvent.ExchangeFailedEvent failed) {
                failures.add(failed.getExchange().getFromRouteId() + ": " + failed.getExchange().getException());
            }
        }
    }
}
