package io.github.gb28181.example.routes;

import java.util.concurrent.atomic.LongAdder;

import io.github.gb28181.camel.Gb28181Constants;
import io.github.gb28181.camel.sip.log.LogThrottle;
import org.apache.camel.ExchangeException;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The first-queries route's warning for a device that did not answer, throttled as the component throttles what
 * remote input triggers: in a registration storm of 20,000 devices it was 20,000 lines.
 */
@Component("firstQueriesLog")
public class FirstQueriesLog {

    private static final Logger LOG = LoggerFactory.getLogger(FirstQueriesLog.class);

    private final LogThrottle throttle = new LogThrottle();
    private final LongAdder unanswered = new LongAdder();

    public void didNotAnswer(@Header(Gb28181Constants.DEVICE_ID) String deviceId, @ExchangeException Exception error) {
        unanswered.increment();
        String more = throttle.admit();
        if (more != null) {
            LOG.warn("Device {} did not answer its first queries: {}{}", deviceId,
                    error == null ? "no answer" : error.getMessage(), more);
        }
    }

    /** Devices that did not answer their first queries, since start. */
    public long unanswered() {
        return unanswered.sum();
    }
}
