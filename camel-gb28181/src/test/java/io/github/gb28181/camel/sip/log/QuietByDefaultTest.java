package io.github.gb28181.camel.sip.log;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.gb28181.camel.Gb28181TestSupport;
import io.github.gb28181.camel.test.SimulatedDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under {@code camel run} (and any application that leaves the root logger at INFO), jain-sip's log must not grow
 * with the traffic: a device registering and sending keepalives writes nothing at INFO through our adapters.
 */
class QuietByDefaultTest extends Gb28181TestSupport {

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice("34020000001320000051", PASSWORD);

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger jainSip = (Logger) LoggerFactory.getLogger("gov.nist");
    private Level before;

    @BeforeEach
    void captureJainSipAtInfo() {
        before = jainSip.getLevel();
        jainSip.setLevel(Level.INFO); // what camel run's default INFO root gives it
        captured.start();
        jainSip.addAppender(captured);
    }

    @AfterEach
    void restore() {
        jainSip.detachAppender(captured);
        jainSip.setLevel(before);
    }

    @Test
    void trafficWritesNothingAtInfo() throws Exception {
        device.connect(sipPort, "UDP");
        device.register(3600);
        for (int i = 0; i < 20; i++) {
            assertThat(device.keepalive().status()).isEqualTo(200);
        }
        List<String> lines = captured.list.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " "
                                                              + e.getFormattedMessage()).toList();
        assertThat(lines).isEmpty();
    }
}
