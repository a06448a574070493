package io.github.gb28181.camel;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.event.Presence;
import io.github.gb28181.camel.event.Registration;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RegistrationTest extends Gb28181TestSupport {

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice("34020000001320000001", PASSWORD);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=REGISTER,UNREGISTER,ONLINE,OFFLINE").to("mock:events");
                from("gb28181:events?types=REGISTER&deviceIds=34020000001320000009, 34020000001320000001")
                        .to("mock:mine");
                from("gb28181:events?deviceIds=34020000001320000009").to("mock:other");
            }
        };
    }

    @Override
    protected void configure(Gb28181Configuration configuration) {
        configuration.setKeepaliveTimeout(60_000);
    }

    @ParameterizedTest(name = "{0} with qop={1}")
    @CsvSource({ "UDP,true", "UDP,false", "TCP,true", "TCP,false" })
    void registersWithDigest(String transport, boolean qop) throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(2);
        device.qop(qop).connect(sipPort, transport);

        SipText challenge = device.sendRegister(3600, null);
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.header("WWW-Authenticate")).startsWith("Digest").contains("realm=\"3402000000\"")
                .contains("algorithm=MD5").contains("qop=\"auth\"").contains("opaque=");
        SipText ok = device.sendRegister(3600, device.authorization(challenge, "REGISTER", "sip:34020000002000000001@3402000000"));

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Expires")).isEqualTo("3600");
        assertThat(ok.header("Contact")).contains("34020000001320000001@127.0.0.1:" + device.peer().localPort());
        LocalDateTime date = LocalDateTime.parse(ok.header("Date"), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS"));
        assertThat(date).isCloseTo(LocalDateTime.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));

        events.assertIsSatisfied();
        Registration registration = events.getExchanges().get(0).getIn().getBody(Registration.class);
        assertThat(registration.deviceId()).isEqualTo("34020000001320000001");
        assertThat(registration.expires()).isEqualTo(3600);
        assertThat(registration.transport()).isEqualTo(transport);
        assertThat(events.getExchanges().get(0).getIn().getHeader(Gb28181Constants.EVENT_TYPE)).isEqualTo("REGISTER");
        assertThat(events.getExchanges().get(0).getIn().getHeader(Gb28181Constants.REMOTE_ADDRESS))
                .isEqualTo("127.0.0.1:" + device.peer().localPort());
        assertThat(events.getExchanges().get(1).getIn().getHeader(Gb28181Constants.EVENT_TYPE)).isEqualTo("ONLINE");

        Device known = gb28181().getDeviceRegistry().find("34020000001320000001").orElseThrow();
        assertThat(known.isOnline()).isTrue();
        assertThat(known.getTransport()).isEqualTo(transport);
        assertThat(known.getRemotePort()).isEqualTo(device.peer().localPort());
    }

    @Test
    void consumersFilterByDevice() throws Exception {
        getMockEndpoint("mock:mine").expectedMessageCount(1);
        getMockEndpoint("mock:other").expectedMessageCount(0);
        device.connect(sipPort, "UDP");

        assertThat(device.register(3600).status()).isEqualTo(200);

        getMockEndpoint("mock:mine").assertIsSatisfied();
        getMockEndpoint("mock:other").setAssertPeriod(200);
        getMockEndpoint("mock:other").assertIsSatisfied();
    }

    @Test
    void log4jOneIsNotOnTheClasspath() {
        // jain-sip logs through our slf4j adapters; log4j 1 must never ship with the component
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Class.forName("org.apache.log4j.Logger"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void wrongPasswordIsForbiddenAndProducesNoEvent() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(0);
        device.password("wrong").connect(sipPort, "UDP");

        SipText answer = device.register(3600);

        assertThat(answer.status()).isEqualTo(403);
        events.setAssertPeriod(300);
        events.assertIsSatisfied();
        assertThat(gb28181().getDeviceRegistry().find(device.deviceId())).isEmpty();
    }

    @Test
    void unknownNonceIsChallengedAsStale() throws Exception {
        device.connect(sipPort, "UDP");
        SipText challenge = device.sendRegister(3600, null);
        String forged = device.authorization(challenge, "REGISTER", "sip:34020000002000000001@3402000000")
                .replace(challenge.param("WWW-Authenticate", "nonce"), "0123456789abcdef0123456789abcdef");

        SipText answer = device.sendRegister(3600, forged);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.param("WWW-Authenticate", "stale")).isEqualToIgnoringCase("true");
        assertThat(answer.param("WWW-Authenticate", "nonce")).isNotEqualTo(challenge.param("WWW-Authenticate", "nonce"));
    }

    @Test
    void expiresZeroUnregisters() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedBodiesReceivedInAnyOrder();
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);

        assertThat(device.register(0).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> events.getReceivedCounter() == 4);
        assertThat(events.getExchanges()).extracting(e -> e.getIn().getHeader(Gb28181Constants.EVENT_TYPE))
                .containsExactly("REGISTER", "ONLINE", "UNREGISTER", "OFFLINE");
        assertThat(events.getExchanges().get(3).getIn().getBody(Presence.class).reason()).isEqualTo("UNREGISTERED");
        assertThat(gb28181().getDeviceRegistry().find(device.deviceId()).orElseThrow().isOnline()).isFalse();
    }

    @Test
    void registrationThatExpiresTakesTheDeviceOffline() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(1).status()).isEqualTo(200);

        MockEndpoint events = getMockEndpoint("mock:events");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.getReceivedCounter() == 3);
        assertThat(events.getExchanges().get(2).getIn().getHeader(Gb28181Constants.EVENT_TYPE)).isEqualTo("OFFLINE");
        assertThat(events.getExchanges().get(2).getIn().getBody(Presence.class).reason())
                .isEqualTo("REGISTRATION_EXPIRED");
    }

    @Test
    void refreshIsMarkedAndDoesNotRepeatOnline() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        assertThat(device.register(3600).status()).isEqualTo(200);

        MockEndpoint events = getMockEndpoint("mock:events");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.getReceivedCounter() == 3);
        assertThat(events.getExchanges()).extracting(e -> e.getIn().getHeader(Gb28181Constants.EVENT_TYPE))
                .containsExactly("REGISTER", "ONLINE", "REGISTER");
        assertThat(events.getExchanges().get(2).getIn().getBody(Registration.class).refresh()).isTrue();
    }
}
