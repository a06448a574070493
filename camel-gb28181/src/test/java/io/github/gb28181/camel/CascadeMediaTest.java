package io.github.gb28181.camel;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.device.DeviceChannel;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.media.Ffprobe;
import io.github.gb28181.camel.media.Packetizer;
import io.github.gb28181.camel.media.RtpSender;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.platform.PlatformServer;
import io.github.gb28181.camel.sip.media.MediaSession;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Video from a simulated device, relayed by our lower platform to our upper platform: the upper platform plays a
 * channel it knows from the lower platform's catalog, over UDP and both TCP modes; what it receives decodes with
 * ffprobe to the sample's frame count; BYE from either end tears down both legs and gives back every port.
 */
class CascadeMediaTest extends Gb28181TestSupport {

    static final String UPPER_ID = CascadeTest.UPPER_ID;
    static final String LOWER_ID = CascadeTest.LOWER_ID;
    static final String DEVICE = CascadeTest.DEVICE;
    static final String CHANNEL = CascadeTest.CHANNEL;
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** GStreamer's sample: a PES per picture, and an end code that delivers the last frame at once. */
    private static final String SAMPLE = Samples.H264_GST_PSM;

    private final int upperPort = FreePorts.udpAndTcp();
    private final int udpMediaPort = FreePorts.udpAndTcp();
    private final int tcpMediaPort = FreePorts.udpAndTcp();

