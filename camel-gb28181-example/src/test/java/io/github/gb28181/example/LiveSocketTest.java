package io.github.gb28181.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live WebSocket when there is nothing to watch: the page is told why in a JSON message, then the platform
 * closes; nothing hangs.
 */
class LiveSocketTest extends PlatformTestSupport {

    @Test
    void anUnknownChannelOrStreamIsAnErrorMessageAndAClose() throws Exception {
        assertError("/api/live/channels/34020000001319999998", "No video from channel 34020000001319999998");
        assertError("/api/live/streams/nosuchid", "No open stream nosuchid");
    }

    private void assertError(String path, String message) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + httpPort + path),
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
