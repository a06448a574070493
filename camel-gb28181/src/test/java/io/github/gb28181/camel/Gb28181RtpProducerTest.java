package io.github.gb28181.camel;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import io.github.gb28181.camel.media.CameraPsMuxer;
import io.github.gb28181.camel.media.Ffprobe;
import io.github.gb28181.camel.media.InMemoryMediaSessionRegistry;
import io.github.gb28181.camel.media.MediaCase;
import io.github.gb28181.camel.media.MediaSessionInfo;
import io.github.gb28181.camel.media.MediaTransport;
import io.github.gb28181.camel.media.NettyLeakDetection;
import io.github.gb28181.camel.media.RtpSender;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.media.Ssrc;
import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.NalUnits;
import io.github.gb28181.camel.media.send.MediaSender;
import io.github.gb28181.camel.media.send.OutgoingSession;
import io.github.gb28181.camel.sdp.MediaTransportMode;
import io.github.gb28181.camel.sdp.SdpAnswer;
import io.github.gb28181.camel.sdp.SenderSdp;
import io.github.gb28181.camel.test.FreePorts;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The gb28181-rtp producer on loopback, judged by our own consumer and by ffprobe: access units muxed and sent over
 * each transport come back byte for byte; a consumer-to-producer relay passes PS through untouched and ffprobe
 * decodes what arrives; outgoing sessions opened by the signalling side are found by the session id header; and the
 * documented YAML relay runs.
 */
