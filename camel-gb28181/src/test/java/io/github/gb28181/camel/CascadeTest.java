package io.github.gb28181.camel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.gb28181.camel.device.DeviceChannel;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.manscdp.model.DeviceInfoResponse;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.upstream.UpstreamStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two of our platforms in one context: the lower one (component gb28181) registers to the upper one (component
 * upper) as a lower platform, and the upper one sees, queries and controls the lower one's channels as it would a
 * device's.
 */
class CascadeTest extends Gb28181TestSupport {

    static final String UPPER_ID = "44010000002000000001";
    static final String LOWER_ID = "34020000002000000001";
    static final String DEVICE = "34020000001320000001";
    static final String UPPER_PASSWORD = "upper-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final int upperPort = FreePorts.udpAndTcp();

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        Gb28181Component upper = new Gb28181Component();
        upper.getConfiguration().setHost("127.0.0.1");
        upper.getConfiguration().setPort(upperPort);
        upper.getConfiguration().setServerId(UPPER_ID);
        upper.getConfiguration().setDomain(UPPER_ID.substring(0, 10));
        upper.getConfiguration().setPassword(UPPER_PASSWORD);
        context.addComponent("upper", upper);
        context.getComponent("gb28181", Gb28181Component.class).addUpstream(upstream());
        return context;
    }

    private Gb28181Upstream upstream() {
        Gb28181Upstream upstream = new Gb28181Upstream();
        upstream.setName("city");
        upstream.setAddress("127.0.0.1:" + upperPort);
        upstream.setServerId(UPPER_ID);
        upstream.setPassword(UPPER_PASSWORD);
        upstream.setKeepaliveInterval(1000);
        upstream.setKeepaliveMisses(2);
        upstream.setRequestTimeout(3000);
        return upstream;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upper:events?types=REGISTER,ONLINE,OFFLINE").to("mock:upper-events");
                from("gb28181:events?types=UPSTREAM_ONLINE,UPSTREAM_OFFLINE").to("mock:upstream");
            }
        };
    }

    private Gb28181Component upper() {
        return context.getComponent("upper", Gb28181Component.class);
    }

    @Test
    void theLowerPlatformRegistersWithDigestAndComesOnline() throws Exception {
        await().atMost(WAIT).until(() -> upper().getDeviceRegistry().find(LOWER_ID).map(d -> d.isOnline())
                .orElse(false));
        await().atMost(WAIT).until(() -> !getMockEndpoint("mock:upstream").getExchanges().isEmpty());
        UpstreamStatus status = getMockEndpoint("mock:upstream").getExchanges().get(0).getIn()
                .getBody(UpstreamStatus.class);
        assertThat(status.online()).isTrue();
        assertThat(status.serverId()).isEqualTo(UPPER_ID);
        assertThat(status.name()).isEqualTo("city");
        assertThat(getMockEndpoint("mock:upstream").getExchanges().get(0).getIn()
                .getHeader(Gb28181Constants.EVENT_TYPE)).isEqualTo("UPSTREAM_ONLINE");
    }

    @Test
    void theUpperPlatformListsTheLowerPlatformsChannelsAndAsksItsDeviceInfo() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        List<DeviceChannel> channels = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            channels.add(new DeviceChannel(String.format("340200000013100%05d", i), DEVICE, "cam " + i, "Acme", "X1",
                    "ON", DEVICE));
        }
        gb28181().getDeviceRegistry().updateChannels(DEVICE, channels, true);
        await().atMost(WAIT).until(() -> upper().getDeviceRegistry().find(LOWER_ID).map(d -> d.isOnline())
                .orElse(false));

        CatalogResponse catalog = template.requestBody("upper:catalog?timeout=20000&deviceId=" + LOWER_ID, null,
                CatalogResponse.class);
        assertThat(catalog.getItems()).extracting(i -> i.getDeviceId())
                .containsExactlyInAnyOrderElementsOf(channels.stream().map(DeviceChannel::channelId).toList());
        assertThat(catalog.getItems()).allSatisfy(i -> assertThat(i.getStatus()).isEqualTo("ON"));
        assertThat(catalog.getSumNum()).isEqualTo(5);

        DeviceInfoResponse info = template.requestBody("upper:deviceInfo?deviceId=" + LOWER_ID, null,
                DeviceInfoResponse.class);
        assertThat(info.getDeviceId()).isEqualTo(LOWER_ID);
        assertThat(info.getChannel()).isEqualTo(5);
    }
}
