package io.github.gb28181.camel;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.media.Ffprobe;
import io.github.gb28181.camel.media.InMemoryMediaSessionRegistry;
import io.github.gb28181.camel.media.MediaCase;
import io.github.gb28181.camel.media.MediaSessionInfo;
import io.github.gb28181.camel.media.NettyLeakDetection;
import io.github.gb28181.camel.media.Packetizer;
import io.github.gb28181.camel.media.RtpSender;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.media.Ssrc;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * gb28181-rtp routes on loopback: exchanges, headers, session lookup, ES output ffprobe can decode, TCP both ways,
 * route restarts on the same port, failures in the route, and a YAML route.
 */
@ExtendWith(NettyLeakDetection.class)
class Gb28181RtpComponentTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CAMERA = "34020000001320000001";
    private static final String CHANNEL = "34020000001310000001";

    private final int psPort = FreePorts.udpAndTcp();
    private final int esPort = FreePorts.udpAndTcp();
    private final int tcpPort = FreePorts.udpAndTcp();
    private final InMemoryMediaSessionRegistry sessions = new InMemoryMediaSessionRegistry();
    private final Map<String, ByteArrayOutputStream> video = new ConcurrentHashMap<>();
    private final List<Exchange> audio = new CopyOnWriteArrayList<>();
    private final List<Throwable> handled = new CopyOnWriteArrayList<>();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("mediaSessions", sessions);
        registry.bind("recordingHandler", (ExceptionHandler) new RecordingHandler());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181-rtp:127.0.0.1:" + psPort + "?streamIdleTimeout=300").routeId("ps")
                        .to("mock:ps");
                from("gb28181-rtp:127.0.0.1:" + esPort + "?mode=es&streamIdleTimeout=300").routeId("es")
                        .process(e -> {
                            if ("AUDIO".equals(e.getIn().getHeader(Gb28181RtpConstants.STREAM_TYPE))) {
                                audio.add(e.copy());
                            } else {
                                video.computeIfAbsent(e.getIn().getHeader(Gb28181RtpConstants.SSRC, String.class),
                                        s -> new ByteArrayOutputStream())
                                        .writeBytes(e.getIn().getBody(byte[].class));
                            }
                        });
                from("gb28181-rtp:127.0.0.1:" + tcpPort + "?transport=tcp-passive&mode=es").routeId("tcp")
                        .to("mock:tcp");
            }
        };
    }

    @Test
    void oneExchangePerPsFrameWithHeadersAndTheSessionTheSignallingAnnounced() throws Exception {
        sessions.announce(Ssrc.parse("0100000001"), new MediaSessionInfo(CAMERA, CHANNEL, "call-1"));
        MediaCase c = MediaCase.file(Samples.H264_GST_PSM, "packs", ps -> Packetizer.alignedToPacks(ps, 1400));
        MockEndpoint mock = getMockEndpoint("mock:ps");
        mock.expectedMessageCount(c.psFrames());
        mock.setResultWaitTime(WAIT.toMillis());

        RtpSender.udp(new InetSocketAddress("127.0.0.1", psPort), c.rtp(100000001L), flow("ps"));

        mock.assertIsSatisfied();
        Exchange first = mock.getExchanges().get(0);
        assertThat(first.getIn().getBody()).isInstanceOf(byte[].class);
        Map<String, Object> headers = first.getIn().getHeaders();
        assertThat(headers).containsEntry(Gb28181RtpConstants.SSRC, "0100000001")
                .containsEntry(Gb28181RtpConstants.CODEC, "H264")
                .containsEntry(Gb28181RtpConstants.STREAM_TYPE, "VIDEO")
                .containsEntry(Gb28181RtpConstants.KEY_FRAME, true)
                .containsEntry(Gb28181RtpConstants.PTS, 0L)
                .containsEntry(Gb28181RtpConstants.PACKETS_LOST, 0L)
                .containsEntry(Gb28181RtpConstants.DEVICE_ID, CAMERA)
                .containsEntry(Gb28181RtpConstants.CHANNEL_ID, CHANNEL)
                .containsEntry(Gb28181RtpConstants.SESSION_ID, "call-1")
                .containsKey(Gb28181RtpConstants.RTP_TIMESTAMP)
                .doesNotContainKey(Gb28181RtpConstants.DAMAGED);
        assertThat((String) headers.get(Gb28181RtpConstants.REMOTE_ADDRESS)).startsWith("127.0.0.1:");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        mock.getExchanges().forEach(e -> all.writeBytes(e.getIn().getBody(byte[].class)));
        assertThat(all.toByteArray()).isEqualTo(c.ps());
        assertThat(mock.getExchanges()).filteredOn(e -> e.getIn().getHeader(Gb28181RtpConstants.KEY_FRAME,
                Boolean.class)).hasSize(Samples.keyFrames(Samples.H264_GST_PSM));
    }

    @Test
    void esModeWritesH264AndH265ThatFfprobeDecodesFrameForFrame() throws Exception {
        MediaCase ffmpeg = MediaCase.file(Samples.H264_FFMPEG_E2, "188x7", ps -> Packetizer.fixedSize(ps, 188 * 7));
        MediaCase gst = MediaCase.file(Samples.H264_AAC_GST_PSM, "packs", ps -> Packetizer.alignedToPacks(ps, 1400));
        MediaCase hevc = MediaCase.file(Samples.H265_FFMPEG_E0, "packs", ps -> Packetizer.alignedToPacks(ps, 1400));
        MediaCase mpeg1 = MediaCase.file(Samples.H264_FFMPEG_MPEG1, "188x7", ps -> Packetizer.fixedSize(ps, 188 * 7));
        List<MediaCase> cases = List.of(ffmpeg, gst, hevc, mpeg1);
        InetSocketAddress to = new InetSocketAddress("127.0.0.1", esPort);
        RtpSender.Flow flow = flow("es");
        CompletableFuture.allOf(cases.stream()
                .map(c -> CompletableFuture.runAsync(() -> RtpSender.udp(to, c.rtp(cases.indexOf(c) + 1), flow)))
                .toArray(CompletableFuture[]::new)).join();

        await().atMost(WAIT).until(() -> context.getRoute("es").getConsumer() instanceof Gb28181RtpConsumer consumer
                                         && consumer.getStatistics().streamsExpired() == cases.size());
        Path dir = Files.createDirectories(Path.of("target", "gb28181-rtp-es"));
        for (MediaCase c : cases) {
            boolean h265 = c == hevc;
            Path file = dir.resolve(c.name().replace(' ', '-') + (h265 ? ".h265" : ".h264"));
            Files.write(file, video.get(Ssrc.format(cases.indexOf(c) + 1)).toByteArray());
            assertThat(Ffprobe.videoFrames(file, h265 ? "hevc" : "h264")).as(c.name()).isEqualTo(c.videoFrames());
            assertThat(Ffprobe.keyFrames(file, h265 ? "hevc" : "h264")).as(c.name()).isEqualTo(c.keyFrames());
        }
        assertThat(audio).hasSize(gst.audioFrames()).allSatisfy(e -> {
            assertThat(e.getIn().getHeader(Gb28181RtpConstants.CODEC)).isEqualTo("AAC");
            assertThat(e.getIn().getHeader(Gb28181RtpConstants.PTS)).isInstanceOf(Long.class);
        });
    }

    @Test
    void tcpPassiveAndTcpActive() throws Exception {
        MediaCase c = MediaCase.camera(Samples.H264_AUD, false, true);
        MockEndpoint passive = getMockEndpoint("mock:tcp");
        passive.expectedMessageCount(c.videoFrames() + c.audioFrames());
        passive.setResultWaitTime(WAIT.toMillis());
        RtpSender.tcp(new InetSocketAddress("127.0.0.1", tcpPort), c.rtp(7));
        passive.assertIsSatisfied();
        assertThat(passive.getExchanges()).filteredOn(e -> "G711A".equals(e.getIn().getHeader(
                Gb28181RtpConstants.CODEC))).hasSize(c.audioFrames());

        try (ServerSocket device = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> RtpSender.tcpAccepting(device, c.rtp(8)));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("gb28181-rtp:127.0.0.1:0?transport=tcp-active&remoteHost=127.0.0.1&remotePort="
                         + device.getLocalPort()).routeId("active").to("mock:active");
                }
            });
            MockEndpoint active = getMockEndpoint("mock:active");
            active.expectedMessageCount(c.psFrames());
            active.setResultWaitTime(WAIT.toMillis());
            sent.get(30, TimeUnit.SECONDS);
            active.assertIsSatisfied();
            context.getRouteController().stopRoute("active");
        }
    }

    @Test
    void stoppingTheRouteFreesThePortAndStartingItAgainWorks() throws Exception {
        MediaCase c = MediaCase.camera(Samples.H265_AUD, false, false);
        MockEndpoint mock = getMockEndpoint("mock:ps");
        for (int round = 1; round <= 2; round++) {
            context.getRouteController().stopRoute("ps");
            assertThat(FreePorts.udpFree(psPort)).isTrue();
            context.getRouteController().startRoute("ps");
            mock.reset();
            mock.expectedMessageCount(c.psFrames());
            mock.setResultWaitTime(WAIT.toMillis());
            RtpSender.udp(new InetSocketAddress("127.0.0.1", psPort), c.rtp(round), flow("ps"));
            mock.assertIsSatisfied();
            assertThat(mock.getExchanges()).allMatch(e -> "H265".equals(e.getIn().getHeader(
                    Gb28181RtpConstants.CODEC)));
        }
    }

    @Test
    void aFailingRouteGoesToTheExceptionHandlerAndTheStreamGoesOn() throws Exception {
        int port = FreePorts.udpAndTcp();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181-rtp:127.0.0.1:" + port + "?streamIdleTimeout=300&exceptionHandler=#recordingHandler")
                        .routeId("failing")
                        .errorHandler(noErrorHandler())
                        .process(e -> {
                            if (e.getIn().getHeader(Gb28181RtpConstants.KEY_FRAME, Boolean.class)) {
                                throw new IllegalStateException("no key frames here");
                            }
                        })
                        .to("mock:survivors");
            }
        });
        MediaCase c = MediaCase.camera(Samples.H264_AUD, false, false);
        MockEndpoint mock = getMockEndpoint("mock:survivors");
        mock.expectedMessageCount(c.psFrames() - c.keyFrames());
        mock.setResultWaitTime(WAIT.toMillis());
        RtpSender.udp(new InetSocketAddress("127.0.0.1", port), c.rtp(9), flow("failing"));
        mock.assertIsSatisfied();
        await().atMost(WAIT).until(() -> handled.size() == c.keyFrames());
        assertThat(handled).allMatch(t -> t instanceof IllegalStateException);
    }

    @Test
    void aYamlRoute() throws Exception {
        int port = FreePorts.udpAndTcp();
        // the last example of gb28181-rtp-component.adoc, with a mock for the log
        String yaml = """
                - route:
                    id: yaml-rtp
                    from:
                      uri: gb28181-rtp:127.0.0.1:%d
                      parameters:
                        mode: es
                        ssrcs: "0000000010"
                        dropDamagedFrames: false
                        streamIdleTimeout: 300
                      steps:
                        - filter:
                            simple: "${header.CamelGb28181RtpKeyFrame} && ${header.CamelGb28181RtpDamaged} != true"
                            steps:
                              - to: mock:keyframes
                """.formatted(port);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("rtp.yaml", yaml));
        MediaCase c = MediaCase.camera(Samples.H264_AUD, true, false);
        MockEndpoint mock = getMockEndpoint("mock:keyframes");
        mock.expectedMessageCount(c.keyFrames());
        mock.setResultWaitTime(WAIT.toMillis());
        RtpSender.udp(new InetSocketAddress("127.0.0.1", port), c.rtp(10), flow("yaml-rtp"));
        mock.assertIsSatisfied();
    }

    @Test
    void endpointOptionsAndUris() throws Exception {
        Gb28181RtpEndpoint ipv6 = context.getEndpoint("gb28181-rtp:[::1]:30000?ssrcs=0100000001,0x10",
                Gb28181RtpEndpoint.class);
        assertThat(ipv6.getHost()).isEqualTo("::1");
        assertThat(ipv6.getPort()).isEqualTo(30000);
        assertThat(ipv6.receiverConfig().ssrcs()).containsExactlyInAnyOrder(100000001L, 16L);
        assertThat(ipv6.getConfiguration().getRegistry()).as("autowired").isSameAs(sessions);

        Gb28181RtpComponent component = context.getComponent("gb28181-rtp", Gb28181RtpComponent.class);
        component.getConfiguration().setMode("es");
        Gb28181RtpEndpoint inherited = context.getEndpoint("gb28181-rtp:0.0.0.0:30002", Gb28181RtpEndpoint.class);
        assertThat(inherited.getConfiguration().getMode()).isEqualTo("es");
        component.getConfiguration().setMode("ps");

        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181-rtp:127.0.0.1:0?transport=carrier-pigeon").to("mock:never");
            }
        })).isInstanceOf(FailedToCreateRouteException.class).hasStackTraceContaining("carrier-pigeon");
        assertThatThrownBy(() -> context.getEndpoint("gb28181-rtp:nohostport")).hasStackTraceContaining(
                "host:port");
        assertThatThrownBy(() -> context.getEndpoint("gb28181-rtp:127.0.0.1:1?transport=tcp-active"))
                .hasStackTraceContaining("remoteHost");
        assertThatThrownBy(() -> template.sendBody("gb28181-rtp:127.0.0.1:1", "x")).hasStackTraceContaining(
                "Nowhere to send");
    }

    /** Keeps a UDP sender within what the route's receiver has read, so the kernel never drops a datagram. */
    private RtpSender.Flow flow(String routeId) {
        return RtpSender.flow(() -> ((Gb28181RtpConsumer) context.getRoute(routeId).getConsumer()).getStatistics());
    }

    private final class RecordingHandler implements ExceptionHandler {
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
    }
}
