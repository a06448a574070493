package io.github.gb28181.camel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.sdp.SessionKind;
import io.github.gb28181.camel.sip.media.MediaSession;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SeedCapture;
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
 * The seed capture's live, playback and download sequences (INVITE, 200 with the device's SDP, ACK, INFO with
 * MANSRTSP, BYE) played from the device side with the capture's own answers: the producer sends what the capture
 * shows and understands what the devices answered.
 */
class MediaSeedReplayTest extends Gb28181TestSupport {

    private static final String NVR = "34020000001110000001";
    private static final String CHANNEL = "34020000001310000001";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final int mediaPort = FreePorts.udpAndTcp();
    private SeedCapture seed;

    @RegisterExtension
    SimulatedDevice nvr = new SimulatedDevice(NVR, PASSWORD);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=SESSION_ENDED,MEDIA_STATUS").to("mock:sessions");
            }
        };
    }

    private String seedBody(String... fragments) throws Exception {
        if (seed == null) {
            seed = SeedCapture.load("002_21df4d6a7916db12.txt");
        }
        String message = seed.text(seed.indexOf(fragments));
        return message.substring(message.indexOf("\n\n") + 2).strip().replace("\n", "\r\n") + "\r\n";
    }

    private SipText invite(String uri, String toTag, String answerSdp) throws Exception {
        nvr.connect(sipPort, "UDP");
        if (nvr.register(3600).status() != 200) {
            throw new AssertionError("registration failed");
        }
        CompletableFuture<Exchange> reply = template.asyncSend(uri, e -> { });
        SipText invite = nvr.peer().awaitRequest("INVITE", WAIT);
        nvr.answer(invite, 200, "OK", toTag, "", "application/SDP", answerSdp.getBytes(StandardCharsets.US_ASCII));
        nvr.peer().awaitRequest("ACK", WAIT);
        assertThat(reply.get(10, TimeUnit.SECONDS).getException()).isNull();
        return invite;
    }

    private String info(String command, String header, Object value, String toTag, String rtspReply, String sessionId)
            throws Exception {
        CompletableFuture<Exchange> reply = template.asyncSend("gb28181:" + command, e -> {
            e.getIn().setHeader(Gb28181Constants.SESSION_ID, sessionId);
            if (header != null) {
                e.getIn().setHeader(header, value);
            }
        });
        SipText info = nvr.peer().awaitRequest("INFO", WAIT);
        assertThat(info.header("Content-Type")).isEqualToIgnoringCase("Application/MANSRTSP");
        assertThat(info.header("Call-ID")).isEqualTo(sessionId);
        nvr.answer(info, 200, "OK", toTag, "", "Application/RTSP", rtspReply.getBytes(StandardCharsets.US_ASCII));
        Exchange exchange = reply.get(10, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isNull();
        return new String(info.body(), StandardCharsets.US_ASCII);
    }

    @Test
    void playbackPauseResumeSpeedSeekThenMediaStatusEndsIt() throws Exception {
        String toTag = "2049052006";
        SipText invite = invite("gb28181:playback?deviceId=" + NVR + "&channelId=" + CHANNEL + "&mediaPort=" + mediaPort
                                + "&startTime=1714804996&endTime=1714806986", toTag,
                seedBody("SIP/2.0 200 OK", "m=video 62000"));
        String offer = invite.bodyText();
        assertThat(offer).contains("s=Playback\r\n", "u=" + CHANNEL + ":0\r\n", "t=1714804996 1714806986\r\n",
                "m=video " + mediaPort + " RTP/AVP 96 98 97\r\n");
        assertThat(offer.replaceAll("(?s).*\r\ny=(\\d+)\r\n.*", "$1")).startsWith("1");
        String sessionId = invite.header("Call-ID");

        String rtspOk = seedBody("SIP/2.0 200 OK", "CSeq: 21 INFO");
        String pause = info("pause", null, null, toTag, rtspOk, sessionId);
        String resume = info("resume", null, null, toTag, rtspOk, sessionId);
        String speed = info("speed", Gb28181Constants.SCALE, 2.0, toTag, rtspOk, sessionId);
        String seek = info("seek", Gb28181Constants.POSITION, 11L, toTag, rtspOk, sessionId);
        // the seed's bodies, but for the RTSP CSeq, which each session counts from 1
        assertThat(pause).isEqualTo(seedBody("PAUSE RTSP/1.0").replace("CSeq: 20", "CSeq: 1"));
        assertThat(resume).isEqualTo(seedBody("INFO sip:", "Range: npt=0-").replace("CSeq: 21", "CSeq: 2"));
        assertThat(speed).isEqualTo("PLAY RTSP/1.0\r\nCSeq: 3\r\nScale: 2.000000\r\n");
        assertThat(seek).isEqualTo(seedBody("INFO sip:", "Range: npt=11-").replace("CSeq: 22", "CSeq: 4"));

        // the recording ends: MediaStatus 121 from the channel, in the INVITE's Call-ID
        String status = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>MediaStatus</CmdType>\r\n"
                        + "<SN>8</SN>\r\n<DeviceID>" + CHANNEL + "</DeviceID>\r\n<NotifyType>121</NotifyType>\r\n</Notify>\r\n";
        nvr.peer().send(nvr.manscdpMessage(sessionId, status.getBytes(StandardCharsets.US_ASCII), CHANNEL));
        SipText bye = nvr.peer().awaitRequest("BYE", WAIT);
        assertThat(bye.header("Call-ID")).isEqualTo(sessionId);
        nvr.answer(bye, 200, "OK", toTag, "");
        MockEndpoint sessions = getMockEndpoint("mock:sessions");
        await().atMost(WAIT).until(() -> sessions.getReceivedCounter() == 2);
        assertThat(sessions.getExchanges()).extracting(e -> e.getIn().getHeader(Gb28181Constants.EVENT_TYPE))
                .containsExactlyInAnyOrder("MEDIA_STATUS", "SESSION_ENDED");
        MediaSession ended = sessions.getExchanges().stream()
                .filter(e -> "SESSION_ENDED".equals(e.getIn().getHeader(Gb28181Constants.EVENT_TYPE)))
                .findFirst().orElseThrow().getIn().getBody(MediaSession.class);
        assertThat(ended.endReason()).isEqualTo("MEDIA_END");
        assertThat(ended.kind()).isEqualTo(SessionKind.PLAYBACK);
        assertThat(ended.ssrc()).isEqualTo("0000002000");
    }

    @Test
    void downloadEndsWhenTheDeviceGoesOffline() throws Exception {
        String toTag = "776353021";
        SipText invite = invite("gb28181:download?deviceId=" + NVR + "&channelId=" + CHANNEL + "&mediaPort=" + mediaPort
                                + "&startTime=2024-05-04T14:43:16&endTime=2024-05-04T15:16:26&downloadSpeed=4", toTag,
                seedBody("SIP/2.0 200 OK", "m=video 62002"));
        assertThat(invite.bodyText()).contains("s=Download\r\n", "a=downloadspeed:4\r\n");

        assertThat(nvr.register(0).status()).isEqualTo(200);

        SipText bye = nvr.peer().awaitRequest("BYE", WAIT);
        assertThat(bye.header("Call-ID")).isEqualTo(invite.header("Call-ID"));
        nvr.answer(bye, 200, "OK", toTag, "");
        MockEndpoint sessions = getMockEndpoint("mock:sessions");
        await().atMost(WAIT).until(() -> sessions.getReceivedCounter() == 1);
        assertThat(sessions.getExchanges().get(0).getIn().getBody(MediaSession.class).endReason())
                .isEqualTo("DEVICE_OFFLINE");
    }

    @Test
    void liveAnswerWithTheDevicesOwnSsrcIsFollowed() throws Exception {
        String toTag = "1504032660";
        invite("gb28181:play?deviceId=" + NVR + "&channelId=" + CHANNEL + "&mediaPort=" + mediaPort, toTag,
                seedBody("SIP/2.0 200 OK", "s=Play", "sendonly"));

        MediaSession session = gb28181SessionOf(CHANNEL);
        assertThat(session.ssrc()).isEqualTo("0000001002");
        assertThat(session.deviceMediaHost()).isEqualTo("192.168.6.71");
        assertThat(session.deviceMediaPort()).isEqualTo(9712);
        assertThat(gb28181().getMediaSessionRegistry().lookup(1002L).channelId()).isEqualTo(CHANNEL);
    }

    private MediaSession gb28181SessionOf(String channelId) {
        java.util.List<?> all = template.requestBody("gb28181:sessions", (Object) null, java.util.List.class);
        return all.stream().map(MediaSession.class::cast).filter(s -> s.channelId().equals(channelId)).findFirst()
                .orElseThrow();
    }
}
