package io.github.gb28181.example;

import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gb28181.camel.device.DeviceUnavailableException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                """.formatted(camera.deviceId, camera.channelId) + ptzSinkRoute("kamelet-ptz", camera.channelId, null);
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
        CompletableFuture<Object> zoom = producer.asyncRequestBody("direct:kamelet-ptz", "zoomin");
        SipText zoomIn = camera.nextMessage(Camera.withCmdType("DeviceControl"));
        assertThat(Camera.tag(zoomIn.bodyText(), "PTZCmd")).isEqualTo("A50F001000008044");
        zoom.get();
        // the command and speed as headers
        CompletableFuture<Object> up = producer.asyncRequestBodyAndHeaders("direct:kamelet-ptz", null,
                java.util.Map.of("command", "up", "speed", 100));
        SipText upCmd = camera.nextMessage(Camera.withCmdType("DeviceControl"));
        assertThat(Camera.tag(upCmd.bodyText(), "PTZCmd")).isEqualTo("A50F000800640020");
        up.get();

        for (String route : new String[] { "kamelet-events", "kamelet-ptz" }) {
            camelContext.getRouteController().stopRoute(route);
            camelContext.removeRoute(route);
        }
    }

    /**
     * A camera that registered but whose catalog the platform does not hold (it never answers the Catalog query):
     * the sink names the missing piece instead of calling the channel an unknown device, and moves the camera once
     * the kamelet names its device. The command body keeps its whitespace: no trim() (and no camel-bean) is needed.
     */
    @Test
    void ptzSinkReachesAFreshDeviceNamedByIdAndExplainsWhatIsMissingWithout() throws Exception {
        Camera fresh = new Camera("34020000001320000032", "34020000001310000032", PASSWORD);
        String routes = ptzSinkRoute("kamelet-ptz-channel-only", fresh.channelId, null)
                        + ptzSinkRoute("kamelet-ptz-device", fresh.channelId, fresh.deviceId);
        PluginHelper.getRoutesLoader(camelContext).loadRoutes(ResourceHelper.fromString("kamelets-fresh.yaml", routes));
        try {
            fresh.device.connect(SIP_PORT, "UDP");
            assertThat(fresh.device.register(3600).status()).isEqualTo(200);

            assertThatThrownBy(() -> producer.requestBody("direct:kamelet-ptz-channel-only", "up"))
                    .rootCause().isInstanceOf(DeviceUnavailableException.class)
                    .hasMessage(fresh.channelId + " is neither a registered device nor a channel in the catalog of one:"
                                + " query the device's catalog first (gb28181:catalog), or name the device (deviceId"
                                + " or header CamelGb28181DeviceId)");

            CompletableFuture<Object> up = producer.asyncRequestBody("direct:kamelet-ptz-device", " up\n");
            SipText control = fresh.nextMessage(Camera.withCmdType("DeviceControl"));
            assertThat(control.requestUri()).startsWith("sip:" + fresh.deviceId + "@"); // to the device, naming the channel
            assertThat(Camera.tag(control.bodyText(), "DeviceID")).isEqualTo(fresh.channelId);
            assertThat(Camera.tag(control.bodyText(), "PTZCmd")).isEqualTo("A50F00080080003C"); // up at 128
            up.get();
        } finally {
            fresh.device.close();
            for (String route : new String[] { "kamelet-ptz-channel-only", "kamelet-ptz-device" }) {
                camelContext.getRouteController().stopRoute(route);
                camelContext.removeRoute(route);
            }
        }
    }

    /** A YAML route from direct:{@code id} through the PTZ sink kamelet, naming the device when one is given. */
    private static String ptzSinkRoute(String id, String channelId, String deviceId) {
        return """
                - route:
                    id: %1$s
                    from:
                      uri: direct:%1$s
                      steps:
                        - to:
                            uri: "kamelet:gb28181-ptz-sink"
                            parameters:
                              channelId: "%2$s"
                """.formatted(id, channelId)
               + (deviceId == null ? "" : "              deviceId: \"" + deviceId + "\"\n"); // under channelId
    }
}
