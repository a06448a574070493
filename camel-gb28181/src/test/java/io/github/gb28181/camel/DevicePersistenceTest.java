package io.github.gb28181.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SimulatedDevice;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A platform restarted on the same device store knows its registered devices and their channels before they
 * register again, and accepts their keepalives.
 */
class DevicePersistenceTest {

    private static final String DEVICE = "34020000001320000001";
    private static final String SECRET = "s3cret-Pa55";

    @TempDir
    Path store;
    private final int port = FreePorts.udpAndTcp();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void registeredDevicesSurviveARestart() throws Exception {
        CamelContext first = platform();
        first.start();
        try (SimulatedDevice device = new SimulatedDevice(DEVICE, SECRET)) {
            device.connect(port, "UDP");
            assertThat(device.register(3600).status()).isEqualTo(200);
            device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>" + DEVICE
                               + "</DeviceID><SumNum>1</SumNum><DeviceList Num=\"1\"><Item><DeviceID>34020000001310000001"
                               + "</DeviceID><Name>gate</Name></Item></DeviceList></Response>",
                    java.nio.charset.StandardCharsets.UTF_8);
            await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("CATALOG"));
            first.stop();

            try (Stream<Path> files = Files.list(store)) {
                List<Path> saved = files.toList();
                assertThat(saved).singleElement().satisfies(f -> assertThat(f.getFileName().toString())
                        .isEqualTo(DEVICE + ".json"));
                assertThat(Files.readString(saved.get(0))).contains("34020000001310000001").doesNotContain(SECRET);
            }

            events.clear();
            CamelContext second = platform();
            second.start();
            try {
                Device known = second.getComponent("gb28181", Gb28181Component.class).getDeviceRegistry()
                        .find(DEVICE).orElseThrow();
                assertThat(known.isRegistered()).isTrue();
                assertThat(known.isOnline()).isFalse();
                assertThat(known.getChannel("34020000001310000001").name()).isEqualTo("gate");

                // no new REGISTER: the device's next keepalive is enough
                assertThat(device.keepalive().status()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("ONLINE"));
                assertThat(known.isOnline()).isTrue();
            } finally {
                second.stop();
            }
        }
    }

    private CamelContext platform() throws Exception {
        CamelContext context = new DefaultCamelContext();
        Gb28181Component component = new Gb28181Component();
        component.getConfiguration().setHost("127.0.0.1");
        component.getConfiguration().setPort(port);
        component.getConfiguration().setPassword(SECRET);
        component.setDeviceStoreDirectory(store.toString());
        context.addComponent("gb28181", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events").process(e -> events.add(e.getIn().getHeader(Gb28181Constants.EVENT_TYPE, String.class)));
            }
        });
        return context;
    }
}
