package io.github.gb28181.camel;

import io.github.gb28181.camel.test.SimulatedDevice;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsTest extends Gb28181TestSupport {

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice("34020000001320000001", PASSWORD);

    @Override
    protected void bindBeans(CamelContext context) {
        // found by type, as a Spring Boot application's registry would be
        context.getRegistry().bind("meters", MeterRegistry.class, meters);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events").to("mock:events");
            }
        };
    }

    @Test
    void fleetAndAuthenticationAreMetered() throws Exception {
        device.password("wrong").connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(403);
        assertThat(device.password(PASSWORD).register(3600).status()).isEqualTo(200);

        assertThat(meters.get("gb28181.devices").tag("state", "registered").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("gb28181.devices").tag("state", "online").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("gb28181.auth.failures").functionCounter().count()).isEqualTo(1.0);
        assertThat(meters.get("gb28181.media.sessions").gauge().value()).isZero();

        context.stop();
        assertThat(meters.find("gb28181.devices").gauges()).isEmpty();
    }
}
