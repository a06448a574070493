package io.github.gb28181.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The live WebSocket behind the login, and when there is nothing to watch: the page is told why in a JSON message,
 * then the platform closes; nothing hangs. The page's socket gets in with the session the login gave the browser;
 * without a login (or with a wrong password, or a session that never logged in) the handshake is refused.
 */
class LiveSocketTest extends PlatformTestSupport {

    private static final String NO_STREAM = "/api/live/streams/nosuchid";

    @Test
    void anUnknownChannelOrStreamIsAnErrorMessageAndAClose() throws Exception {
        Map<String, String> login = Map.of("Authorization", basicAuth());
        assertError(login, "/api/live/channels/34020000001319999998", "No video from channel 34020000001319999998");
        assertError(login, NO_STREAM, "No open stream nosuchid");
    }

    @Test
    void withoutTheLoginTheHandshakeIsRefused() {
        assertRefused(Map.of());
        assertRefused(Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (WEB_USER + ":wrong-password").getBytes(UTF_8))));
        assertRefused(Map.of("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF"));
    }

    @Test
    void thePagesSessionCookieOpensTheSocket() throws Exception {
        try (Browser page = new Browser().open(httpPort)) {
            Cookie session = page.sessionCookie();
            assertThat(session).as("the login's session cookie").isNotNull();
            assertThat(session.isHttpOnly()).isTrue();
            // the page's own socket carries nothing but what the browser adds by itself: the session cookie
            String first = page.socketFromPage(NO_STREAM);
            assertThat(first).startsWith("message ");
            assertThat(json.readTree(first.substring("message ".length())).path("message").asText())
                    .contains("No open stream nosuchid");
            // and that cookie alone is the login: another client that sends it gets in too
            assertError(Map.of("Cookie", "JSESSIONID=" + session.getValue()), NO_STREAM, "No open stream nosuchid");
        }
        // a browser that has not logged in (its session only remembers where it was going) is refused
        try (Browser stranger = new Browser().open(httpPort, false)) {
            assertThat(stranger.sessionCookie()).isNotNull();
            assertThat(stranger.socketFromPage(NO_STREAM)).isEqualTo("closed 1006");
            assertRefused(Map.of("Cookie", "JSESSIONID=" + stranger.sessionCookie().getValue()));
        }
    }

    private void assertRefused(Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        Throwable refused = catchThrowable(() -> builder.buildAsync(URI.create("ws://127.0.0.1:" + httpPort + NO_STREAM),
                new WebSocket.Listener() {
                }).get(10, TimeUnit.SECONDS));
        assertThat(refused).as("handshake with %s", headers.keySet()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(401);
    }

    private void assertError(Map<String, String> headers, String path, String message) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        builder.buildAsync(URI.create("ws://127.0.0.1:" + httpPort + path),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        received.add(data.toString());
                        socket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                        received.add("closed " + status);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        String first = received.poll(Camera.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        JsonNode error = json.readTree(first);
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.path("message").asText()).contains(message);
        assertThat(received.poll(Camera.WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("closed 1013");
    }
}
