package io.github.gb28181.camel;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.gb28181.camel.sip.auth.AccessPolicy;
import io.github.gb28181.camel.sip.auth.AddressBinding;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AuthenticationAbuseTest extends Gb28181TestSupport {

    private static final String DEVICE = "34020000001320000001";
    private static final String URI = "sip:34020000002000000001@3402000000";

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD);
    @RegisterExtension
    SimulatedDevice other = new SimulatedDevice("34020000001320000002", PASSWORD);

    @Override
    protected void configure(Gb28181Configuration configuration) {
        configuration.setMaxAuthFailures(3);
        configuration.setAuthLockout(60_000);
        configuration.setDeniedDevices("3402000000132000009*");
        configuration.setDeviceAddressBinding(AddressBinding.Mode.HOST_AND_PORT);
    }

    @Test
    void capturedRegisterWithoutQopCannotBeReplayed() throws Exception {
        device.qop(false).connect(sipPort, "UDP");
        SipText challenge = device.sendRegister(3600, null);
        String authorization = device.authorization(challenge, "REGISTER", URI);
        assertThat(device.sendRegister(3600, authorization).status()).isEqualTo(200);

        SipText replay = device.sendRegister(3600, authorization);

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.param("WWW-Authenticate", "stale")).isEqualToIgnoringCase("true");
    }

    @Test
    void qopNonceCountMustGrowAndANonceBelongsToOneDevice() throws Exception {
        device.connect(sipPort, "UDP");
        SipText challenge = device.sendRegister(3600, null);
        String authorization = device.authorization(challenge, "REGISTER", URI);
        assertThat(device.sendRegister(3600, authorization).status()).isEqualTo(200);
        assertThat(device.sendRegister(3600, authorization).status()).as("same nc again").isEqualTo(401);

        // another device answering correctly, but with the nonce the first one authenticated with
        other.connect(sipPort, "UDP");
        String stolen = other.authorization(challenge, "REGISTER", URI);
        assertThat(other.sendRegister(3600, stolen).status()).isEqualTo(401);
        assertThat(other.register(3600).status()).as("with a nonce of its own").isEqualTo(200);
    }

    @Test
    void repeatedWrongPasswordsLockOutAndSaySo() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        try {
            device.password("guess-1").connect(sipPort, "UDP");
            for (int i = 0; i < 3; i++) {
                assertThat(device.register(3600).status()).isEqualTo(403);
            }
            MockEndpoint events = getMockEndpoint("mock:events");
            await().atMost(Duration.ofSeconds(5)).until(() -> events.getReceivedCounter() == 1);
            assertThat(events.getExchanges().get(0).getIn().getHeader(Gb28181Constants.EVENT_TYPE)).isEqualTo("AUTH_LOCKED");
            AccessPolicy.Lockout lockout = events.getExchanges().get(0).getIn().getBody(AccessPolicy.Lockout.class);
            assertThat(lockout.deviceId()).isEqualTo(DEVICE);
            assertThat(lockout.failures()).isEqualTo(3);

            // now even the right password is refused, before any challenge
            SipText refused = device.password(PASSWORD).sendRegister(3600, null);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.startLine()).contains("Locked out");
        } finally {
            root.detachAppender(logs);
        }
        for (ILoggingEvent event : logs.list) {
            assertThat(event.getFormattedMessage()).doesNotContain("guess-1").doesNotContain(PASSWORD);
        }
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("locked out"));
    }

    @Test
    void anAddressLockedOutByOneDeviceKeepsItsRegisteredDevices() throws Exception {
        // all three share 127.0.0.1, as cameras behind one NAT share its address
        other.connect(sipPort, "UDP");
        assertThat(other.register(3600).status()).isEqualTo(200);
        device.password("guess-1").connect(sipPort, "UDP");
        for (int i = 0; i < 3; i++) {
            assertThat(device.register(3600).status()).isEqualTo(403);
        }

        assertThat(other.keepalive().status()).as("keepalive of a registered device").isEqualTo(200);
        assertThat(other.register(3600).status()).as("refresh from where it registered").isEqualTo(200);
        try (SimulatedDevice newcomer = new SimulatedDevice("34020000001320000003", PASSWORD)) {
            newcomer.connect(sipPort, "UDP");
            SipText refused = newcomer.sendRegister(3600, null);
            assertThat(refused.status()).as("a new device id from the locked address, even after the refresh")
                    .isEqualTo(403);
            assertThat(refused.startLine()).contains("Locked out");
        }
        assertThat(device.password(PASSWORD).sendRegister(3600, null).status()).as("the device that failed")
                .isEqualTo(403);
    }

    @Test
    void wrongPasswordsFromElsewhereNeverLockTheRealDeviceOut() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        try (SimulatedDevice attacker = new SimulatedDevice(DEVICE, "guess-1")) {
            attacker.connect(sipPort, "UDP", InetAddress.getByName("127.0.0.2"));
            for (int i = 0; i < 5; i++) {
                assertThat(attacker.register(3600).status()).isEqualTo(403);
            }
            SipText locked = attacker.password(PASSWORD).sendRegister(3600, null);
            assertThat(locked.status()).as("the attacker's address, even with the right password").isEqualTo(403);
            assertThat(locked.startLine()).contains("Locked out");
        }

        assertThat(device.register(3600).status()).as("refresh from where it is registered").isEqualTo(200);
        assertThat(device.register(0).status()).as("unregistered, as on a reboot").isEqualTo(200);
        device.connect(sipPort, "UDP"); // rebooted: a new port, the same address
        assertThat(device.register(3600).status()).as("back after its registration lapsed").isEqualTo(200);
        assertThat(device.keepalive().status()).isEqualTo(200);
    }

    @Test
    void onlyGbDeviceIdsMayRegister() throws Exception {
        for (String id : new String[] {"%3Cscript%3Ealert(1)%3C/script%3E", "../../tmp/x", "1".repeat(1000), "3402000000132000000",
                                       "3402000000132000000x"}) {
            try (SimulatedDevice odd = new SimulatedDevice(id, PASSWORD)) {
                odd.connect(sipPort, "UDP");
                SipText answer = odd.sendRegister(3600, null);
                assertThat(answer.status()).as(id).isEqualTo(400);
                assertThat(answer.startLine()).contains("Invalid device id");
            }
        }
        assertThat(gb28181().getDeviceRegistry().devices()).isEmpty();
    }

    @Test
    void deniedDevicesAreRefusedBeforeAuthentication() throws Exception {
        try (SimulatedDevice denied = new SimulatedDevice("34020000001320000091", PASSWORD)) {
            denied.connect(sipPort, "UDP");
            SipText answer = denied.sendRegister(3600, null);
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.header("WWW-Authenticate")).isNull();
        }
    }

    @Test
    void messageFromAnotherAddressIsRefusedUntilTheDeviceRegistersThere() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        try (SimulatedDevice moved = new SimulatedDevice(DEVICE, PASSWORD)) {
            moved.connect(sipPort, "UDP");
            assertThat(moved.keepalive().status()).isEqualTo(403);
            assertThat(moved.register(3600).status()).isEqualTo(200);
            assertThat(moved.keepalive().status()).isEqualTo(200);
        }
        MockEndpoint events = getMockEndpoint("mock:events");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.getReceivedCounter() >= 4);
        List<Object> types = events.getExchanges().stream().map(e -> e.getIn().getHeader(Gb28181Constants.EVENT_TYPE)).toList();
        assertThat(types).containsExactly("REGISTER", "ONLINE", "REGISTER", "KEEPALIVE");
    }
}
