package io.github.gb28181.camel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.gb28181.camel.sip.transport.SipServer;
import io.github.gb28181.camel.test.SimulatedDevice;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With answerAfterProcessing, a route that fails gives the device a 500 (not a 200), and the failure reaches the
 * consumer's exception handler.
 */
class AnswerAfterProcessingTest extends Gb28181TestSupport {

    private static final String DEVICE = "34020000001320000001";

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD);

    private final List<Throwable> handled = new CopyOnWriteArrayList<>();

    @Override
    protected void configure(Gb28181Configuration configuration) {
        configuration.setAnswerAfterProcessing(true);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("recording", (ExceptionHandler) new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                handled.add(exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                handled.add(exception);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                handled.add(exception);
            }
        });
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=ALARM&exceptionHandler=#recording")
                        .process(e -> {
                            if (e.getIn().getHeader(Gb28181Constants.SN, Integer.class) % 2 == 1) {
                                throw new IllegalStateException("the alarm database is down");
                            }
                        });
            }
        };
    }

    private String alarm(int sn) {
        return "<?xml version=\"1.0\"?><Notify><CmdType>Alarm</CmdType><SN>" + sn + "</SN><DeviceID>" + DEVICE
               + "</DeviceID><AlarmPriority>1</AlarmPriority><AlarmMethod>5</AlarmMethod></Notify>";
    }

    @Test
    void failedProcessingIsAnswered500AndReachesTheExceptionHandler() throws Exception {
        device.connect(sipPort, "UDP");
        device.register(3600);

        assertThat(device.sendManscdp(alarm(2), StandardCharsets.UTF_8).status()).isEqualTo(200);
        assertThat(device.sendManscdp(alarm(3), StandardCharsets.UTF_8).status()).isEqualTo(500);

        assertThat(handled).singleElement().satisfies(e -> assertThat(e).hasMessage("the alarm database is down"));
        // a keepalive has no route here and is answered as usual
        assertThat(device.keepalive().status()).isEqualTo(200);
    }

    @Test
    void aRetransmissionGetsTheFirstCopysAnswerWithoutAnotherRunOrATransaction() throws Exception {
        device.connect(sipPort, "UDP");
        device.register(3600);
        SipServer server = gb28181().runningServers().get(0).sipServer();
        int held = server.serverTransactions();
        String callId = SimulatedDevice.newId();
        byte[] failing = device.manscdpMessage(callId, alarm(5).getBytes(StandardCharsets.UTF_8));

        device.peer().send(failing);
        assertThat(device.peer().awaitResponse(callId, SimulatedDevice.TIMEOUT).status()).isEqualTo(500);
        // sent again as a device does when the answer is late: every T1 (500 ms) until answered
        assertThat(device.peer().sendUntilAnswered(failing, callId).status()).as("the first copy's answer, remembered")
                .isEqualTo(500);

        assertThat(handled).as("the route ran once").hasSize(1);
        assertThat(server.serverTransactions()).as("answered without a transaction").isEqualTo(held);
    }
}
