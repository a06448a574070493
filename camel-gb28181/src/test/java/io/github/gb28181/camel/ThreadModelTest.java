package io.github.gb28181.camel;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.device.DeviceTimeoutException;

import io.github.gb28181.camel.media.MediaCase;
import io.github.gb28181.camel.media.Packetizer;
import io.github.gb28181.camel.media.RtpSender;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The components' threads come from Camel's ExecutorServiceManager: they carry the context's thread name pattern
 * (here a custom one), routes run on them (events, frames, a producer's reply or timeout), and none is left when the
 * context stops.
 */
class ThreadModelTest extends Gb28181TestSupport {

    private static final String PATTERN_MARK = "gbtm";
    private static final String DEVICE = "34020000001320000041";
    private final int rtpPort = FreePorts.udpAndTcp();
    private final Set<String> eventThreads = ConcurrentHashMap.newKeySet();
    private final Set<String> frameThreads = ConcurrentHashMap.newKeySet();
    private final List<String> replyThreads = new CopyOnWriteArrayList<>();

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD);

    @Override
    protected void bindBeans(CamelContext context) {
        context.getExecutorServiceManager().setThreadNamePattern(PATTERN_MARK + " ##counter# #name#");
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events").process(e -> eventThreads.add(Thread.currentThread().getName()));
                from("direct:status").doTry().to("gb28181:deviceStatus?timeout=1000")
                        .doCatch(DeviceTimeoutException.class).end()
                        .process(e -> replyThreads.add(Thread.currentThread().getName()));
                from("gb28181-rtp:127.0.0.1:" + rtpPort).routeId("rtp")
                        .process(e -> frameThreads.add(Thread.currentThread().getName()));
            }
        };
    }

    @Test
    void eventsAndFramesRunOnCamelNamedThreadsThatStopWithTheContext() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        MediaCase media = MediaCase.file(Samples.H264_GST_PSM, "packs", ps -> Packetizer.alignedToPacks(ps, 1400));
        RtpSender.udp(new InetSocketAddress("127.0.0.1", rtpPort), media.rtp(100000001L), RtpSender.flow(
                () -> ((Gb28181RtpConsumer) context.getRoute("rtp").getConsumer()).getStatistics()));

        await().atMost(Duration.ofSeconds(10)).until(() -> !eventThreads.isEmpty() && !frameThreads.isEmpty());
        assertThat(eventThreads).allMatch(name -> name.matches(PATTERN_MARK + " #\\d+ gb28181-events-127\\.0\\.0\\.1:"
                                                               + sipPort + "-\\d+"));
        assertThat(frameThreads).allMatch(name -> name.matches(PATTERN_MARK + " #\\d+ gb28181-rtp-media"));
        assertThat(liveThreads()).anyMatch(name -> name.matches(PATTERN_MARK + " #\\d+ gb28181-timer-127\\.0\\.0\\.1:"
                                                                + sipPort))
                .anyMatch(name -> name.matches(PATTERN_MARK + " #\\d+ gb28181-tcp-guard-127\\.0\\.0\\.1:" + sipPort))
                .anyMatch(name -> name.matches(PATTERN_MARK + " #\\d+ gb28181-rtp-io"));

        // a producer's route goes on off the jain-sip thread that got the answer, and off the JDK's timeout thread
        CompletableFuture<Exchange> answered = template.asyncSend("direct:status",
                e -> e.getIn().setHeader(Gb28181Constants.DEVICE_ID, DEVICE));
        SipText query = device.peer().awaitRequest("MESSAGE", Duration.ofSeconds(5));
        device.answer(query, 200, "OK");
        device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>DeviceStatus</CmdType><SN>" + ProducerTest.sn(query)
                           + "</SN><DeviceID>" + DEVICE + "</DeviceID><Result>OK</Result></Response>",
                StandardCharsets.UTF_8);
        assertThat(answered.get(10, TimeUnit.SECONDS).getException()).isNull();
        CompletableFuture<Exchange> unanswered = template.asyncSend("direct:status",
                e -> e.getIn().setHeader(Gb28181Constants.DEVICE_ID, DEVICE));
        device.acceptWithoutAnswer();
        assertThat(unanswered.get(10, TimeUnit.SECONDS).getProperty(Exchange.EXCEPTION_CAUGHT))
                .isInstanceOf(DeviceTimeoutException.class);
        assertThat(replyThreads).hasSize(2).allMatch(name -> name.matches(PATTERN_MARK + " #\\d+ gb28181-replies"));

        context.stop();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(liveThreads())
                .noneMatch(name -> name.contains("gb28181-events-") || name.contains("gb28181-timer-")
                                   || name.contains("gb28181-rtp-") || name.contains("gb28181-sip-stop-")
                                   || name.contains("gb28181-tcp-guard-")));
    }

    private static Set<String> liveThreads() {
        Set<String> names = new java.util.HashSet<>();
        Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).forEach(t -> names.add(t.getName()));
        return names;
    }
}
