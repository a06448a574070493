package io.github.gb28181.example;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gb28181.camel.media.Ffprobe;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the example platform is for, end to end over real sockets: a camera registers; its event reaches a JMS client
 * of the embedded broker; the REST API lists it online with its channel; PTZ through REST reaches the camera byte for
 * byte; play through REST INVITEs the camera, whose RTP ends up in the stream file; DELETE hangs up with BYE.
 */
class PlatformEndToEndTest extends PlatformTestSupport {

    @RegisterExtension
    Camera camera = new Camera("34020000001320000001", "34020000001310000001", PASSWORD);

    @Test
    void cameraRegistersIsSteeredAndStreamsThroughTheRestApi() throws Exception {
        try (Connection jms = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT)
                .createConnection(BROKER_USER, BROKER_PASSWORD)) {
            Session session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer events = session.createConsumer(session.createTopic("gb28181.events"));
            jms.start();

            camera.registerAndAnswerFirstQueries(SIP_PORT);

            // the REGISTER event, as any JMS client of the broker receives it
            JsonNode register = null;
            while (register == null) {
                TextMessage message = (TextMessage) events.receive(Camera.WAIT.toMillis());
                assertThat(message).as("an event on gb28181.events").isNotNull();
                JsonNode event = json.readTree(message.getText());
                if ("REGISTER".equals(event.path("type").asText()) && camera.deviceId.equals(event.path("deviceId").asText())) {
                    register = event;
                    assertThat(message.getStringProperty("eventType")).isEqualTo("REGISTER");
                }
            }
            assertThat(register.path("body").path("transport").asText()).isEqualTo("UDP");
            assertThat(register.path("body").path("expires").asInt()).isEqualTo(3600);
            assertThat(register.path("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        }

        // online, with the channel its catalog listed and the make its device info gave
        await().atMost(Camera.WAIT).untilAsserted(() -> {
            JsonNode device = get("/api/devices/" + camera.deviceId).json();
            assertThat(device.path("online").asBoolean()).isTrue();
            assertThat(device.path("manufacturer").asText()).isEqualTo("Hikvision");
        });
        JsonNode device = get("/api/devices/" + camera.deviceId).json();
        assertThat(device.path("transport").asText()).isEqualTo("UDP");
        assertThat(device.path("remoteAddress").asText()).startsWith("127.0.0.1:");
        assertThat(device.path("model").asText()).isEqualTo("DS-2DE4425IW");
        assertThat(device.path("expires").asInt()).isEqualTo(3600);
        assertThat(device.path("channelCount").asInt()).isEqualTo(1);
        assertThat(device.path("registeredAt").asText()).isNotBlank();
        assertThat(get("/api/devices").json().findValuesAsText("deviceId")).contains(camera.deviceId);
        JsonNode channel = get("/api/devices/" + camera.deviceId + "/channels").json().get(0);
        assertThat(channel.path("channelId").asText()).isEqualTo(camera.channelId);
        assertThat(channel.path("name").asText()).isEqualTo("Gate camera");
        assertThat(channel.path("status").asText()).isEqualTo("ON");
        assertThat(channel.path("parentId").asText()).isEqualTo(camera.deviceId);

        // PTZ up at speed 100: the seed captures' bytes
        CompletableFuture<HttpResponse<String>> ptz = postAsync("/api/channels/" + camera.channelId + "/ptz",
                "{\"command\":\"up\",\"speed\":100}");
        SipText control = camera.nextMessage(Camera.withCmdType("DeviceControl"));
        assertThat(Camera.tag(control.bodyText(), "PTZCmd")).isEqualTo("A50F000800640020");
        assertThat(Camera.tag(control.bodyText(), "DeviceID")).isEqualTo(camera.channelId);
        assertThat(ptz.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

        // play: INVITE answered, the camera's RTP written to the stream file
        CompletableFuture<HttpResponse<String>> play = postAsync("/api/channels/" + camera.channelId + "/play",
                "{\"transport\":\"udp\"}");
        SipText invite = camera.device.peer().awaitRequest("INVITE", Camera.WAIT);
        assertThat(invite.bodyText()).contains("m=video " + RTP_PORT + " RTP/AVP");
        String toTag = SimulatedDevice.newId();
        String ssrc = camera.acceptInvite(invite, toTag);
        HttpResponse<String> played = play.get(10, TimeUnit.SECONDS);
        assertThat(played.statusCode()).isEqualTo(201);
        JsonNode stream = json.readTree(played.body());
        String streamId = stream.path("streamId").asText();
        assertThat(stream.path("callId").asText()).isEqualTo(invite.header("Call-ID"));
        assertThat(stream.path("ssrc").asText()).isEqualTo(ssrc);
        assertThat(stream.path("deviceId").asText()).isEqualTo(camera.deviceId);
        assertThat(stream.path("channelId").asText()).isEqualTo(camera.channelId);
        Path file = Path.of(stream.path("file").asText());
        assertThat(file).isEqualTo(DATA_DIR.resolve("streams").resolve(streamId + ".mp4").toAbsolutePath().normalize());

        Camera.streamSample(Samples.H264_GST_PSM, ssrc, RTP_PORT);
        int frames = Samples.videoFrames(Samples.H264_GST_PSM);
        // the last frame is only complete when the stream idles out; every other one is counted
        await().atMost(Camera.WAIT).untilAsserted(() -> assertThat(
                get("/api/streams").json().findValues("frames").stream().mapToLong(JsonNode::asLong).max().orElse(0))
                .isGreaterThanOrEqualTo(frames - 1));
        JsonNode figures = get("/api/streams").json().get(0);
        assertThat(figures.path("streamId").asText()).isEqualTo(streamId);
        assertThat(figures.path("codec").asText()).isEqualTo("H264");
        assertThat(figures.path("lostPackets").asLong()).isZero();
        assertThat(figures.path("recording").asText()).isEqualTo(streamId + ".mp4");
        long received = figures.path("frames").asLong();

        // DELETE hangs up
        CompletableFuture<HttpResponse<String>> stop = sendAsync("DELETE", "/api/streams/" + streamId, null);
        SipText bye = camera.device.peer().awaitRequest("BYE", Camera.WAIT);
        assertThat(bye.header("Call-ID")).isEqualTo(invite.header("Call-ID"));
        camera.device.answer(bye, 200, "OK", toTag, "");
        HttpResponse<String> stopped = stop.get(10, TimeUnit.SECONDS);
        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(json.readTree(stopped.body()).path("state").asText()).isEqualTo("ENDED");
        // the recording: an MP4 with every frame the platform got, its last GOP written when the stream closed
        assertThat(Ffprobe.videoFrames(file, "mp4")).isEqualTo(received);
        assertThat(Ffprobe.keyFrames(file, "mp4")).isEqualTo(Samples.keyFrames(Samples.H264_GST_PSM));
        assertThat(json.readTree(stopped.body()).path("recordedBytes").asLong()).isEqualTo(Files.size(file));
        assertThat(get("/api/streams").json()).isEmpty();
    }

    CompletableFuture<HttpResponse<String>> postAsync(String path, String body) {
        return sendAsync("POST", path, body);
    }

    CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, String body) {
        return callAsync(method, path, body);
    }
}