@ExtendWith(NettyLeakDetection.class)
class Gb28181RtpProducerTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CAMERA = "34020000001320000001";
    private static final String CHANNEL = "34020000001310000001";

    private final InMemoryMediaSessionRegistry sessions = new InMemoryMediaSessionRegistry();
    private final Map<String, List<Exchange>> received = new ConcurrentHashMap<>();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("mediaSessions", sessions);
    }

    @ParameterizedTest
    @EnumSource(MediaTransport.class)
    void accessUnitsAndAudioFramesAreMuxedSentAndReceivedByteForByte(MediaTransport transport) throws Exception {
        int port = FreePorts.udpAndTcp();
        String producer;
        String consumer;
        switch (transport) {
            case UDP -> {
                consumer = "gb28181-rtp:127.0.0.1:" + port + "?mode=es&streamIdleTimeout=300";
                producer = "gb28181-rtp:127.0.0.1:0?remoteHost=127.0.0.1&remotePort=" + port + "&ssrc=0100000001";
            }
            case TCP_ACTIVE -> {
                consumer = "gb28181-rtp:127.0.0.1:" + port + "?mode=es&transport=tcp-passive&streamIdleTimeout=300";
                producer = "gb28181-rtp:127.0.0.1:0?transport=tcp-active&remoteHost=127.0.0.1&remotePort=" + port
                           + "&ssrc=0100000001";
            }
            default -> {
                producer = "gb28181-rtp:127.0.0.1:" + port + "?transport=tcp-passive&ssrc=0100000001";
                consumer = "gb28181-rtp:127.0.0.1:0?mode=es&transport=tcp-active&remoteHost=127.0.0.1&remotePort="
                           + port + "&reconnectDelay=50&streamIdleTimeout=300";
            }
        }
        addRoutes(from -> from.from(consumer).routeId("in").process(e -> collect("in", e)));
        Gb28181RtpProducer out = (Gb28181RtpProducer) context.getEndpoint(producer).createProducer();
        out.start();
        await().atMost(WAIT).until(out::isConnected);
        List<Object[]> frames = h264WithG711();

        for (Object[] f : frames) {
            Exchange exchange = new DefaultExchange(context);
            es(exchange, (MediaCodec) f[0], (byte[]) f[1], (Long) f[2]);
            out.process(exchange);
            pace("in", frames.indexOf(f));
        }
        assertThat(out.getStatistics().framesSent()).isEqualTo(frames.size());
        out.stop();
        if (transport == MediaTransport.TCP_PASSIVE) {
            assertThat(FreePorts.tcpFree(port)).as("the producer let go of its listening port").isTrue();
        }

        await().atMost(WAIT).until(() -> received("in").size() == frames.size());
        List<Exchange> got = received("in");
        for (String type : List.of("VIDEO", "AUDIO")) {
            List<byte[]> sent = frames.stream().filter(f -> type.equals(((MediaCodec) f[0]).type().name()))
                    .map(f -> (byte[]) f[1]).toList();
            List<Exchange> back = got.stream().filter(e -> type.equals(header(e, Gb28181RtpConstants.STREAM_TYPE)))
                    .toList();
            assertThat(back).as(type).hasSameSizeAs(sent);
            for (int i = 0; i < sent.size(); i++) {
                assertThat(Arrays.equals(back.get(i).getIn().getBody(byte[].class), sent.get(i)))
                        .as("%s %d byte for byte", type, i).isTrue();
            }
        }
        assertThat(got).allSatisfy(e -> {
            assertThat(header(e, Gb28181RtpConstants.SSRC)).isEqualTo("0100000001");
            assertThat(header(e, Gb28181RtpConstants.MODE)).isEqualTo("ES");
        });
        assertThat(got).filteredOn(e -> e.getIn().getHeader(Gb28181RtpConstants.KEY_FRAME, Boolean.class))
                .hasSize(Samples.keyFrames(Samples.H264_AUD));
        assertThat(got).filteredOn(e -> "G711A".equals(header(e, Gb28181RtpConstants.CODEC))).hasSize(75);
    }

    @Test
    void aRelayPassesTheDevicesProgramStreamThroughAndFfprobeDecodesWhatArrives() throws Exception {
        int devicePort = FreePorts.udpAndTcp();
        int upperPort = FreePorts.udpAndTcp();
        // the device's frames carry the session id of the INVITE that asked for them: no outgoing session has it,
        // so the relay sends to its own destination
        sessions.announce(11, new MediaSessionInfo(CAMERA, CHANNEL, "device-call"));
        // the first example of gb28181-rtp-component.adoc ("Sending media"), on loopback ports
        addRoutes(from -> {
            from.from("gb28181-rtp:127.0.0.1:" + devicePort + "?streamIdleTimeout=300").routeId("device")
                    .to("gb28181-rtp:127.0.0.1:0?remoteHost=127.0.0.1&remotePort=" + upperPort);
            from.from("gb28181-rtp:127.0.0.1:" + upperPort + "?streamIdleTimeout=300").routeId("upper")
                    .process(e -> collect("upper", e));
        });
        // ffprobe reads no G.711 from a program stream: video only, one pack per NAL unit
        MediaCase c = MediaCase.camera(Samples.H264_AUD, true, false);

        RtpSender.udp(new InetSocketAddress("127.0.0.1", devicePort), c.rtp(11), RtpSender.flow(() ->
                ((Gb28181RtpConsumer) context.getRoute("upper").getConsumer()).getStatistics()));

        await().atMost(WAIT).until(() -> received("upper").size() == c.psFrames());
        ByteArrayOutputStream ps = new ByteArrayOutputStream();
        received("upper").forEach(e -> ps.writeBytes(e.getIn().getBody(byte[].class)));
        assertThat(Arrays.equals(ps.toByteArray(), c.ps())).as("the device's bytes, not re-muxed").isTrue();
        assertThat(received("upper")).allSatisfy(e -> assertThat(header(e, Gb28181RtpConstants.SSRC))
                .isEqualTo(Ssrc.format(11)));
        Path file = Files.createDirectories(Path.of("target", "gb28181-rtp-producer")).resolve("relayed.ps");
        Files.write(file, ps.toByteArray());
        assertThat(Ffprobe.videoFrames(file, "mpeg")).isEqualTo(Samples.videoFrames(Samples.H264_AUD));
        assertThat(Ffprobe.keyFrames(file, "mpeg")).isEqualTo(Samples.keyFrames(Samples.H264_AUD));
    }

    @Test
    void outgoingSessionsOpenedBySignallingAreFoundByTheSessionIdHeader() throws Exception {
        String inviteBody = "v=0\r\no=34020000002000000001 0 0 IN IP4 127.0.0.1\r\ns=Play\r\nc=IN IP4 127.0.0.1\r\n"
                            + "t=0 0\r\nm=video 9 TCP/RTP/AVP 96\r\na=recvonly\r\na=rtpmap:96 PS/90000\r\n"
                            + "a=setup:active\r\na=connection:new\r\ny=0200000042\r\nf=\r\n";
        String callId = "upper-call";
        String localId = CHANNEL;
        String ourAddress = "127.0.0.1";
        // the Java example of gb28181-rtp-component.adoc ("Outgoing sessions"): the upper platform's offer says
        // a=setup:active, so we listen and it connects
        Gb28181RtpComponent rtp = context.getComponent("gb28181-rtp", Gb28181RtpComponent.class);
        SdpAnswer offer = SdpAnswer.parse(inviteBody);
        MediaTransportMode mode = SenderSdp.answering(offer);
        MediaSender session = rtp.mediaSenders().open(new OutgoingSession(callId, MediaTransport.valueOf(mode.name()),
                "127.0.0.1", 0, offer.mediaHost(), offer.mediaPort(), Ssrc.parse(offer.ssrc()), 96));
        String answer = SenderSdp.programStream(localId, ourAddress, session.localAddress().getPort(), mode, offer,
                offer.ssrc()).encode();

        int port = session.localAddress().getPort();
        assertThat(answer).contains("m=video " + port + " TCP/RTP/AVP 96\r\n", "a=sendonly\r\n",
                "a=setup:passive\r\n", "y=0200000042\r\n");
        addRoutes(from -> {
            from.from("direct:frames")
                    .setHeader("CamelGb28181SessionId", from.constant(callId))
                    .to("gb28181-rtp:0.0.0.0:0");
            from.from("gb28181-rtp:127.0.0.1:0?mode=es&transport=tcp-active&remoteHost=127.0.0.1&reconnectDelay=50"
                      + "&streamIdleTimeout=300&remotePort=" + port).routeId("upper").process(e -> collect("upper", e));
        });
        await().atMost(WAIT).until(session::connected);
        List<Object[]> frames = h264WithG711().subList(0, 20);

        for (Object[] f : frames) {
            template.send("direct:frames", e -> {
                es(e, (MediaCodec) f[0], (byte[]) f[1], (Long) f[2]);
                e.getIn().setHeader(Gb28181RtpConstants.SSRC, "0000000001"); // the session's SSRC wins
            });
        }

        await().atMost(WAIT).until(() -> received("upper").size() == frames.size());
        assertThat(received("upper")).allSatisfy(e -> assertThat(header(e, Gb28181RtpConstants.SSRC))
                .isEqualTo("0200000042"));
        assertThat(session.statistics().framesSent()).isEqualTo(frames.size());
        assertThatThrownBy(() -> template.sendBodyAndHeader("gb28181-rtp:0.0.0.0:0", frames.get(0)[1],
                Gb28181RtpConstants.SESSION_ID, "nobody")).hasStackTraceContaining("Nowhere to send")
                .hasStackTraceContaining("nobody");

        assertThat(rtp.mediaSenders().close(callId)).isTrue(); // at BYE
        assertThat(FreePorts.tcpFree(port)).isTrue();
    }

    @Test
    void framesThatCannotBeSentFailTheExchangeWithAReason() throws Exception {
        int port = FreePorts.udpAndTcp();
        String to = "gb28181-rtp:127.0.0.1:0?remoteHost=127.0.0.1&remotePort=" + port;
        byte[] alaw = Arrays.copyOf(Samples.bytes(Samples.G711A), 320);
        assertThatThrownBy(() -> template.sendBodyAndHeader(to + "&frameFormat=es", alaw, Gb28181RtpConstants.SSRC,
                "1")).hasStackTraceContaining("CamelGb28181RtpCodec");
        assertThatThrownBy(() -> template.sendBodyAndHeader(to, alaw, Gb28181RtpConstants.CODEC, "G711A"))
                .hasStackTraceContaining("No SSRC");
        assertThatThrownBy(() -> template.sendBodyAndHeader(to + "&ssrc=1", alaw, Gb28181RtpConstants.CODEC, "OPUS"))
                .hasStackTraceContaining("Unknown codec OPUS");
        assertThatThrownBy(() -> template.sendBody(to + "&frameFormat=mp3", alaw)).hasStackTraceContaining("frameFormat must be auto, ps or es: mp3");
        assertThatThrownBy(() -> template.sendBodyAndHeader(to + "&ssrc=1", alaw, Gb28181RtpConstants.MODE, "FMP4"))
                .hasStackTraceContaining("only PS and ES");
    }

    @Test
    void theDocumentedYamlRelayRuns() throws Exception {
        int devicePort = FreePorts.udpAndTcp();
        int upperPort = FreePorts.udpAndTcp();
        addRoutes(from -> from.from("gb28181-rtp:127.0.0.1:" + upperPort + "?mode=es&streamIdleTimeout=300")
                .routeId("upper").process(e -> collect("upper", e)));
        // the YAML example of gb28181-rtp-component.adoc ("Sending media"), on loopback ports
        String yaml = """
                - route:
                    id: relay-up
                    from:
                      uri: gb28181-rtp:127.0.0.1:%d
                      parameters:
                        mode: es
                        streamIdleTimeout: 300
                      steps:
                        - filter:
                            simple: "${header.CamelGb28181RtpStreamType} == 'VIDEO'"
                            steps:
                              - to:
                                  uri: gb28181-rtp:127.0.0.1:0
                                  parameters:
                                    transport: udp
                                    remoteHost: 127.0.0.1
                                    remotePort: %d
                                    ssrc: "0100000009"
                """.formatted(devicePort, upperPort);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("relay.yaml", yaml));
        MediaCase c = MediaCase.camera(Samples.H265_AUD, false, true);

        RtpSender.udp(new InetSocketAddress("127.0.0.1", devicePort), c.rtp(12), RtpSender.flow(() ->
                ((Gb28181RtpConsumer) context.getRoute("upper").getConsumer()).getStatistics()));

        await().atMost(WAIT).until(() -> received("upper").size() == c.videoFrames());
        assertThat(received("upper")).extracting(e -> e.getIn().getBody(byte[].class))
                .containsExactlyElementsOf(c.accessUnits());
        assertThat(received("upper")).allSatisfy(e -> {
            assertThat(header(e, Gb28181RtpConstants.CODEC)).isEqualTo("H265");
            assertThat(header(e, Gb28181RtpConstants.SSRC)).isEqualTo("0100000009");
        });
    }

    private void addRoutes(java.util.function.Consumer<RouteBuilder> routes) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                routes.accept(this);
            }
        });
    }

    private void collect(String route, Exchange e) {
        received.computeIfAbsent(route, r -> new CopyOnWriteArrayList<>()).add(e.copy());
    }

    private List<Exchange> received(String route) {
        return received.getOrDefault(route, List.of());
    }

    private static String header(Exchange e, String name) {
        return e.getIn().getHeader(name, String.class);
    }

    /** An ES frame with the headers a route gives it: codec and PTS; the key frame flag is left to the producer. */
    private static void es(Exchange e, MediaCodec codec, byte[] data, long pts) {
        e.getIn().setBody(data);
        e.getIn().setHeader(Gb28181RtpConstants.CODEC, codec.name());
        e.getIn().setHeader(Gb28181RtpConstants.PTS, pts);
    }

    /**
     * UDP has no flow control: stay a few frames ahead of what the consumer delivered (a video access unit comes out
     * when the next one starts).
     */
    private void pace(String route, int sent) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sent - received(route).size() > 8 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(100_000);
        }
    }

    /** The H.264 sample's access units at 25 fps, each followed by 40 ms of G.711 A-law: {codec, bytes, pts}. */
    private static List<Object[]> h264WithG711() {
        byte[] alaw = Samples.bytes(Samples.G711A);
        List<Object[]> frames = new ArrayList<>();
        long pts = 90_000;
        int at = 0;
        for (byte[] au : CameraPsMuxer.accessUnits(Samples.bytes(Samples.H264_AUD), false)) {
            assertThat(NalUnits.sniff(au, 0, au.length)).isEqualTo(MediaCodec.H264);
            frames.add(new Object[] {MediaCodec.H264, au, pts});
            frames.add(new Object[] {MediaCodec.G711A, Arrays.copyOfRange(alaw, at, at + 320), pts});
            at += 320;
            pts += 3600;
        }
        return frames;
    }
}
