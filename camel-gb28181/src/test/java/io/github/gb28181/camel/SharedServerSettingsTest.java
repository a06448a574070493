package io.github.gb28181.camel;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gb28181.camel.test.FreePorts;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Endpoints on one host:port share one SIP server, so they must agree on what it is built from: an endpoint that
 * overrides the server id, the password or the access policy there is refused at start, with the differences named
 * (secrets never shown). Producer defaults may differ freely, and another port may be another platform.
 */
class SharedServerSettingsTest {

    private final int port = FreePorts.udpAndTcp();

    @Test
    void endpointWithOtherIdentityOrPasswordOnTheSamePortIsRefusedAtStart() throws Exception {
        try (CamelContext context = Gb28181TestSupport.loopbackContext(port)) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("gb28181:events").routeId("events").to("mock:events");
                    from("direct:catalog").routeId("catalog")
                            .to("gb28181:catalog?serverId=44010000002000000001&password=hunter22&allowedDevices=4401*");
                }
            });
            // Camel starts a route's producers before its consumer: whichever endpoint comes second is refused
            Throwable refused = catchThrowable(context::start);
            while (refused != null && !(refused instanceof IllegalArgumentException)) {
                refused = refused.getCause();
            }
            assertThat(refused).isNotNull();
            assertThat(refused.getMessage())
                    .containsPattern("^Cannot start gb28181://(events|catalog\\?[^ ]+): the gb28181 SIP server on"
                                     + " 127\\.0\\.0\\.1:" + port + " already runs for gb28181://(events|catalog\\?[^ ]+)"
                                     + " with other settings: serverId=")
                    .contains("44010000002000000001", "34020000002000000001", "password (differs)", "allowedDevices=")
                    .contains("set these options on the component, or give this endpoint a port of its own")
                    .doesNotContain("hunter22").doesNotContain(Gb28181TestSupport.PASSWORD);
        }
    }

    @Test
    void producerDefaultsMayDifferAndAnotherPortMayBeAnotherPlatform() throws Exception {
        int otherPort = FreePorts.udpAndTcp();
        try (CamelContext context = Gb28181TestSupport.loopbackContext(port)) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("gb28181:events").to("mock:events");
                    from("direct:catalog").to("gb28181:catalog?timeout=500&waitForResult=true&mediaPort=30000");
                    from("direct:other").to("gb28181:catalog?port=" + otherPort + "&serverId=44010000002000000001");
                }
            });
            context.start();
            assertThat(context.getComponent("gb28181", Gb28181Component.class).serverStates())
                    .isEqualTo(Map.of("127.0.0.1:" + port, true, "127.0.0.1:" + otherPort, true));
        }
    }

    @Test
    void everyOptionTheServerIsBuiltFromIsCompared() throws Exception {
        JsonNode options = new ObjectMapper().readTree(
                Path.of("src/generated/resources/META-INF/io/github/gb28181/camel/gb28181.json").toFile())
                .get("componentProperties");
        Set<String> serverOptions = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            boolean ofTheConfiguration = option.getValue().path("configurationClass").asText()
                    .equals(Gb28181Configuration.class.getName());
            boolean producerDefault = option.getValue().path("label").asText().contains("producer");
            if (ofTheConfiguration && !producerDefault && !Set.of("host", "port").contains(option.getKey())) {
                serverOptions.add(option.getKey());
            }
        }
        assertThat(PlatformServers.SERVER_OPTIONS.keySet()).containsExactlyInAnyOrderElementsOf(serverOptions);
    }
}
