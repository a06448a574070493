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
    private final int rtpPort = io.github.gb28181.camel.test.FreePorts.udpAndTcp();

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
                from("gb28181-rtp:127.0.0.1:" + rtpPort).to("mock:frames");
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
        // challenge, wrong password, challenge, success
        assertThat(meters.get("gb28181.sip.transactions").tag("method", "REGISTER").tag("status", "4xx")
                .functionCounter().count()).isEqualTo(3.0);
        assertThat(meters.get("gb28181.sip.transactions").tag("method", "REGISTER").tag("status", "2xx")
                .functionCounter().count()).isEqualTo(1.0);

        byte[] ps = io.github.gb28181.camel.media.Samples.bytes(io.github.gb28181.camel.media.Samples.H264_GST_PSM);
        java.util.List<byte[]> rtp = io.github.gb28181.camel.media.Packetizer.rtp(
                io.github.gb28181.camel.media.Packetizer.alignedToPacks(ps, 1400), 7L, 1);
        io.github.gb28181.camel.media.RtpSender.udp(new java.net.InetSocketAddress("127.0.0.1", rtpPort), rtp,
                io.github.gb28181.camel.media.RtpSender.flow(() -> null));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(
                () -> meters.get("gb28181.rtp.packets").tag("kind", "received").functionCounter().count() == rtp.size());
        assertThat(meters.get("gb28181.rtp.frames").tag("kind", "delivered").functionCounter().count()).isPositive();
        assertThat(meters.get("gb28181.rtp.packets").tag("kind", "lost").functionCounter().count()).isZero();

        context.stop();
        assertThat(meters.find("gb28181.devices").gauges()).isEmpty();
        assertThat(meters.find("gb28181.rtp.packets").functionCounters()).isEmpty();
    }
}
