package io.github.gb28181.example;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.gb28181.camel.test.FreePorts;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example platform on free ports (SIP, RTP, HTTP, JMS), a temporary data folder and a webhook receiver of its
 * own. Every test class extends this one unchanged, so Spring starts the platform once for all of them; each class
 * uses device ids of its own.
 */
@CamelSpringBootTest
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PlatformTestSupport {

    static final String PASSWORD = "12345678";
    /** the REST API's and the page's login */
    static final String WEB_USER = "operator";
    static final String WEB_PASSWORD = "web-secret-1";
    /** the embedded broker's login for other processes */
    static final String BROKER_USER = "jms";
    static final String BROKER_PASSWORD = "jms-secret-1";
    static final int SIP_PORT = FreePorts.udpAndTcp();
    static final int RTP_PORT = FreePorts.udpAndTcp();
    static final int BROKER_PORT = freeTcpPort();
    static final Path DATA_DIR = tempDir();
    static final BlockingQueue<String> WEBHOOK_POSTS = new LinkedBlockingQueue<>();
    static final HttpServer WEBHOOK = webhook();

    @LocalServerPort
    int httpPort;

    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("gb28181.sip-port", () -> SIP_PORT);
        registry.add("gb28181.rtp-port", () -> RTP_PORT);
        registry.add("gb28181.password", () -> PASSWORD);
        registry.add("gb28181.web.user", () -> WEB_USER);
        registry.add("gb28181.web.password", () -> WEB_PASSWORD);
        // as when the broker listens beyond loopback
        registry.add("gb28181.broker-login", () -> "true");
        registry.add("gb28181.broker-user", () -> BROKER_USER);
        registry.add("gb28181.broker-password", () -> BROKER_PASSWORD);
        registry.add("gb28181.data-dir", DATA_DIR::toString);
        registry.add("gb28181.broker-port", () -> BROKER_PORT);
        registry.add("gb28181.command-timeout", () -> "4s");
        registry.add("gb28181.live-linger", () -> "1s");
        registry.add("gb28181.webhook-retry-for", () -> "3s");
        registry.add("gb28181.webhook-url",
                () -> "http://127.0.0.1:" + WEBHOOK.getAddress().getPort() + "/alarms");
        // loopback only: the SDP then names 127.0.0.1, where the simulated devices are
        registry.add("camel.component.gb28181.host", () -> "127.0.0.1");
    }

    /** A request to the REST API; the body is JSON or null. */
    Reply call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", basicAuth())
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode node = response.body().isEmpty() ? null : json.readTree(response.body());
        return new Reply(response.statusCode(), node, response.body());
    }

    /** A request answered later: for the calls a device must answer (the INVITE, a query) before the API does. */
    CompletableFuture<HttpResponse<String>> callAsync(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Authorization", basicAuth())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The Authorization header of an API client that logs in. */
    static String basicAuth() {
        return "Basic " + Base64.getEncoder().encodeToString((WEB_USER + ":" + WEB_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    Reply get(String path) throws Exception {
        return call("GET", path, null);
    }

    Reply post(String path, String body) throws Exception {
        return call("POST", path, body);
    }

    record Reply(int status, JsonNode json, String text) {
    }

    /** The next POST the webhook took whose body contains {@code marker}; others are left for their tests. */
    static String awaitPost(String marker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> others = new ArrayList<>();
        try {
            while (System.nanoTime() < deadline) {
                String post = WEBHOOK_POSTS.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (post != null && post.contains(marker)) {
                    return post;
                } else if (post != null) {
                    others.add(post);
                }
            }
            return null;
        } finally {
            WEBHOOK_POSTS.addAll(others);
        }
    }

    private static int freeTcpPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data folder, with a route of the user's own in routes/ as a user would drop one there. */
    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("gb28181-example-");
            Files.createDirectories(dir.resolve("routes"));
            Files.writeString(dir.resolve("routes").resolve("open-sessions.yaml"), """
                    - route:
                        id: open-sessions
                        from:
                          uri: direct:open-sessions
                          steps:
                            - to: gb28181:sessions
                    """);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records what the platform POSTs, as a webhook service would. */
    private static HttpServer webhook() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/alarms", exchange -> {
                int status = 204;
                try (InputStream in = exchange.getRequestBody()) {
                    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    if (body.contains("fail-please")) {
                        status = 500;
                    } else {
                        if (body.contains("slow-please")) {
                            Thread.sleep(3_000); // a slow target, not synchronisation: the test measures around it
                        }
                        WEBHOOK_POSTS.add(exchange.getRequestMethod() + " "
                                          + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            // several POSTs at once, as a real webhook service takes them
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
