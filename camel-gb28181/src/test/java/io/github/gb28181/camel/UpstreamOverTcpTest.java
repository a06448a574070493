package io.github.gb28181.camel;

import java.time.Duration;

import io.github.gb28181.camel.manscdp.model.DeviceInfoResponse;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.upstream.UpstreamLink;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A lower platform registering over TCP to an upper platform that is not there yet, and to one that goes away and
 * comes back on the same port: each time the upper platform listens again, the lower one must be registered to it
 * again. Both are our platform, each in its own Camel context, as two processes would be.
 */
class UpstreamOverTcpTest {

    private static final String UPPER_ID = "44010000002000000001";
    private static final String LOWER_ID = "34020000002000000001";
    private static final String UPPER_PASSWORD = "upper-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final int upperPort = FreePorts.udpAndTcp();
    private CamelContext lower;
    private CamelContext upper;

    @AfterEach
    void stopBoth() {
        if (upper != null) {
            upper.stop();
        }
        if (lower != null) {
            lower.stop();
        }
    }

    @Test
    void anUpperPlatformStartedAfterUsAndOneThatRestartsAreRegisteredTo() throws Exception {
        lower = lowerPlatform();
        lower.start();
        UpstreamLink link = lower.getComponent("gb28181", Gb28181Component.class).getUpstreamLinks().get(0);
        // nothing listens yet: the connection is refused, and we keep trying
        await().atMost(WAIT).until(() -> link.status().reason() != null);
        assertThat(link.status().reason()).contains("Connection refused");

        upper = upperPlatform();
        upper.start();
        awaitRegistered(link);

        // it goes away: keepalives go unanswered over the dead connection, and we are offline
        upper.stop();
        await().atMost(WAIT).until(() -> !link.isOnline());

        // it comes back on the same port, knowing nothing of us
        upper = upperPlatform();
        upper.start();
        awaitRegistered(link);
    }

    /** Registered, and the upper platform reaches us back over the connection we keep open to it. */
    private void awaitRegistered(UpstreamLink link) {
        await().atMost(WAIT).until(link::isOnline);
        await().atMost(WAIT).until(() -> upper.getComponent("upper", Gb28181Component.class).getDeviceRegistry()
                .find(LOWER_ID).map(d -> d.isOnline()).orElse(false));
        DeviceInfoResponse info = upper.createProducerTemplate().requestBody("upper:deviceInfo?deviceId=" + LOWER_ID,
                null, DeviceInfoResponse.class);
        assertThat(info.getDeviceId()).isEqualTo(LOWER_ID);
    }

    private CamelContext lowerPlatform() throws Exception {
        CamelContext context = Gb28181TestSupport.loopbackContext(FreePorts.udpAndTcp());
        Gb28181Upstream upstream = new Gb28181Upstream();
        upstream.setName("city");
        upstream.setAddress("127.0.0.1:" + upperPort);
        upstream.setServerId(UPPER_ID);
        upstream.setPassword(UPPER_PASSWORD);
        upstream.setTransport("TCP");
        upstream.setKeepaliveInterval(1000);
        upstream.setKeepaliveMisses(2);
        upstream.setRequestTimeout(2000);
        upstream.setRetryMax(2000);
        context.getComponent("gb28181", Gb28181Component.class).addUpstream(upstream);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events").to("log:lower-events?level=DEBUG");
            }
        });
        return context;
    }

    private CamelContext upperPlatform() throws Exception {
        CamelContext context = new DefaultCamelContext();
        Gb28181Component component = new Gb28181Component();
        component.getConfiguration().setHost("127.0.0.1");
        component.getConfiguration().setPort(upperPort);
        component.getConfiguration().setServerId(UPPER_ID);
        component.getConfiguration().setDomain(UPPER_ID.substring(0, 10));
        component.getConfiguration().setPassword(UPPER_PASSWORD);
        context.addComponent("upper", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("upper:events").to("log:upper-events?level=DEBUG");
            }
        });
        return context;
    }
}
