package io.github.gb28181.camel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.device.DeviceTimeoutException;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SimulatedDevice;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain Camel Main application configures the component with {@code camel.component.gb28181.*} properties only:
 * the producer defaults among them apply to every producer whose URI does not override them.
 */
class CamelMainPropertiesTest {

    private static final String DEVICE = "34020000001320000031";

    @Test
    void componentTimeoutFromPropertiesBoundsAProducerWhoseUriSaysNone() throws Exception {
        int port = FreePorts.udpAndTcp();
        Main main = new Main();
        main.addInitialProperty("camel.component.gb28181.host", "127.0.0.1");
        main.addInitialProperty("camel.component.gb28181.port", String.valueOf(port));
        main.addInitialProperty("camel.component.gb28181.password", "12345678");
        main.addInitialProperty("camel.component.gb28181.timeout", "700ms");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:status").to("gb28181:deviceStatus"); // the SIP server starts with this route
            }
        });
        main.start();
        try (SimulatedDevice device = new SimulatedDevice(DEVICE, "12345678")) {
            assertThat(main.getCamelContext().getComponent("gb28181", Gb28181Component.class).getConfiguration()
                    .getTimeout()).isEqualTo(700);
            device.connect(port, "UDP");
            assertThat(device.register(3600).status()).isEqualTo(200);

            CompletableFuture<Exchange> reply = main.getCamelContext().createProducerTemplate().asyncSend(
                    "direct:status", e -> e.getIn().setHeader(Gb28181Constants.DEVICE_ID, DEVICE));
            device.acceptWithoutAnswer();

            Exchange exchange = reply.get(10, TimeUnit.SECONDS);
            assertThat(exchange.getException()).isInstanceOf(DeviceTimeoutException.class)
                    .hasMessageContaining("within 700 ms");
        } finally {
            main.stop();
        }
    }
}
