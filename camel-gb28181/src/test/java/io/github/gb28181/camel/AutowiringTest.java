package io.github.gb28181.camel;

import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.media.InMemoryMediaSessionRegistry;
import io.github.gb28181.camel.media.MediaSessionRegistry;
import io.github.gb28181.camel.test.SimulatedDevice;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Registries bound in the Camel registry are the ones the components use. */
class AutowiringTest extends Gb28181TestSupport {

    private final DeviceRegistry devices = new DeviceRegistry();
    private final MediaSessionRegistry sessions = new InMemoryMediaSessionRegistry();

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice("34020000001320000001", PASSWORD);

    @Override
    protected void bindBeans(CamelContext context) {
        context.getRegistry().bind("devices", DeviceRegistry.class, devices);
        context.getRegistry().bind("sessions", MediaSessionRegistry.class, sessions);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events").to("mock:events");
                from("gb28181-rtp:127.0.0.1:" + io.github.gb28181.camel.test.FreePorts.udpAndTcp()).to("mock:frames");
            }
        };
    }

    @Test
    void boundRegistriesAreUsed() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);

        assertThat(gb28181().getDeviceRegistry()).isSameAs(devices);
        assertThat(devices.find("34020000001320000001")).isPresent();
        assertThat(gb28181().getMediaSessionRegistry()).isSameAs(sessions);
        Gb28181RtpEndpoint rtp = context.getEndpoints().stream().filter(Gb28181RtpEndpoint.class::isInstance)
                .map(Gb28181RtpEndpoint.class::cast).findFirst().orElseThrow();
        assertThat(rtp.getConfiguration().getRegistry()).isSameAs(sessions);
    }
}
