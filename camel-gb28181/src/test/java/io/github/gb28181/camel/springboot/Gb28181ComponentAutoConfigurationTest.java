package io.github.gb28181.camel.springboot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.Gb28181Component;
import io.github.gb28181.camel.Gb28181Configuration;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.device.DeviceTimeoutException;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipPeer;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Spring Boot application configured only through {@code camel.component.gb28181.*}: the properties reach
 * the component, and the SIP server its route starts listens where they say and authenticates with their password.
 */
@CamelSpringBootTest
@SpringBootTest(classes = Gb28181ComponentAutoConfigurationTest.Application.class,
                properties = {
                        "camel.component.gb28181.host=127.0.0.1",
                        "camel.component.gb28181.server-id=44010000002000000001",
                        "camel.component.gb28181.domain=4401000000",
                        "camel.component.gb28181.password=s3cret",
                        "camel.component.gb28181.keepalive-timeout=90s",
                        "camel.component.gb28181.aggregation-timeout=1500",
                        "camel.component.gb28181.digest-qop=false",
                        "camel.component.gb28181.auth-lockout=2m",
                        "camel.component.gb28181.strict-username=true",
                        // a producer default: no URI below says timeout
                        "camel.component.gb28181.timeout=700ms",
                        // two registries in the context, so Camel cannot autowire one: only the reference picks it
                        "camel.component.gb28181.device-registry=#bean:platformRegistry" })
class Gb28181ComponentAutoConfigurationTest {

    private static final int PORT = FreePorts.udpAndTcp();
    private static final List<String> JSON = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("camel.component.gb28181.port", () -> PORT);
    }

    @Autowired
    private CamelContext camelContext;

    @Autowired
    private ProducerTemplate template;

    @Autowired
    @Qualifier("platformRegistry")
    private DeviceRegistry platformRegistry;

    @Test
    void propertiesReachTheComponent() {
        Gb28181Component component = camelContext.getComponent("gb28181", Gb28181Component.class);
        Gb28181Configuration config = component.getConfiguration();

        assertThat(config.getHost()).isEqualTo("127.0.0.1");
        assertThat(config.getPort()).isEqualTo(PORT);
        assertThat(config.getServerId()).isEqualTo("44010000002000000001");
        assertThat(config.getDomain()).isEqualTo("4401000000");
        assertThat(config.getPassword()).isEqualTo("s3cret");
        assertThat(config.getKeepaliveTimeout()).isEqualTo(Duration.ofSeconds(90).toMillis());
        assertThat(config.getAggregationTimeout()).isEqualTo(1500);
        assertThat(config.isDigestQop()).isFalse();
        assertThat(config.getAuthLockout()).isEqualTo(Duration.ofMinutes(2).toMillis());
        assertThat(config.isStrictUsername()).isTrue();
        assertThat(config.getTimeout()).isEqualTo(700);
        // untouched options keep the component's defaults
        assertThat(config.getTransports()).isEqualTo("UDP,TCP");
        assertThat(config.isRegisterDateHeader()).isTrue();
        assertThat(component.getDeviceRegistry()).isSameAs(platformRegistry);
    }

    @Test
    void routeStartedASipServerOnTheConfiguredPort() throws Exception {
        try (SipPeer peer = SipPeer.udp(PORT)) {
            String callId = SimulatedDevice.newId();
            peer.send("OPTIONS sip:44010000002000000001@4401000000 SIP/2.0\r\n"
                      + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.localPort() + ";rport;branch=z9hG4bK" + callId + "\r\n"
                      + "From: <sip:44010000001320000001@4401000000>;tag=1\r\n"
                      + "To: <sip:44010000002000000001@4401000000>\r\n"
                      + "Call-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n"
                      + "Content-Length: 0\r\n\r\n");
            SipText answer = peer.awaitResponse(callId, Duration.ofSeconds(5));
            assertThat(answer).as("no answer to OPTIONS on port %d", PORT).isNotNull();
            assertThat(answer.startLine()).startsWith("SIP/2.0 200");
        }
    }

    @Test
    void serverAuthenticatesWithTheConfiguredPasswordAndRegistersIntoTheReferencedRegistry() throws Exception {
        String deviceId = "44010000001320000007";
        try (SimulatedDevice device = new SimulatedDevice(deviceId, "s3cret").serverId("44010000002000000001")) {
            device.connect(PORT, "UDP");
            SipText challenge = device.sendRegister(3600, null);
            assertThat(challenge.status()).isEqualTo(401);
            assertThat(challenge.param("WWW-Authenticate", "realm")).isEqualTo("4401000000");
            assertThat(challenge.param("WWW-Authenticate", "qop")).isNull();

            assertThat(device.register(3600).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> platformRegistry.find(deviceId).isPresent());
            // marshal().json() of the event, as the README's headline route does, with camel-jackson-starter
            await().atMost(Duration.ofSeconds(5)).until(() -> JSON.stream().anyMatch(j -> j.contains(deviceId)));
            String json = JSON.stream().filter(j -> j.contains(deviceId)).findFirst().orElseThrow();
            assertThat(json).containsPattern("\"at\":\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\"")
                    .contains("\"deviceId\":\"" + deviceId + "\"");
        }
    }

    @Test
    void componentTimeoutBoundsAProducerWhoseUriSaysNone() throws Exception {
        String deviceId = "44010000001320000008";
        try (SimulatedDevice device = new SimulatedDevice(deviceId, "s3cret").serverId("44010000002000000001")) {
            device.connect(PORT, "UDP");
            assertThat(device.register(3600).status()).isEqualTo(200);
            CompletableFuture<Exchange> reply = template.asyncSend("gb28181:deviceStatus?deviceId=" + deviceId, e -> { });
            device.acceptWithoutAnswer();

            Exchange exchange = reply.get(10, TimeUnit.SECONDS);
            assertThat(exchange.getException()).isInstanceOf(DeviceTimeoutException.class)
                    .hasMessageContaining("within 700 ms");
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        @Bean
        DeviceRegistry platformRegistry() {
            return new DeviceRegistry();
        }

        @Bean
        DeviceRegistry otherRegistry() {
            return new DeviceRegistry();
        }

        @Bean
        RouteBuilder events() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("gb28181:events").log(LoggingLevel.DEBUG, "${header.CamelGb28181EventType} from ${header.CamelGb28181DeviceId}");
                    from("gb28181:events?types=REGISTER").marshal().json()
                            .process(e -> JSON.add(e.getIn().getBody(String.class)));
                }
            };
        }
    }
}
