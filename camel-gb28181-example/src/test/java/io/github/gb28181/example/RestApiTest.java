package io.github.gb28181.example;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gb28181.camel.media.Ffprobe;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The REST API beyond the main path: queries answered by the camera, presets, playback steered with MANSRTSP, and
 * every kind of failure answered as JSON with the status that names whose fault it is.
 */
class RestApiTest extends PlatformTestSupport {

    @RegisterExtension
    Camera queried = new Camera("34020000001320000011", "34020000001310000011", PASSWORD);
    @RegisterExtension
    Camera played = new Camera("34020000001320000012", "34020000001310000012", PASSWORD);
    @RegisterExtension
    Camera failing = new Camera("34020000001320000013", "34020000001310000013", PASSWORD);
    @RegisterExtension
    Camera leaving = new Camera("34020000001320000014", "34020000001310000014", PASSWORD);
    @RegisterExtension
    Camera serving = new Camera("34020000001320000015", "34020000001310000015", PASSWORD);

    @Autowired
    CamelContext camelContext;

    @Test
    void queriesReturnWhatTheCameraAnswers() throws Exception {
        queried.device.gbVersion("3.0"); // a GB/T 28181-2022 camera: the device view says so
        Camera camera = queried.registerAndAnswerFirstQueries(SIP_PORT);
        assertThat(get("/api/devices/" + camera.deviceId).json().path("gbVersion").asText()).isEqualTo("3.0");

        CompletableFuture<HttpResponse<String>> catalog = async("POST", "/api/devices/" + camera.deviceId + "/catalog", null);
        camera.answerCatalog(camera.nextMessage(Camera.withCmdType("Catalog")));
        JsonNode answer = json.readTree(catalog.get(10, TimeUnit.SECONDS).body());
        assertThat(answer.path("sumNum").asInt()).isEqualTo(1);
        assertThat(answer.path("items").get(0).path("deviceId").asText()).isEqualTo(camera.channelId);

        CompletableFuture<HttpResponse<String>> info = async("POST", "/api/devices/" + camera.deviceId + "/info", null);
        camera.answerDeviceInfo(camera.nextMessage(Camera.withCmdType("DeviceInfo")));
        assertThat(json.readTree(info.get(10, TimeUnit.SECONDS).body()).path("firmware").asText()).isEqualTo("V5.5.0");

        CompletableFuture<HttpResponse<String>> status = async("POST", "/api/devices/" + camera.deviceId + "/status", null);
        SipText statusQuery = camera.nextMessage(Camera.withCmdType("DeviceStatus"));
        camera.device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>DeviceStatus</CmdType><SN>"
                                  + Camera.sn(statusQuery) + "</SN><DeviceID>" + camera.deviceId + "</DeviceID>"
                                  + "<Result>OK</Result><Online>ONLINE</Online><Status>OK</Status>"
                                  + "<Encode>ON</Encode><Record>OFF</Record></Response>", StandardCharsets.UTF_8);
        HttpResponse<String> statusReply = status.get(10, TimeUnit.SECONDS);
        assertThat(statusReply.statusCode()).isEqualTo(200);
        assertThat(statusReply.body()).contains("\"encode\":\"ON\"");

