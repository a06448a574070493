package io.github.gb28181.camel;

import java.net.InetAddress;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.sip.message.MessageHandler;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A MESSAGE carries no credentials: with the default binding, one from another IP address in a registered device's
 * name is refused and does not move the device, while the device itself may change port (a NAT rebinding) and may
 * move by registering, with digest, from its new address.
 */
class DeviceTakeoverTest extends Gb28181TestSupport {

    private static final String DEVICE = "34020000001320000031";

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD);

    @Test
    void aMessageFromAnotherHostNeitherMovesTheDeviceNorGets200() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        int registeredPort = device.peer().localPort();
        ListAppender<ILoggingEvent> logs = capture();
        try (SimulatedDevice intruder = new SimulatedDevice(DEVICE, "not-the-password")) {
            intruder.connect(sipPort, "UDP", InetAddress.getByName("127.0.0.2"));
            for (int i = 0; i < 30; i++) {
                SipText refused = intruder.keepalive();
                assertThat(refused.status()).isEqualTo(403);
                assertThat(refused.startLine()).contains("another address");
            }
        } finally {
            ((Logger) LoggerFactory.getLogger(MessageHandler.class)).detachAppender(logs);
        }

        Device registered = gb28181().getDeviceRegistry().find(DEVICE).orElseThrow();
        assertThat(registered.getRemoteHost()).isEqualTo("127.0.0.1");
        assertThat(registered.getRemotePort()).isEqualTo(registeredPort);
        assertThat(gb28181().runningServers().get(0).settings().addressBinding().refusals()).isEqualTo(30);
        List<String> warnings = logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("in the name of device " + DEVICE)).toList();
        assertThat(warnings).as("refusals are logged, with the throttle").hasSizeBetween(1, 10);
        assertThat(device.keepalive().status()).as("the device itself, still where it was").isEqualTo(200);
    }

    @Test
    void theDeviceMayChangePortAndMayMoveByRegisteringWithDigest() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);

        device.connect(sipPort, "UDP"); // the same host, a new port: what a NAT rebinding looks like
        assertThat(device.keepalive().status()).isEqualTo(200);
        Device registered = gb28181().getDeviceRegistry().find(DEVICE).orElseThrow();
        assertThat(registered.getRemotePort()).isEqualTo(device.peer().localPort());

        device.connect(sipPort, "UDP", InetAddress.getByName("127.0.0.2"));
        assertThat(device.keepalive().status()).as("from another host before registering there").isEqualTo(403);
        assertThat(device.register(3600).status()).isEqualTo(200);
        assertThat(device.keepalive().status()).isEqualTo(200);
        assertThat(registered.getRemoteHost()).isEqualTo("127.0.0.2");
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(MessageHandler.class)).addAppender(logs);
        return logs;
    }
}
