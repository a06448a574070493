package io.github.gb28181.example;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipPeer;
import io.github.gb28181.camel.test.SipText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform as a process of its own, as operators run it: alarms it answered survive a kill -9 and reach the
 * webhook after the restart, and the stream the kill cut is listed as interrupted; readiness says UP only once SIP answers; a start that fails exits non-zero.
 */
class PlatformProcessTest {

    private static final String PASSWORD = "12345678";
    private static final String CHANNEL = "34020000001340000061";
    private static final String WEB_PASSWORD = "process-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private final int sipPort = FreePorts.udpAndTcp();
    private final int rtpPort = FreePorts.udpAndTcp();
    private final int httpPort = freeTcpPort();
    private final AtomicBoolean webhookAccepts = new AtomicBoolean();
    private final AtomicInteger webhookRefusals = new AtomicInteger();
    private final Set<String> posted = ConcurrentHashMap.newKeySet();
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private HttpServer webhook;

    @BeforeEach
    void webhook() throws IOException {
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/alarms", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (webhookAccepts.get()) {
                    posted.add(body);
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    webhookRefusals.incrementAndGet();
                    exchange.sendResponseHeaders(503, -1);
                }
            }
            exchange.close();
        });
        webhook.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        webhook.stop(0);
    }

    @Test
    void alarmsAnsweredAndAStreamOpenAtAKill9AreNotLostAfterTheRestart() throws Exception {
        Process first = start("first");
        awaitReadyAndListening(first);
        Camera camera = new Camera("34020000001320000061", CHANNEL, PASSWORD);
        String streamId;
        try {
            camera.registerAndAnswerFirstQueries(sipPort);
            CompletableFuture<HttpResponse<String>> play = http.sendAsync(api("/api/channels/" + CHANNEL + "/play")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            camera.acceptInvite(camera.device.peer().awaitRequest("INVITE", Camera.WAIT), SimulatedDevice.newId());
            HttpResponse<String> playing = play.get(30, TimeUnit.SECONDS);
            assertThat(playing.statusCode()).isEqualTo(201);
            streamId = JSON.readTree(playing.body()).path("streamId").asText();
            for (int i = 0; i < 5; i++) {
                assertThat(alarm(camera.device, "before-the-crash-" + i).status()).as("alarm %d answered", i)
                        .isEqualTo(200);
            }
        } finally {
            camera.device.close();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> webhookRefusals.get() >= 5);

        first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        webhookAccepts.set(true);

        Process second = start("second");
        awaitReadyAndListening(second);
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            for (int i = 0; i < 5; i++) {
                int n = i;
                if (posted.stream().noneMatch(p -> p.contains("before-the-crash-" + n))) {
                    return false;
                }
            }
            return true;
        });
        JsonNode streams = JSON.readTree(http.send(api("/api/streams").build(), HttpResponse.BodyHandlers.ofString())
                .body());
        assertThat(streams).anySatisfy(stream -> {
            assertThat(stream.path("streamId").asText()).isEqualTo(streamId);
            assertThat(stream.path("state").asText()).isEqualTo("INTERRUPTED");
            assertThat(stream.path("channelId").asText()).isEqualTo(CHANNEL);
        });
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + WEB_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30));
    }

    @Test
    void aStartThatFailsExitsNonZero() throws Exception {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), sipPort));
             ServerSocket tcp = new ServerSocket(sipPort, 50, InetAddress.getLoopbackAddress())) {
            Process process = start("port-in-use");
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the process ends").isTrue();
            assertThat(process.exitValue()).isNotZero();
        }
    }

    private Process start(String name) throws IOException {
        Path log = Path.of("target", "platform-process-" + name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), PlatformApplication.class.getName(),
                "--server.port=" + httpPort, "--gb28181.sip-port=" + sipPort, "--gb28181.rtp-port=" + rtpPort,
                "--gb28181.data-dir=" + data, "--gb28181.broker-port=0", "--gb28181.password=" + PASSWORD,
                "--gb28181.web.password=" + WEB_PASSWORD, "--gb28181.webhook-retry-for=10m",
                "--gb28181.webhook-url=http://127.0.0.1:" + webhook.getAddress().getPort() + "/alarms",
                "--camel.component.gb28181.host=127.0.0.1"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        return process;
    }

    /** Readiness says UP at some point, and whenever it does, SIP already answers. */
    private void awaitReadyAndListening(Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the platform process runs").isTrue();
            if (readinessUp()) {
                try (SipPeer peer = SipPeer.udp(sipPort)) {
                    String callId = SimulatedDevice.newId();
                    peer.send("OPTIONS sip:34020000002000000001@127.0.0.1:" + sipPort + " SIP/2.0\r\n"
                              + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.localPort() + ";rport;branch=z9hG4bK" + callId + "\r\n"
                              + "From: <sip:34020000001320000061@3402000000>;tag=1\r\n"
                              + "To: <sip:34020000002000000001@3402000000>\r\n"
                              + "Call-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n"
                              + "Content-Length: 0\r\n\r\n");
                    assertThat(peer.awaitResponse(callId, Duration.ofSeconds(2)).status())
                            .as("SIP answers once readiness is UP").isEqualTo(200);
                }
                return;
            }
            Thread.sleep(100); // polling a process we do not control; nothing to synchronise on
        }
        throw new AssertionError("The platform did not become ready within 120 s");
    }

    private boolean readinessUp() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static SipText alarm(SimulatedDevice device, String description) throws Exception {
        return device.sendManscdp("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>Alarm</CmdType>\r\n"
                                  + "<SN>" + device.nextSn() + "</SN>\r\n<DeviceID>" + CHANNEL + "</DeviceID>\r\n"
                                  + "<AlarmPriority>1</AlarmPriority>\r\n<AlarmMethod>5</AlarmMethod>\r\n"
                                  + "<AlarmTime>2024-05-04T14:43:16</AlarmTime>\r\n"
                                  + "<AlarmDescription>" + description + "</AlarmDescription>\r\n</Notify>\r\n",
                Charset.forName("GB2312"));
    }

    private static int freeTcpPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
