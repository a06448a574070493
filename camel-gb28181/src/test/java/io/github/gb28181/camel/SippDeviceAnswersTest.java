package io.github.gb28181.camel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.manscdp.model.DeviceInfoResponse;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.Sipp;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sipp as an independent device: it registers, then (listening on the port it registered from) answers a
 * DeviceInfo query with a Response MESSAGE and accepts a PTZ control whose PTZCmd it checks.
 */
class SippDeviceAnswersTest extends Gb28181TestSupport {

    private static final String DEVICE = "34020000001320000005";
    private static final String SERVER_ID = "34020000002000000001";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=REGISTER").to("mock:registered");
            }
        };
    }

    @Test
    void sippAnswersAQueryAndAcceptsAControl() throws Exception {
        int devicePort = FreePorts.udpAndTcp();
        var args = Sipp.deviceArgs(DEVICE, SERVER_ID, DEVICE, PASSWORD);
        Sipp.Result registered = Sipp.start("register.xml", sipPort, "UDP", devicePort, args).await();
        assertThat(registered.passed()).as(registered.output()).isTrue();

        Sipp.Running answering = Sipp.start("device-answers-query.xml", null, "UDP", devicePort, args);
        CompletableFuture<Exchange> query = template.asyncSend("gb28181:deviceInfo?deviceId=" + DEVICE, e -> { });
        Sipp.Result answered = answering.await();
        assertThat(answered.passed()).as(answered.output()).isTrue();
        DeviceInfoResponse info = query.get(10, TimeUnit.SECONDS).getMessage().getBody(DeviceInfoResponse.class);
        assertThat(info.getDeviceName()).isEqualTo("sipp camera");
        assertThat(info.getManufacturer()).isEqualTo("SIPp");

        Sipp.Running accepting = Sipp.start("device-accepts-control.xml", null, "UDP", devicePort, args);
        CompletableFuture<Exchange> control = template.asyncSend(
                "gb28181:ptz?action=up&speed=100&deviceId=" + DEVICE, e -> { });
        Sipp.Result accepted = accepting.await();
        assertThat(accepted.passed()).as(accepted.output()).isTrue();
        assertThat(control.get(10, TimeUnit.SECONDS).getException()).isNull();
    }
}
