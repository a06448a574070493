package io.github.gb28181.example;

import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two kamelets the example ships (src/main/resources/kamelets), used from YAML routes loaded into the running
 * platform as a user would add them: the event source delivers a camera's events as JSON, the PTZ sink moves it.
 */
class KameletsTest extends PlatformTestSupport {

    @RegisterExtension
    Camera camera = new Camera("34020000001320000031", "34020000001310000031", PASSWORD);

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    ConsumerTemplate consumer;

    @Test
    void eventSourceAndPtzSinkWork() throws Exception {
        String routes = """
                - route:
                    id: kamelet-events
                    from:
                      uri: "kamelet:gb28181-event-source"
                      parameters:
                        types: ONLINE
                        deviceIds: "%1$s"
                      steps:
                        - to: seda:kamelet-events
                - route:
                    id: kamelet-ptz
                    from:
                      uri: direct:ptz
                      steps:
                        - to:
                            uri: "kamelet:gb28181-ptz-sink"
                            parameters:
                              channelId: "%2$s"
                """.formatted(camera.deviceId, camera.channelId);
        PluginHelper.getRoutesLoader(camelContext).loadRoutes(ResourceHelper.fromString("kamelets-test.yaml", routes));

        camera.registerAndAnswerFirstQueries(SIP_PORT);
        Exchange online = consumer.receive("seda:kamelet-events", Camera.WAIT.toMillis());
        assertThat(online).as("an ONLINE event from the kamelet").isNotNull();
        assertThat(online.getMessage().getHeader("eventType")).isEqualTo("ONLINE");
        assertThat(online.getMessage().getHeader("deviceId")).isEqualTo(camera.deviceId);
        JsonNode presence = json.readTree(online.getMessage().getBody(String.class));
        assertThat(presence.path("online").asBoolean()).isTrue();
        assertThat(presence.path("at").asText()).contains("T"); // ISO time, not a number

        // the command as the body, at the default speed 128: zoom in at 128 >> 4 = 8
        CompletableFuture<Object> zoom = producer.asyncRequestBody("direct:ptz", "zoomin");
        SipText zoomIn = camera.nextMessage(Camera.withCmdType("DeviceControl"));
        assertThat(Camera.tag(zoomIn.bodyText(), "PTZCmd")).isEqualTo("A50F001000008044");
        zoom.get();
        // the command and speed as headers
        CompletableFuture<Object> up = producer.asyncRequestBodyAndHeaders("direct:ptz", null,
                java.util.Map.of("command", "up", "speed", 100));
        SipText upCmd = camera.nextMessage(Camera.withCmdType("DeviceControl"));
        assertThat(Camera.tag(upCmd.bodyText(), "PTZCmd")).isEqualTo("A50F000800640020");
        up.get();

        for (String route : new String[] { "kamelet-events", "kamelet-ptz" }) {
            camelContext.getRouteController().stopRoute(route);
            camelContext.removeRoute(route);
        }
    }
}