    @TempDir
    Path streams;

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        Gb28181Component upper = new Gb28181Component();
        upper.getConfiguration().setHost("127.0.0.1");
        upper.getConfiguration().setPort(upperPort);
        upper.getConfiguration().setServerId(UPPER_ID);
        upper.getConfiguration().setDomain(UPPER_ID.substring(0, 10));
        upper.getConfiguration().setPassword(CascadeTest.UPPER_PASSWORD);
        context.addComponent("upper", upper);
        Gb28181Component lower = context.getComponent("gb28181", Gb28181Component.class);
        lower.setCascadeMediaHost("127.0.0.1");
        Gb28181Upstream upstream = new Gb28181Upstream();
        upstream.setName("city");
        upstream.setAddress("127.0.0.1:" + upperPort);
        upstream.setServerId(UPPER_ID);
        upstream.setPassword(CascadeTest.UPPER_PASSWORD);
        lower.addUpstream(upstream);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181-rtp:127.0.0.1:" + udpMediaPort).routeId("udp").to("direct:frames");
                from("gb28181-rtp:127.0.0.1:" + tcpMediaPort + "?transport=tcp-passive").routeId("tcp-passive")
                        .to("direct:frames");
                from("direct:frames").to("mock:frames")
                        .toD("file:" + streams + "?fileName=${header.CamelGb28181SessionId}.ps&fileExist=Append");
                from("upper:events?types=SESSION_ENDED").to("mock:upper-sessions");
            }
        };
    }

    private Gb28181Component upper() {
        return context.getComponent("upper", Gb28181Component.class);
    }

    /** The device registered below, the upper platform knowing its channel from the lower's catalog. */
    private void channelKnownAbove() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        gb28181().getDeviceRegistry().updateChannels(DEVICE, List.of(new DeviceChannel(CHANNEL, DEVICE, "cam", "Acme",
                "X1", "ON", DEVICE)), true);
        await().atMost(WAIT).until(() -> upper().getDeviceRegistry().find(LOWER_ID).map(d -> d.isOnline())
                .orElse(false));
        template.requestBody("upper:catalog?timeout=20000&deviceId=" + LOWER_ID, null, CatalogResponse.class);
    }

    /** What the test knows of a relayed session once both legs are up. */
    private record Relayed(MediaSession upperSession, SipText deviceInvite, String deviceTag, String deviceSsrc,
                           InetSocketAddress relayAddress) {
    }

    private Relayed play(String upperTransport) throws Exception {
        int mediaPort = "tcp-passive".equals(upperTransport) ? tcpMediaPort : udpMediaPort;
        CompletableFuture<Exchange> reply = template.asyncSend("upper:play?timeout=20000&channelId=" + CHANNEL
                                                               + "&mediaPort=" + mediaPort + "&mediaTransport="
                                                               + upperTransport, e -> { });
        SipText invite = device.peer().awaitRequest("INVITE", WAIT);
        String offer = invite.bodyText();
        String ssrc = offer.replaceAll("(?s).*\r\ny=(\\d{10})\r\n.*", "$1");
        int relayPort = Integer.parseInt(offer.replaceAll("(?s).*\r\nm=video (\\d+) .*", "$1"));
        assertThat(offer).contains("c=IN IP4 127.0.0.1\r\n", "a=recvonly\r\n");
        String tag = SimulatedDevice.newId();
        device.answer(invite, 200, "OK", tag, "", "application/sdp",
                MediaSessionTest.sdpAnswer(ssrc, 9712, "RTP/AVP").getBytes(StandardCharsets.US_ASCII));
        device.peer().awaitRequest("ACK", WAIT);
        Exchange answered = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(answered.getException()).isNull();
        MediaSession session = answered.getMessage().getBody(MediaSession.class);
        if ("tcp-active".equals(upperTransport)) {
            // the upper platform connects to where the lower one's answer listens
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("gb28181-rtp:127.0.0.1:0?transport=tcp-active&remoteHost=" + session.deviceMediaHost()
                         + "&remotePort=" + session.deviceMediaPort()).routeId("tcp-active").to("direct:frames");
                }
            });
        }
        return new Relayed(session, invite, tag, ssrc, new InetSocketAddress("127.0.0.1", relayPort));
    }

    private void stream(Relayed relayed, String upperTransport) {
        List<byte[]> rtp = Packetizer.rtp(Packetizer.alignedToPacks(Samples.bytes(SAMPLE), 1400),
                Long.parseLong(relayed.deviceSsrc()), 1);
        Gb28181RtpConsumer upperConsumer = (Gb28181RtpConsumer) context.getRoute(upperTransport).getConsumer();
        RtpSender.udp(relayed.relayAddress(), rtp, RtpSender.flow(upperConsumer::getStatistics));
    }

    private PlatformServer lower() throws Exception {
        return PlatformServerAccess.of(gb28181());
    }

    @ParameterizedTest
    @ValueSource(strings = { "udp", "tcp-passive", "tcp-active" })
    void videoRelayedThroughTheLowerPlatformDecodesToTheSourcesFrameCount(String upperTransport) throws Exception {
        channelKnownAbove();
        Relayed relayed = play(upperTransport);
        stream(relayed, upperTransport);

        int expected = Samples.videoFrames(SAMPLE);
        MockEndpoint frames = getMockEndpoint("mock:frames");
        await().atMost(WAIT).until(() -> frames.getReceivedCounter() == expected);
        Path file = streams.resolve(relayed.upperSession().sessionId() + ".ps");
        // the file producer may still be appending the last frame
        await().atMost(WAIT).ignoreExceptions().until(() -> Ffprobe.videoFrames(file, "mpeg") == expected);
        assertThat(frames.getExchanges().get(0).getIn().getHeader(Gb28181RtpConstants.SESSION_ID))
                .isEqualTo(relayed.upperSession().sessionId());
        assertThat(frames.getExchanges().get(0).getIn().getHeader(Gb28181RtpConstants.CHANNEL_ID)).isEqualTo(CHANNEL);

        // BYE from the upper platform: the lower one ends the device's session and gives back its ports
        String upperSessionId = relayed.upperSession().sessionId();
        template.send("upper:bye", e -> e.getIn().setHeader(Gb28181Constants.SESSION_ID, upperSessionId));
        SipText bye = device.peer().awaitRequest("BYE", WAIT);
        assertThat(bye.header("Call-ID")).isEqualTo(relayed.deviceInvite().header("Call-ID"));
        device.answer(bye, 200, "OK", relayed.deviceTag(), "");
        assertBothLegsGone(relayed);
    }

    @Test
    void byeFromTheDeviceEndsTheUpperPlatformsSessionToo() throws Exception {
        channelKnownAbove();
        Relayed relayed = play("udp");
        stream(relayed, "udp");

        SipText ok = device.requestInDialog("BYE", relayed.deviceInvite(), relayed.deviceTag(), "", null, null);
        assertThat(ok.status()).isEqualTo(200);
        MockEndpoint ended = getMockEndpoint("mock:upper-sessions");
        await().atMost(WAIT).until(() -> ended.getReceivedCounter() == 1);
        MediaSession session = ended.getExchanges().get(0).getIn().getBody(MediaSession.class);
        assertThat(session.sessionId()).isEqualTo(relayed.upperSession().sessionId());
        assertThat(session.endReason()).isEqualTo("DEVICE_BYE");
        assertBothLegsGone(relayed);
    }

    @Test
    void playbackIsSteeredThroughTheLowerPlatformAndItsEndReachesTheUpperOne() throws Exception {
        channelKnownAbove();
        CompletableFuture<Exchange> reply = template.asyncSend("upper:playback?timeout=20000&channelId=" + CHANNEL
                                                               + "&mediaPort=" + udpMediaPort
                                                               + "&startTime=2024-01-01T01:00:00"
                                                               + "&endTime=2024-01-01T02:00:00", e -> { });
        SipText invite = device.peer().awaitRequest("INVITE", WAIT);
        // the upper platform's time range reaches the device
        assertThat(invite.bodyText()).contains("s=Playback\r\n", "u=" + CHANNEL + ":0\r\n");
        assertThat(invite.bodyText()).containsPattern("t=\\d+ \\d+");
        String ssrc = invite.bodyText().replaceAll("(?s).*\r\ny=(\\d{10})\r\n.*", "$1");
        assertThat(ssrc).startsWith("1");
        String tag = SimulatedDevice.newId();
        device.answer(invite, 200, "OK", tag, "", "application/sdp",
                MediaSessionTest.sdpAnswer(ssrc, 9712, "RTP/AVP").getBytes(StandardCharsets.US_ASCII));
        device.peer().awaitRequest("ACK", WAIT);
        MediaSession session = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS).getMessage().getBody(MediaSession.class);

        // INFO from above reaches the device as it was written
        CompletableFuture<Exchange> paused = template.asyncSend("upper:pause",
                e -> e.getIn().setHeader(Gb28181Constants.SESSION_ID, session.sessionId()));
        SipText info = device.peer().awaitRequest("INFO", WAIT);
        assertThat(info.header("Call-ID")).isEqualTo(invite.header("Call-ID"));
        assertThat(info.header("Content-Type")).isEqualToIgnoringCase("Application/MANSRTSP");
        assertThat(info.bodyText()).startsWith("PAUSE RTSP/1.0\r\nCSeq: 1\r\n");
        device.answer(info, 200, "OK", tag, "");
        assertThat(paused.get(WAIT.toSeconds(), TimeUnit.SECONDS).getException()).isNull();

        // the recording ends: MediaStatus 121 from the device goes up, and the upper platform's BYE ends it all
        String status = "<?xml version=\"1.0\"?><Notify><CmdType>MediaStatus</CmdType><SN>9</SN><DeviceID>" + CHANNEL
                        + "</DeviceID><NotifyType>121</NotifyType></Notify>";
        device.peer().send(device.manscdpMessage(invite.header("Call-ID"), status.getBytes(StandardCharsets.UTF_8),
                CHANNEL));
        SipText bye = device.peer().awaitRequest("BYE", WAIT);
        device.answer(bye, 200, "OK", tag, "");
        MockEndpoint ended = getMockEndpoint("mock:upper-sessions");
        await().atMost(WAIT).until(() -> ended.getReceivedCounter() == 1);
        assertThat(ended.getExchanges().get(0).getIn().getBody(MediaSession.class).endReason()).isEqualTo("MEDIA_END");
        assertBothLegsGone(new Relayed(session, invite, tag, ssrc, new InetSocketAddress("127.0.0.1",
                Integer.parseInt(invite.bodyText().replaceAll("(?s).*\r\nm=video (\\d+) .*", "$1")))));
    }

    private void assertBothLegsGone(Relayed relayed) throws Exception {
        PlatformServer lower = lower();
        await().atMost(WAIT).until(() -> lower.relayedMedia().upperSessions().isEmpty()
                                         && lower.relayedMedia().deviceSessions().isEmpty()
                                         && lower.commands().sessions().isEmpty()
                                         && lower.upstreams().links().get(0).sessionIds().isEmpty());
        assertThat(context.getComponent("gb28181-rtp", Gb28181RtpComponent.class).mediaSenders().sessionIds())
                .isEmpty();
        assertThat(upper().getMediaSessionRegistry().lookup(Long.parseLong(relayed.upperSession().ssrc()))).isNull();
        await().atMost(WAIT).until(() -> FreePorts.udpFree(relayed.relayAddress().getPort()));
        if (relayed.upperSession().transport() == io.github.gb28181.camel.sdp.MediaTransportMode.TCP_ACTIVE) {
            await().atMost(WAIT).until(() -> FreePorts.tcpFree(relayed.upperSession().deviceMediaPort()));
        }
    }
}
