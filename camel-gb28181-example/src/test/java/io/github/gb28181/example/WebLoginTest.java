package io.github.gb28181.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The REST API and the page ask for a login, and so does the broker for other processes; the health probes do not,
 * and readiness says the listeners are up.
 */
class WebLoginTest extends PlatformTestSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theApiWantsCredentials() throws Exception {
        HttpResponse<String> none = send("/api/devices", null, "application/json");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");

        String wrong = "Basic " + Base64.getEncoder().encodeToString((WEB_USER + ":guess").getBytes(StandardCharsets.UTF_8));
        assertThat(send("/api/devices", wrong, "application/json").statusCode()).isEqualTo(401);
        assertThat(send("/api/devices", basicAuth(), "application/json").statusCode()).isEqualTo(200);
    }

    @Test
    void aBrowserIsSentToTheLoginForm() throws Exception {
        HttpResponse<String> page = send("/", null, "text/html");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(send("/login", null, "text/html").body()).contains("name=\"username\"", "name=\"password\"");
    }

    @Test
    void readinessIsOpenAndSaysTheListenersAreUp() throws Exception {
        HttpResponse<String> readiness = send("/actuator/health/readiness", null, "application/json");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json.readTree(readiness.body()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void theBrokerWantsCredentialsFromOtherProcesses() throws Exception {
        ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT);
        assertThatThrownBy(() -> broker.createConnection().close()).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> broker.createConnection(BROKER_USER, "guess").close())
                .isInstanceOf(JMSSecurityException.class);
        try (Connection connection = broker.createConnection(BROKER_USER, BROKER_PASSWORD)) {
            connection.start();
        }
    }

    private HttpResponse<String> send(String path, String authorization, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Accept", accept);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