        CompletableFuture<HttpResponse<String>> records = async("GET", "/api/devices/" + camera.deviceId
                                                                       + "/records?channelId=" + camera.channelId
                                                                       + "&start=2024-05-04T00:00:00&end=2024-05-05T00:00:00", null);
        SipText recordQuery = camera.nextMessage(Camera.withCmdType("RecordInfo"));
        assertThat(Camera.tag(recordQuery.bodyText(), "DeviceID")).isEqualTo(camera.channelId);
        assertThat(Camera.tag(recordQuery.bodyText(), "StartTime")).isEqualTo("2024-05-04T00:00:00");
        assertThat(Camera.tag(recordQuery.bodyText(), "EndTime")).isEqualTo("2024-05-05T00:00:00");
        camera.device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>RecordInfo</CmdType><SN>"
                                  + Camera.sn(recordQuery) + "</SN><DeviceID>" + camera.channelId + "</DeviceID>"
                                  + "<SumNum>1</SumNum><RecordList Num=\"1\"><Item><DeviceID>" + camera.channelId
                                  + "</DeviceID><Name>Gate</Name><StartTime>2024-05-04T14:43:16</StartTime>"
                                  + "<EndTime>2024-05-04T15:16:26</EndTime><Type>time</Type></Item></RecordList>"
                                  + "</Response>", StandardCharsets.UTF_8);
        JsonNode items = json.readTree(records.get(10, TimeUnit.SECONDS).body());
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("startTime").asText()).isEqualTo("2024-05-04T14:43:16");
        assertThat(items.get(0).path("endTime").asText()).isEqualTo("2024-05-04T15:16:26");

        // the preset call, byte for byte: A5 0F 00 82 00 03 00 and the checksum
        CompletableFuture<HttpResponse<String>> preset = async("POST", "/api/channels/" + camera.channelId + "/preset",
                "{\"action\":\"call\",\"index\":3}");
        SipText control = camera.nextMessage(Camera.withCmdType("DeviceControl"));
        assertThat(Camera.tag(control.bodyText(), "PTZCmd")).isEqualTo("A50F008200030039");
        assertThat(preset.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

        // recent events, oldest first, the camera's among them
        JsonNode events = get("/api/events?limit=500").json();
        assertThat(events.findValuesAsText("deviceId")).contains(camera.deviceId);
        assertThat(get("/api/events?limit=1").json()).hasSize(1);
    }

    @Test
    void playbackIsSteeredWithMansrtspAndStopped() throws Exception {
        Camera camera = played.registerAndAnswerFirstQueries(SIP_PORT);
        CompletableFuture<HttpResponse<String>> playback = async("POST", "/api/channels/" + camera.channelId
                                                                        + "/playback",
                "{\"start\":\"2024-05-04T14:43:16\",\"end\":\"2024-05-04T15:16:26\",\"transport\":\"tcp-passive\"}");
        SipText invite = camera.device.peer().awaitRequest("INVITE", Camera.WAIT);
        assertThat(invite.bodyText()).contains("s=Playback\r\n", "u=" + camera.channelId + ":0\r\n",
                "m=video " + RTP_PORT + " TCP/RTP/AVP", "a=setup:passive");
        String toTag = SimulatedDevice.newId();
        camera.acceptInvite(invite, toTag);
        JsonNode stream = json.readTree(playback.get(10, TimeUnit.SECONDS).body());
        String streamId = stream.path("streamId").asText();
        assertThat(stream.path("kind").asText()).isEqualTo("PLAYBACK");
        assertThat(stream.path("transport").asText()).isEqualTo("TCP_PASSIVE");

        assertThat(steer(camera, streamId, "pause", null, toTag)).contains("PAUSE RTSP/1.0");
        assertThat(get("/api/streams").json().findValuesAsText("state")).contains("PAUSED");
        assertThat(steer(camera, streamId, "resume", null, toTag)).contains("PLAY RTSP/1.0", "Range: npt=0-");
        assertThat(steer(camera, streamId, "speed", "{\"scale\":2.0}", toTag)).contains("Scale: 2.0");
        // the Call-ID names the stream as well as the short id
        assertThat(steer(camera, invite.header("Call-ID"), "seek", "{\"seconds\":120}", toTag)).contains("Range: npt=120-");

        assertThat(call("POST", "/api/streams/" + streamId + "/speed", "{}").status()).isEqualTo(400);
        CompletableFuture<HttpResponse<String>> stop = async("DELETE", "/api/streams/" + streamId, null);
        SipText bye = camera.device.peer().awaitRequest("BYE", Camera.WAIT);
        camera.device.answer(bye, 200, "OK", toTag, "");
        assertThat(stop.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(call("DELETE", "/api/streams/" + streamId, null).status()).isEqualTo(404);
    }

    @Test
    void tcpActiveConnectsToTheCameraThroughARouteOfItsOwn() throws Exception {
        Camera camera = serving.registerAndAnswerFirstQueries(SIP_PORT);
        try (ServerSocket media = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<HttpResponse<String>> play = async("POST", "/api/channels/" + camera.channelId + "/play",
                    "{\"transport\":\"tcp-active\"}");
            SipText invite = camera.device.peer().awaitRequest("INVITE", Camera.WAIT);
            assertThat(invite.bodyText()).contains("TCP/RTP/AVP", "a=setup:active");
            String toTag = SimulatedDevice.newId();
            String ssrc = camera.acceptInvite(invite, toTag,
                    "m=video " + media.getLocalPort() + " TCP/RTP/AVP 96\r\na=setup:passive\r\na=connection:new\r\n");
            JsonNode stream = json.readTree(play.get(10, TimeUnit.SECONDS).body());
            String streamId = stream.path("streamId").asText();
            assertThat(camelContext.getRoute("rtp-tcp-active-" + streamId)).isNotNull();

            // the platform connects, the camera sends and hangs up: every frame reaches the recording
            Camera.streamSampleTo(media, Samples.H264_GST_PSM, ssrc);
            int frames = Samples.videoFrames(Samples.H264_GST_PSM);
            await().atMost(Camera.WAIT).untilAsserted(() -> assertThat(
                    get("/api/streams").json().findValues("frames").stream().mapToLong(JsonNode::asLong).max()
                            .orElse(0)).isEqualTo(frames));
            Path file = Path.of(stream.path("file").asText());

            // the camera ends the session: the file is closed and the route removed
            assertThat(camera.device.requestInDialog("BYE", invite, toTag, "", null, null).status()).isEqualTo(200);
            await().atMost(Camera.WAIT).until(() -> camelContext.getRoute("rtp-tcp-active-" + streamId) == null);
            assertThat(get("/api/streams").json()).isEmpty();
            assertThat(Ffprobe.videoFrames(file, "mp4")).isEqualTo(frames);
        }
    }

    private String steer(Camera camera, String streamId, String command, String body, String toTag) throws Exception {
        CompletableFuture<HttpResponse<String>> reply = async("POST", "/api/streams/" + streamId + "/" + command,
                body == null ? "" : body);
        SipText info = camera.device.peer().awaitRequest("INFO", Camera.WAIT);
        assertThat(info.header("Content-Type")).isEqualToIgnoringCase("Application/MANSRTSP");
        camera.device.answer(info, 200, "OK", toTag, "");
        assertThat(reply.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        return info.bodyText();
    }

    @Test
    void failuresAreJsonWithTheStatusThatSaysWhoseFaultItIs() throws Exception {
        assertError(get("/api/devices/34020000001329999999"), 404, "34020000001329999999");
        assertError(get("/api/devices/34020000001329999999/channels"), 404, "Unknown device");
        assertError(post("/api/devices/34020000001329999999/catalog", null), 404, "Unknown device");
        assertError(post("/api/channels/34020000001319999999/ptz", "{\"command\":\"up\"}"), 404,
                "is neither a registered device nor a channel in the catalog of one");
        assertError(post("/api/channels/34020000001319999999/ptz", "{\"command\":\"jump\"}"), 400, "command must be");
        assertError(post("/api/channels/34020000001319999999/ptz", "{\"command\":\"up\",\"speed\":300}"), 400, "0-255");
        assertError(post("/api/channels/34020000001319999999/ptz", "{not json"), 400, "JSON");
        assertError(post("/api/channels/34020000001319999999/preset", "{\"action\":\"call\"}"), 400, "index");
        assertError(post("/api/channels/34020000001319999999/play", "{\"transport\":\"sctp\"}"), 400, "transport");
        assertError(post("/api/channels/34020000001319999999/playback", "{\"start\":\"yesterday\",\"end\":\"today\"}"),
                400, "yyyy-MM-dd");
        assertError(get("/api/devices/34020000001329999999/records?start=2024-05-05T00:00:00&end=2024-05-04T00:00:00"),
                400, "before");
        assertError(get("/api/events?limit=0"), 400, "limit");
        assertError(post("/api/streams/nosuchstream/pause", null), 404, "nosuchstream");
        assertError(call("DELETE", "/api/devices", null), 405, "DELETE");
        assertError(get("/api/nothing-here"), 404, null);

        Camera camera = failing.registerAndAnswerFirstQueries(SIP_PORT);
        // a camera that says no: 502 with its SIP status
        CompletableFuture<HttpResponse<String>> refused = async("POST", "/api/channels/" + camera.channelId + "/ptz",
                "{\"command\":\"left\",\"speed\":10}");
        SipText ptz = camera.device.peer().await(m -> "MESSAGE".equals(m.method()) && !m.isResponse(), Camera.WAIT);
        camera.device.answer(ptz, 488, "Not Acceptable Here");
        assertError(reply(refused), 502, "488");
        // a camera that does not answer its query: 504 once gb28181.command-timeout (4 s here) is over
        CompletableFuture<HttpResponse<String>> silent = async("POST", "/api/devices/" + camera.deviceId + "/info", null);
        camera.nextMessage(Camera.withCmdType("DeviceInfo"));
        assertError(reply(silent), 504, "No answer");
    }

    @Test
    void deviceThatUnregisteredIsOfflineAndUnavailable() throws Exception {
        Camera camera = leaving.registerAndAnswerFirstQueries(SIP_PORT);
        assertThat(camera.device.register(0).status()).isEqualTo(200);
        JsonNode device = get("/api/devices/" + camera.deviceId).json();
        assertThat(device.path("online").asBoolean()).isFalse();
        assertError(post("/api/devices/" + camera.deviceId + "/catalog", null), 503, camera.deviceId);
    }

    private void assertError(Reply reply, int status, String message) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        assertThat(reply.json().path("error").asText()).isNotBlank();
        assertThat(reply.text()).doesNotContain("\tat ", "Exception:");
        if (message != null) {
            assertThat(reply.json().path("message").asText()).contains(message);
        }
    }

    private Reply reply(CompletableFuture<HttpResponse<String>> future) throws Exception {
        HttpResponse<String> response = future.get(15, TimeUnit.SECONDS);
        return new Reply(response.statusCode(), json.readTree(response.body()), response.body());
    }

    private CompletableFuture<HttpResponse<String>> async(String method, String path, String body) {
        return callAsync(method, path, body);
    }
}
