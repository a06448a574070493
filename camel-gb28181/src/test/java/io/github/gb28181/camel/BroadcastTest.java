package io.github.gb28181.camel;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.sdp.SessionKind;
import io.github.gb28181.camel.sip.media.MediaSession;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Voice broadcast: Notify Broadcast, the device's Response and audio INVITE, our SDP answer, and G.711A RTP from a
 * route arriving at the device's audio port.
 */
class BroadcastTest extends Gb28181TestSupport {

    private static final String DEVICE = "34020000001320000001";
    private static final String AUDIO_OUT = "34020000001370000001";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=SESSION_ENDED").to("mock:ended");
            }
        };
    }

    @Test
    void broadcastSetsUpAndCarriesAudioFromARoute() throws Exception {
        device.connect(sipPort, "UDP");
        device.register(3600);
        try (DatagramSocket speaker = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            speaker.setSoTimeout(5000);
            CompletableFuture<Exchange> reply = template.asyncSend(
                    "gb28181:broadcast?deviceId=" + DEVICE + "&channelId=" + AUDIO_OUT, e -> { });

            SipText notify = device.peer().awaitRequest("MESSAGE", WAIT);
            String xml = new String(notify.body(), Charset.forName("GB2312"));
            assertThat(xml).contains("<Notify>", "<CmdType>Broadcast</CmdType>",
                    "<SourceID>34020000002000000001</SourceID>", "<TargetID>" + AUDIO_OUT + "</TargetID>");
            device.answer(notify, 200, "OK");
            String sn = xml.replaceAll("(?s).*<SN>(\\d+)</SN>.*", "$1");
            device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>Broadcast</CmdType><SN>" + sn + "</SN><DeviceID>"
                               + AUDIO_OUT + "</DeviceID><Result>OK</Result></Response>", StandardCharsets.UTF_8);

            String callId = SimulatedDevice.newId();
            SipText ok = device.invitePlatform(AUDIO_OUT, callId, "v=0\r\no=" + AUDIO_OUT + " 0 0 IN IP4 127.0.0.1\r\n"
                    + "s=Play\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio " + speaker.getLocalPort() + " RTP/AVP 8 96\r\n"
                    + "a=recvonly\r\na=rtpmap:8 PCMA/8000\r\ny=0200000002\r\nf=v/////a/1/8/1\r\n");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.bodyText()).contains("m=audio ", " RTP/AVP 8\r\n", "a=sendonly\r\n", "a=rtpmap:8 PCMA/8000\r\n",
                    "y=0200000002\r\n");
            device.ack(ok, AUDIO_OUT);
            MediaSession session = reply.get(10, TimeUnit.SECONDS).getMessage().getBody(MediaSession.class);
            assertThat(session.kind()).isEqualTo(SessionKind.BROADCAST);
            assertThat(session.sessionId()).isEqualTo(callId);
            assertThat(session.deviceMediaPort()).isEqualTo(speaker.getLocalPort());

            byte[] audio = new byte[400];
            Arrays.fill(audio, (byte) 0xD5); // A-law silence
            audio[0] = 1;
            template.sendBodyAndHeader("gb28181:audio", audio, Gb28181Constants.SESSION_ID, callId);

            int[] sizes = { 160, 160, 80 };
            for (int i = 0; i < sizes.length; i++) {
                DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
                speaker.receive(packet);
                byte[] rtp = Arrays.copyOf(packet.getData(), packet.getLength());
                assertThat(rtp.length).isEqualTo(12 + sizes[i]);
                assertThat(rtp[0] & 0xFF).isEqualTo(0x80);
                assertThat(rtp[1] & 0x7F).as("PCMA payload type").isEqualTo(8);
                assertThat(((rtp[2] & 0xFF) << 8) | (rtp[3] & 0xFF)).isEqualTo(i);
                long ssrc = ((rtp[8] & 0xFFL) << 24) | ((rtp[9] & 0xFF) << 16) | ((rtp[10] & 0xFF) << 8) | (rtp[11] & 0xFF);
                assertThat(ssrc).isEqualTo(200000002L);
                if (i == 0) {
                    assertThat(rtp[12]).isEqualTo((byte) 1);
                }
            }

            template.sendBodyAndHeader("gb28181:bye", null, Gb28181Constants.SESSION_ID, callId);
            SipText bye = device.peer().awaitRequest("BYE", WAIT);
            assertThat(bye.header("Call-ID")).isEqualTo(callId);
            device.answer(bye, 200, "OK");
            getMockEndpoint("mock:ended").expectedMessageCount(1);
            getMockEndpoint("mock:ended").assertIsSatisfied();
        }
    }

    @Test
    void unsolicitedInviteIsRefused() throws Exception {
        device.connect(sipPort, "UDP");
        device.register(3600);
        SipText answer = device.invitePlatform(AUDIO_OUT, SimulatedDevice.newId(), "v=0\r\no=x 0 0 IN IP4 127.0.0.1\r\n"
                + "s=Play\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 8\r\n");
        assertThat(answer.status()).isEqualTo(403);
    }
}
