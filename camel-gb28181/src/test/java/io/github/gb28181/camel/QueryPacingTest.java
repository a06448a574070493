package io.github.gb28181.camel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries go out no faster than queryRate and no more at once than maxQueriesInFlight unanswered; the rest wait
 * their turn instead of all retransmitting at once.
 */
class QueryPacingTest extends Gb28181TestSupport {

    private static final String DEVICE = "34020000001320000001";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String QUERY = "gb28181:deviceInfo?timeout=5000&deviceId=" + DEVICE;

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD);

    @Override
    protected void bindBeans(CamelContext context) {
        context.getRegistry().bind("meters", MeterRegistry.class, meters);
    }

    @Override
    protected void configure(Gb28181Configuration configuration) {
        configuration.setQueryRate(5);
        configuration.setMaxQueriesInFlight(2);
    }

    @Test
    void queriesWaitWhileTwoAreUnanswered() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            template.asyncSend(QUERY, e -> { });
        }
        Set<String> seen = new HashSet<>();
        SipText first = nextQuery(seen);
        SipText second = nextQuery(seen);
        // the device thinks: two queries are out (and retransmitted), the other two wait rather than go out as well
        long quiet = System.nanoTime() + Duration.ofMillis(700).toNanos();
        for (SipText more; (more = device.peer().poll(Duration.ofNanos(Math.max(1, quiet - System.nanoTime())))) != null
                           && System.nanoTime() < quiet; ) {
            assertThat(seen).as("only retransmissions of the two").contains(more.header("Call-ID"));
        }
        assertThat(meters.get("gb28181.queries").tag("state", "waiting").gauge().value()).isEqualTo(2);
        assertThat(meters.get("gb28181.queries").tag("state", "in-flight").gauge().value()).isEqualTo(2);

        device.answer(first, 200, "OK");
        SipText third = nextQuery(seen);
        device.answer(second, 200, "OK");
        SipText fourth = nextQuery(seen);
        device.answer(third, 200, "OK");
        device.answer(fourth, 200, "OK");
        org.awaitility.Awaitility.await().atMost(WAIT).until(
                () -> meters.get("gb28181.queries").tag("state", "in-flight").gauge().value() == 0);
    }

    /** The next query with a Call-ID not seen yet, skipping retransmissions. */
    private SipText nextQuery(Set<String> seen) throws InterruptedException {
        SipText query = device.peer().await(m -> !m.isResponse() && "MESSAGE".equals(m.method())
                                                 && !seen.contains(m.header("Call-ID")), WAIT);
        seen.add(query.header("Call-ID"));
        return query;
    }

    @Test
    void queriesGoOutAtTheQueryRate() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        for (int i = 0; i < 6; i++) {
            template.asyncSend(QUERY, e -> { });
        }
        List<Long> arrivals = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            SipText query = nextQuery(seen);
            arrivals.add(System.nanoTime());
            device.answer(query, 200, "OK");
        }
        // answered at once, so never two in flight: five gaps at 5 a second make a second, less a token's slack
        assertThat(Duration.ofNanos(arrivals.get(5) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(800));
    }
}
