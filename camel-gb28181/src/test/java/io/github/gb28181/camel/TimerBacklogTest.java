package io.github.gb28181.camel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.gb28181.camel.test.SimulatedDevice;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform's timer thread holds a task for every answer it remembers (each completed Catalog, DeviceInfo...
 * answer is kept for the aggregation timeout, to drop its late duplicates), so after a registration storm it holds
 * thousands. Camel's scheduled executors refuse tasks past a queue of 1,000 unless told otherwise: the answers past
 * that were refused with an error, the first queries of the devices that sent them failed, and the example platform
 * measured a registration ceiling of 0.
 */
class TimerBacklogTest extends Gb28181TestSupport {

    private static final String DEVICE = "34020000001320000071";
    private static final int ANSWERS = 1_500;

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD);

    @Override
    protected void configure(Gb28181Configuration configuration) {
        // every answer's timer still waits when the last answer comes
        configuration.setAggregationTimeout(120_000);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=CATALOG").to("mock:catalogs");
            }
        };
    }

    @Test
    void moreAnswersThanCamelsDefaultTimerQueueAreAllTaken() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);

        for (int sn = 1; sn <= ANSWERS; sn++) {
            int status = device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>Catalog</CmdType><SN>" + sn
                                            + "</SN><DeviceID>" + DEVICE + "</DeviceID><SumNum>0</SumNum></Response>",
                    StandardCharsets.UTF_8).status();
            assertThat(status).as("answer %d", sn).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(10))
                .until(() -> getMockEndpoint("mock:catalogs").getReceivedCounter() == ANSWERS);
    }
}
