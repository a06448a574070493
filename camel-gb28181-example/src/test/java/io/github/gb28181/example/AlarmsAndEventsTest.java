package io.github.gb28181.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import io.github.gb28181.camel.test.SipText;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An alarm goes to the queue gb28181.alarms and is POSTed to the webhook; every event reaches the browsers following
 * /api/events/stream.
 */
class AlarmsAndEventsTest extends PlatformTestSupport {

    @RegisterExtension
    Camera camera = new Camera("34020000001320000021", "34020000001340000021", PASSWORD);
    @Autowired
    CamelContext camel;
    @RegisterExtension
    Camera slowAlarms = new Camera("34020000001320000023", "34020000001340000023", PASSWORD);
    @RegisterExtension
    Camera deadAlarms = new Camera("34020000001320000024", "34020000001340000024", PASSWORD);
    @RegisterExtension
    Camera followed = new Camera("34020000001320000022", "34020000001310000022", PASSWORD);

    @Test
    void alarmGoesToTheQueueAndTheWebhook() throws Exception {
        camera.registerAndAnswerFirstQueries(SIP_PORT);
        try (Connection jms = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT)
                .createConnection(BROKER_USER, BROKER_PASSWORD)) {
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

            // the queue also holds the alarms of the other tests here: take this camera's
            JsonNode alarm = null;
            long deadline = System.nanoTime() + Camera.WAIT.toNanos();
            while (alarm == null && System.nanoTime() < deadline) {
                TextMessage queued = (TextMessage) alarms.receive(Camera.WAIT.toMillis());
                assertThat(queued).as("an alarm on gb28181.alarms").isNotNull();
                JsonNode next = json.readTree(queued.getText());
                alarm = next.path("deviceId").asText().equals(camera.deviceId) ? next : null;
            }
            assertThat(alarm).as("this camera's alarm on gb28181.alarms").isNotNull();
            assertThat(alarm.path("type").asText()).isEqualTo("ALARM");
            assertThat(alarm.path("deviceId").asText()).isEqualTo(camera.deviceId);
            assertThat(alarm.path("body").path("alarmDescription").asText()).isEqualTo("Motion at the gate");
            assertThat(alarm.path("body").path("alarmPriority").asInt()).isEqualTo(1);
        }

        String posted = awaitPost("Motion at the gate", Camera.WAIT);
        assertThat(posted).as("a POST to the webhook").isNotNull().startsWith("POST application/json {");
        JsonNode alarm = json.readTree(posted.substring(posted.indexOf('{')));
        assertThat(alarm.path("type").asText()).isEqualTo("ALARM");
        assertThat(alarm.path("body").path("alarmDescription").asText()).isEqualTo("Motion at the gate");
    }

    /** Two alarms, the first to a target that takes 3 s: the second is not held back behind it. */
    @Test
    void aSlowWebhookTargetDoesNotHoldBackTheNextAlarm() throws Exception {
        slowAlarms.registerAndAnswerFirstQueries(SIP_PORT);
        long start = System.nanoTime();
        assertThat(alarm(slowAlarms, "slow-please first").status()).isEqualTo(200);
        assertThat(alarm(slowAlarms, "quick second").status()).isEqualTo(200);

        assertThat(awaitPost("quick second", Duration.ofMillis(2_500))).as("the second alarm, while the first waits")
                .isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_900));
        assertThat(awaitPost("slow-please first", Camera.WAIT)).as("the first, once its target answered").isNotNull();
        HttpComponent http = camel.getComponent("http", HttpComponent.class);
        assertThat(http.getResponseTimeout()).as("a target that never answers is a failed POST").isEqualTo(10_000);
        assertThat(http.getConnectTimeout()).isEqualTo(5_000);
    }

    /** A target that keeps failing: the alarm is tried again for gb28181.webhook-retry-for, then kept, and shown. */
    @Test
    void anAlarmTheWebhookNeverTakesEndsInTheDeadLetterQueue() throws Exception {
        deadAlarms.registerAndAnswerFirstQueries(SIP_PORT);
        assertThat(alarm(deadAlarms, "fail-please always").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/alarms/dead").json().toString()
                .contains("fail-please always"));
        JsonNode dead = get("/api/alarms/dead").json();
        assertThat(dead.get(dead.size() - 1).path("alarm").path("type").asText()).isEqualTo("ALARM");
        assertThat(dead.get(dead.size() - 1).path("alarm").path("deviceId").asText()).isEqualTo(deadAlarms.deviceId);
    }

    private static SipText alarm(Camera camera, String description) throws Exception {
        return camera.device.sendManscdp("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>Alarm</CmdType>\r\n"
                                         + "<SN>" + camera.device.nextSn() + "</SN>\r\n<DeviceID>" + camera.channelId
                                         + "</DeviceID>\r\n<AlarmPriority>1</AlarmPriority>\r\n<AlarmMethod>5</AlarmMethod>\r\n"
                                         + "<AlarmTime>2024-05-04T14:43:16</AlarmTime>\r\n"
                                         + "<AlarmDescription>" + description + "</AlarmDescription>\r\n"
                                         + "</Notify>\r\n", Charset.forName("GB2312"));
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
