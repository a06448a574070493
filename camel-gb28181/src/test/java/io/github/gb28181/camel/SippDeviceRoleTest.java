package io.github.gb28181.camel;

import java.time.Duration;
import java.util.List;

import io.github.gb28181.camel.manscdp.model.DeviceControl;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.Sipp;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A route plays a GB28181 device registered to sipp as its platform: sipp checks its digest, lists its catalog and
 * sends it a PTZ command, which reaches the route as a DeviceControl exchange.
 */
class SippDeviceRoleTest extends Gb28181TestSupport {

    private static final String ROLE_ID = DeviceRoleTest.ROLE_ID;
    private static final String ROLE_CHANNEL = DeviceRoleTest.ROLE_CHANNEL;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final int upperPort = FreePorts.udpAndTcp();
    private Sipp.Running upper;

    @Override
    protected RouteBuilder createRouteBuilder() {
        try {
            // sipp listens before the device starts registering
            upper = Sipp.start("upper-platform.xml", null, "UDP", upperPort,
                    SippUpperPlatformTest.upperArgs(ROLE_ID, ROLE_CHANNEL));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:device?localId=" + ROLE_ID + "&platformAddress=127.0.0.1:" + upperPort
                     + "&platformId=" + SippUpperPlatformTest.UPPER_ID + "&platformPassword="
                     + SippUpperPlatformTest.UPPER_PASSWORD + "&channels=" + ROLE_CHANNEL + ":sipp camera")
                        .filter(header(Gb28181Constants.EVENT_TYPE).isEqualTo("CONTROL")).to("mock:controls");
            }
        };
    }

    @Test
    void sippListsTheDevicesChannelAndItsPtzReachesTheRoute() throws Exception {
        try {
            MockEndpoint controls = getMockEndpoint("mock:controls");
            await().atMost(WAIT).until(() -> controls.getReceivedCounter() == 1);
            DeviceControl control = controls.getExchanges().get(0).getIn().getBody(DeviceControl.class);
            assertThat(control.getPtzCmd()).isEqualTo("A50F000800640020");
            assertThat(control.getSn()).isEqualTo(7002);

            await().atMost(WAIT).until(() -> !SippUpperPlatformTest.catalogParts(upper).isEmpty());
            List<String> parts = SippUpperPlatformTest.catalogParts(upper);
            assertThat(parts).singleElement().satisfies(part -> assertThat(part).contains("<SN>7001</SN>",
                    "<SumNum>1</SumNum>", "<DeviceID>" + ROLE_CHANNEL + "</DeviceID>", "<Name>sipp camera</Name>",
                    "<ParentID>" + ROLE_ID + "</ParentID>"));
        } finally {
            Sipp.Result result = upper.stop();
            assertThat(result.output()).doesNotContain("Discarding message");
        }
    }
}
