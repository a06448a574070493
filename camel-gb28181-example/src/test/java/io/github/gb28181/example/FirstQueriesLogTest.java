package io.github.gb28181.example;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.example.routes.FirstQueriesLog;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Thirty devices register at once and answer nothing: the route's warnings are throttled, and all counted. */
class FirstQueriesLogTest extends PlatformTestSupport {

    @Autowired
    FirstQueriesLog firstQueries;

    @Test
    void devicesThatDoNotAnswerTheirFirstQueriesDoNotFloodTheLog() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(FirstQueriesLog.class);
        logger.addAppender(logs);
        List<SimulatedDevice> devices = new ArrayList<>();
        long before = firstQueries.unanswered();
        try {
            for (int i = 0; i < 30; i++) {
                SimulatedDevice device = new SimulatedDevice("340200000013200008" + String.format("%02d", i), PASSWORD);
                devices.add(device);
                device.connect(SIP_PORT, "UDP");
                assertThat(device.register(3600).status()).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> firstQueries.unanswered() - before >= 30);
        } finally {
            logger.detachAppender(logs);
            devices.forEach(SimulatedDevice::close);
        }
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .allMatch(m -> m.contains("did not answer its first queries")).hasSizeBetween(1, 10);
    }
}
