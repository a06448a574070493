package io.github.gb28181.camel;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.device.DeviceRejectedException;
import io.github.gb28181.camel.media.Packetizer;
import io.github.gb28181.camel.media.RtpSender;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.sdp.SessionKind;
import io.github.gb28181.camel.sip.media.MediaSession;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A simulated device answers INVITE and streams a committed PS sample over RTP to the RTP consumer; frames arrive
 * labelled with device and channel; INFO steers playback; BYE from either side ends the session.
 */
class MediaSessionTest extends Gb28181TestSupport {

    static final String DEVICE = "34020000001320000001";
    static final String CHANNEL = "34020000001310000001";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final int udpMediaPort = FreePorts.udpAndTcp();
    private final int tcpMediaPort = FreePorts.udpAndTcp();

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=SESSION_ENDED,MEDIA_STATUS").to("mock:sessions");
                from("gb28181-rtp:127.0.0.1:" + udpMediaPort).to("mock:udp-frames");
                from("gb28181-rtp:127.0.0.1:" + tcpMediaPort + "?transport=tcp-passive").to("mock:tcp-frames");
            }
        };
    }

    private SipText registeredAndInvited(String uri) throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        template.asyncRequestBody(uri, null);
        return device.peer().awaitRequest("INVITE", WAIT);
    }

    static String sdpAnswer(String ssrc, int port, String transport) {
        return "v=0\r\no=" + CHANNEL + " 0 0 IN IP4 127.0.0.1\r\ns=Play\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
               + "m=video " + port + " " + transport + " 96\r\na=sendonly\r\na=rtpmap:96 PS/90000\r\n"
               + (ssrc == null ? "" : "y=" + ssrc + "\r\n") + "f=\r\n";
    }

    @Test
    void liveVideoOverUdpReachesTheRouteLabelledWithDeviceAndChannel() throws Exception {
        MockEndpoint frames = getMockEndpoint("mock:udp-frames");
        device.connect(sipPort, "UDP");
        device.register(3600);
        CompletableFuture<Exchange> reply = template.asyncSend("gb28181:play?deviceId=" + DEVICE + "&channelId=" + CHANNEL + "&mediaPort="
                                                               + udpMediaPort, e -> { });

        SipText invite = device.peer().awaitRequest("INVITE", WAIT);
        String offer = invite.bodyText();
        String ssrc = offer.replaceAll("(?s).*\r\ny=(\\d{10})\r\n.*", "$1");
        assertThat(invite.requestUri()).startsWith("sip:" + CHANNEL + "@127.0.0.1:" + device.peer().localPort());
        assertThat(invite.header("Subject")).isEqualTo(CHANNEL + ":" + ssrc + ",34020000002000000001:0");
        assertThat(invite.header("Content-Type")).isEqualToIgnoringCase("application/sdp");
        assertThat(offer).contains("s=Play\r\n", "c=IN IP4 127.0.0.1\r\n", "m=video " + udpMediaPort + " RTP/AVP 96 98 97\r\n",
                "a=recvonly\r\n", "a=rtpmap:96 PS/90000\r\n", "f=\r\n");
        assertThat(ssrc).startsWith("020000");
        String toTag = SimulatedDevice.newId();
        device.answer(invite, 100, "Trying", toTag, "");
        device.answer(invite, 200, "OK", toTag, "", "application/sdp",
                sdpAnswer(ssrc, 9712, "RTP/AVP").getBytes(StandardCharsets.US_ASCII));
        SipText ack = device.peer().awaitRequest("ACK", WAIT);
        assertThat(ack.header("Call-ID")).isEqualTo(invite.header("Call-ID"));
        MediaSession session = reply.get(10, TimeUnit.SECONDS).getMessage().getBody(MediaSession.class);
        assertThat(session.kind()).isEqualTo(SessionKind.LIVE);
        assertThat(session.ssrc()).isEqualTo(ssrc);
        assertThat(session.sessionId()).isEqualTo(invite.header("Call-ID"));
        assertThat(session.deviceMediaPort()).isEqualTo(9712);

        byte[] ps = Samples.bytes(Samples.H264_GST_PSM);
        List<byte[]> rtp = Packetizer.rtp(Packetizer.alignedToPacks(ps, 1400), Long.parseLong(ssrc), 1);
        RtpSender.udp(new InetSocketAddress("127.0.0.1", udpMediaPort), rtp,
                RtpSender.flow(() -> null));

        int expected = Samples.videoFrames(Samples.H264_GST_PSM);
        // the last frame is emitted when the stream idles out or the next pack arrives; allow it either way
        await().atMost(WAIT).until(() -> frames.getReceivedCounter() >= expected - 1);
        Exchange first = frames.getExchanges().get(0);
        assertThat(first.getIn().getHeader(Gb28181RtpConstants.DEVICE_ID)).isEqualTo(DEVICE);
        assertThat(first.getIn().getHeader(Gb28181RtpConstants.CHANNEL_ID)).isEqualTo(CHANNEL);
        assertThat(first.getIn().getHeader(Gb28181RtpConstants.SESSION_ID)).isEqualTo(session.sessionId());

        // BYE from the platform ends the session
        CompletableFuture<Exchange> bye = template.asyncSend("gb28181:bye",
                e -> e.getIn().setHeader(Gb28181Constants.SESSION_ID, session.sessionId()));
        SipText byeRequest = device.peer().awaitRequest("BYE", WAIT);
        assertThat(byeRequest.header("Call-ID")).isEqualTo(session.sessionId());
        assertThat(byeRequest.header("To")).contains("tag=" + toTag);
        device.answer(byeRequest, 200, "OK", toTag, "");
        assertThat(bye.get(10, TimeUnit.SECONDS).getMessage().getBody(MediaSession.class).endReason()).isEqualTo("BYE_SENT");
        MockEndpoint sessions = getMockEndpoint("mock:sessions");
        await().atMost(WAIT).until(() -> sessions.getReceivedCounter() == 1);
        assertThat(sessions.getExchanges().get(0).getIn().getHeader(Gb28181Constants.SESSION_ID))
                .isEqualTo(session.sessionId());
    }

    @Test
    void deviceThatAnswersWithItsOwnSsrcOverTcpIsFollowed() throws Exception {
        MockEndpoint frames = getMockEndpoint("mock:tcp-frames");
        device.connect(sipPort, "UDP");
        device.register(3600);
        CompletableFuture<Exchange> reply = template.asyncSend("gb28181:play?deviceId=" + DEVICE + "&channelId=" + CHANNEL + "&mediaPort="
                                                               + tcpMediaPort + "&mediaTransport=tcp-passive", e -> { });

        SipText invite = device.peer().awaitRequest("INVITE", WAIT);
        assertThat(invite.bodyText()).contains("m=video " + tcpMediaPort + " TCP/RTP/AVP 96 98 97\r\n",
                "a=setup:passive\r\n", "a=connection:new\r\n");
        String toTag = SimulatedDevice.newId();
        // like the seed's Dahua camera, the device answers with a y= of its own
        device.answer(invite, 200, "OK", toTag, "", "application/sdp",
                sdpAnswer("0000001002", 9712, "TCP/RTP/AVP").getBytes(StandardCharsets.US_ASCII));
        device.peer().awaitRequest("ACK", WAIT);
        MediaSession session = reply.get(10, TimeUnit.SECONDS).getMessage().getBody(MediaSession.class);
        assertThat(session.ssrc()).isEqualTo("0000001002");
        assertThat(session.offeredSsrc()).isNotEqualTo("0000001002");

        // cut at arbitrary 188 x 7 byte boundaries, no marker bit, as some senders do
        byte[] ps = Samples.bytes(Samples.H264_GST_PSM);
        RtpSender.tcp(new InetSocketAddress("127.0.0.1", tcpMediaPort),
                Packetizer.rtp(Packetizer.fixedSize(ps, 188 * 7), 1002L, 100));

        // the device hanging up ends its stream, so the last frame is delivered too
        int expected = Samples.videoFrames(Samples.H264_GST_PSM);
        await().atMost(WAIT).until(() -> frames.getReceivedCounter() == expected);
        assertThat(frames.getExchanges().get(0).getIn().getHeader(Gb28181RtpConstants.DEVICE_ID)).isEqualTo(DEVICE);
        assertThat(frames.getExchanges().get(0).getIn().getHeader(Gb28181RtpConstants.SSRC)).isEqualTo("0000001002");

        // BYE from the device ends the session with an event
        SipText ok = device.requestInDialog("BYE", invite, toTag, "", null, null);
        assertThat(ok.status()).isEqualTo(200);
        MockEndpoint sessions = getMockEndpoint("mock:sessions");
        await().atMost(WAIT).until(() -> sessions.getReceivedCounter() == 1);
        assertThat(sessions.getExchanges().get(0).getIn().getBody(MediaSession.class).endReason()).isEqualTo("DEVICE_BYE");
        assertThat(gb28181().getMediaSessionRegistry().lookup(1002L)).isNull();
    }

    /**
     * A device that mirrors the tcp-active offer (our address, our port) is not connected to, which would connect the
     * platform to its own listener; when it connects to us instead, its stream is taken as in tcp-passive.
     */
    @Test
    void aTcpActiveAnswerPointingBackAtUsIsNotConnectedToAndTheDeviceMayConnectToUs() throws Exception {
        MockEndpoint frames = getMockEndpoint("mock:tcp-frames");
        device.connect(sipPort, "UDP");
        device.register(3600);
        CompletableFuture<Exchange> reply = template.asyncSend("gb28181:play?deviceId=" + DEVICE + "&channelId=" + CHANNEL
                                                               + "&mediaPort=" + tcpMediaPort + "&mediaTransport=tcp-active",
                e -> { });

        SipText invite = device.peer().awaitRequest("INVITE", WAIT);
        assertThat(invite.bodyText()).contains("c=IN IP4 127.0.0.1\r\n", "m=video " + tcpMediaPort + " TCP/RTP/AVP",
                "a=setup:active\r\n");
        device.answer(invite, 200, "OK", SimulatedDevice.newId(), "", "application/sdp",
                (sdpAnswer("0000001003", tcpMediaPort, "TCP/RTP/AVP") + "a=setup:active\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        device.peer().awaitRequest("ACK", WAIT);
        MediaSession session = reply.get(10, TimeUnit.SECONDS).getMessage().getBody(MediaSession.class);
        assertThat(session.deviceMediaHost()).as("our own address is no address to connect to").isNull();
        assertThat(session.deviceMediaPort()).isZero();

        byte[] ps = Samples.bytes(Samples.H264_GST_PSM);
        RtpSender.tcp(new InetSocketAddress("127.0.0.1", tcpMediaPort),
                Packetizer.rtp(Packetizer.alignedToPacks(ps, 1400), 1003L, 100));
        int expected = Samples.videoFrames(Samples.H264_GST_PSM);
        await().atMost(WAIT).until(() -> frames.getReceivedCounter() == expected);
        assertThat(frames.getExchanges().get(0).getIn().getHeader(Gb28181RtpConstants.DEVICE_ID)).isEqualTo(DEVICE);
    }

    @Test
    void stoppingThePlatformEndsSessionsWithBye() throws Exception {
        device.connect(sipPort, "UDP");
        device.register(3600);
        CompletableFuture<Exchange> reply = template.asyncSend("gb28181:play?deviceId=" + DEVICE + "&channelId=" + CHANNEL
                                                               + "&mediaPort=" + udpMediaPort, e -> { });
        SipText invite = device.peer().awaitRequest("INVITE", WAIT);
        String ssrc = invite.bodyText().replaceAll("(?s).*\r\ny=(\\d{10})\r\n.*", "$1");
        String toTag = SimulatedDevice.newId();
        device.answer(invite, 200, "OK", toTag, "", "application/sdp",
                sdpAnswer(ssrc, 9712, "RTP/AVP").getBytes(StandardCharsets.US_ASCII));
        device.peer().awaitRequest("ACK", WAIT);
        reply.get(10, TimeUnit.SECONDS);

        context.stop();

        SipText bye = device.peer().awaitRequest("BYE", WAIT);
        assertThat(bye.header("Call-ID")).isEqualTo(invite.header("Call-ID"));
    }

    @Test
    void deviceThatRefusesTheInviteFailsTheExchangeWithItsStatus() throws Exception {
        SipText invite = registeredAndInvited("gb28181:play?deviceId=" + DEVICE + "&channelId=" + CHANNEL + "&mediaPort=" + udpMediaPort);
        CompletableFuture<Exchange> second = template.asyncSend("gb28181:play?deviceId=" + DEVICE + "&channelId=" + CHANNEL + "&mediaPort="
                                                                + udpMediaPort, e -> { });
        SipText another = device.peer().awaitRequest("INVITE", WAIT);
        assertThat(another.bodyText()).doesNotContain(invite.bodyText().replaceAll("(?s).*(y=\\d+).*", "$1"));
        device.answer(another, 488, "Not Acceptable Here", SimulatedDevice.newId(), "");

        Exchange exchange = second.get(10, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isInstanceOf(DeviceRejectedException.class);
        assertThat(((DeviceRejectedException) exchange.getException()).getStatusCode()).isEqualTo(488);
    }
}
