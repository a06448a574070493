package io.github.gb28181.camel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.gb28181.camel.event.Registration;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.Sipp;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * sipp, an independent SIP implementation, plays the device: digest registration with and without qop, over UDP
 * and TCP, followed by a keepalive; and a wrong password.
 */
class SippDeviceTest {

    private static final String SERVER_ID = "34020000002000000001";
    private static final String PASSWORD = "12345678";

    private final int sipPort = FreePorts.udpAndTcp();
    private final List<Exchange> events = new CopyOnWriteArrayList<>();
    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    @ParameterizedTest(name = "{0}, qop offered: {1}")
    @CsvSource({ "UDP,true", "UDP,false", "TCP,true", "TCP,false" })
    void sippRegistersWithDigestAndSendsKeepalive(String transport, boolean offerQop) throws Exception {
        start(offerQop);
        String deviceId = "34020000001320000001";

        Sipp.Result result = Sipp.run("register.xml", sipPort, transport,
                Sipp.deviceArgs(deviceId, SERVER_ID, deviceId, PASSWORD));

        assertThat(result.passed()).as(result.output()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
        assertThat(events).extracting(e -> e.getIn().getHeader(Gb28181Constants.EVENT_TYPE))
                .containsExactly("REGISTER", "KEEPALIVE");
        Registration registration = events.get(0).getIn().getBody(Registration.class);
        assertThat(registration.deviceId()).isEqualTo(deviceId);
        assertThat(registration.transport()).isEqualTo(transport);
        assertThat(registration.userAgent()).isEqualTo("sipp-gb28181-device");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "UDP", "TCP" })
    void sippWithWrongPasswordIsForbidden(String transport) throws Exception {
        start(true);

        Sipp.Result result = Sipp.run("register-wrong-password.xml", sipPort, transport,
                Sipp.deviceArgs("34020000001320000003", SERVER_ID, "34020000001320000003", "not-the-password"));

        assertThat(result.passed()).as(result.output()).isTrue();
        assertThat(events).isEmpty();
        assertThat(context.getComponent("gb28181", Gb28181Component.class).getDeviceRegistry()
                .find("34020000001320000003")).isEmpty();
    }

    private void start(boolean offerQop) throws Exception {
        context = new DefaultCamelContext();
        Gb28181Component component = new Gb28181Component();
        component.getConfiguration().setHost("127.0.0.1");
        component.getConfiguration().setPort(sipPort);
        component.getConfiguration().setPassword(PASSWORD);
        component.getConfiguration().setDigestQop(offerQop);
        context.addComponent("gb28181", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=REGISTER,KEEPALIVE").process(events::add);
            }
        });
        context.start();
    }
}
