package io.github.gb28181.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An alarm goes to the queue gb28181.alarms and is POSTed to the webhook; every event reaches the browsers following
 * /api/events/stream.
 */
class AlarmsAndEventsTest extends PlatformTestSupport {

    @RegisterExtension
    Camera camera = new Camera("34020000001320000021", "34020000001340000021", PASSWORD);
    @RegisterExtension
    Camera followed = new Camera("34020000001320000022", "34020000001310000022", PASSWORD);

    @Test
    void alarmGoesToTheQueueAndTheWebhook() throws Exception {
        camera.registerAndAnswerFirstQueries(SIP_PORT);
        try (Connection jms = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT).createConnection()) {
            Session session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer alarms = session.createConsumer(session.createQueue("gb28181.alarms"));
            jms.start();

            camera.device.sendManscdp("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>Alarm</CmdType>\r\n"
                                      + "<SN>" + camera.device.nextSn() + "</SN>\r\n<DeviceID>" + camera.channelId
                                      + "</DeviceID>\r\n<AlarmPriority>1</AlarmPriority>\r\n<AlarmMethod>5</AlarmMethod>\r\n"
                                      + "<AlarmTime>2024-05-04T14:43:16</AlarmTime>\r\n"
                                      + "<AlarmDescription>Motion at the gate</AlarmDescription>\r\n"
                                      + "<Info>\r\n<AlarmType>2</AlarmType>\r\n</Info>\r\n</Notify>\r\n",
                    Charset.forName("GB2312"));

            TextMessage queued = (TextMessage) alarms.receive(Camera.WAIT.toMillis());
            assertThat(queued).as("an alarm on gb28181.alarms").isNotNull();
            JsonNode alarm = json.readTree(queued.getText());
            assertThat(alarm.path("type").asText()).isEqualTo("ALARM");
            assertThat(alarm.path("deviceId").asText()).isEqualTo(camera.deviceId);
            assertThat(alarm.path("body").path("alarmDescription").asText()).isEqualTo("Motion at the gate");
            assertThat(alarm.path("body").path("alarmPriority").asInt()).isEqualTo(1);
        }

        String posted = WEBHOOK_POSTS.poll(Camera.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(posted).as("a POST to the webhook").isNotNull().startsWith("POST application/json {");
        JsonNode alarm = json.readTree(posted.substring(posted.indexOf('{')));
        assertThat(alarm.path("type").asText()).isEqualTo("ALARM");
        assertThat(alarm.path("body").path("alarmDescription").asText()).isEqualTo("Motion at the gate");
    }

    @Test
    void browsersFollowingTheEventStreamSeeEveryEvent() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/events/stream"))
                .header("Accept", "text/event-stream").header("Authorization", basicAuth()).build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
        CompletableFuture<String> register = CompletableFuture.supplyAsync(() -> response.body()
                .filter(line -> line.startsWith("data:") && line.contains("\"type\":\"REGISTER\"")
                                && line.contains(followed.deviceId))
                .findFirst().orElseThrow());

        followed.registerAndAnswerFirstQueries(SIP_PORT);

        JsonNode event = json.readTree(register.get(Camera.WAIT.toSeconds(), TimeUnit.SECONDS).substring(5));
        assertThat(event.path("id").asLong()).isPositive();
        assertThat(event.path("body").path("deviceId").asText()).isEqualTo(followed.deviceId);
        response.body().close();
    }
}
