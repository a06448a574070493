package io.github.gb28181.camel.cluster.hazelcast;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.gb28181.camel.Gb28181Constants;
import io.github.gb28181.camel.sip.media.MediaSession;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.Exchange;

import static org.assertj.core.api.Assertions.assertThat;

/** A device's recording played back by one node, answered by the simulated device as a real one would. */
final class Playbacks {

    static final String CHANNEL = "34020000001310000001";
    static final String TO_TAG = "88200";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private Playbacks() {
    }

    /** {@code node} plays back the device's channel: returns the INVITE, once the node acknowledged the answer. */
    static SipText start(Nodes.Node node, SimulatedDevice device) throws Exception {
        CompletableFuture<Exchange> reply = node.context().createProducerTemplate().asyncSend(
                "gb28181:playback?deviceId=" + device.deviceId() + "&channelId=" + CHANNEL + "&mediaPort="
                + FreePorts.udpAndTcp() + "&startTime=1714804996&endTime=1714806986", e -> { });
        SipText invite = device.peer().awaitRequest("INVITE", WAIT);
        Matcher ssrc = Pattern.compile("y=(\\d+)").matcher(invite.bodyText());
        assertThat(ssrc.find()).isTrue();
        String sdp = "v=0\r\no=" + CHANNEL + " 0 0 IN IP4 127.0.0.1\r\ns=Playback\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                     + "m=video 62000 RTP/AVP 96\r\na=sendonly\r\na=rtpmap:96 PS/90000\r\ny=" + ssrc.group(1) + "\r\n";
        // a UAS copies the Record-Route of a proxy into its 2xx: the dialog's ACK and BYE then cross the proxy
        StringBuilder routes = new StringBuilder();
        invite.headers("Record-Route").forEach(route -> routes.append("Record-Route: ").append(route).append("\r\n"));
        device.answer(invite, 200, "OK", TO_TAG, routes.toString(), "application/sdp",
                sdp.getBytes(StandardCharsets.US_ASCII));
        awaitRequest(device, "ACK", invite.header("Call-ID"));
        Exchange exchange = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(MediaSession.class).sessionId()).isEqualTo(invite.header("Call-ID"));
        return invite;
    }

    /** The sessions {@code node} lists, as the {@code sessions} command answers. */
    @SuppressWarnings("unchecked")
    static List<MediaSession> listed(Nodes.Node node) {
        return node.context().createProducerTemplate().requestBody("gb28181:sessions", null, List.class);
    }

    static boolean lists(Nodes.Node node, String sessionId) {
        return listed(node).stream().anyMatch(s -> s.sessionId().equals(sessionId));
    }

    /** Asks {@code node} to end a session: completes with the node's exchange. */
    static CompletableFuture<Exchange> bye(Nodes.Node node, String sessionId) {
        return node.context().createProducerTemplate().asyncSend("gb28181:bye",
                e -> e.getIn().setHeader(Gb28181Constants.SESSION_ID, sessionId));
    }

    /** The device's MediaStatus 121 (its recording ended), in the session's Call-ID, from the device's own id. */
    static void mediaEnded(SimulatedDevice device, String sessionId) throws Exception {
        String status = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>MediaStatus</CmdType>\r\n"
                        + "<SN>" + device.nextSn() + "</SN>\r\n<DeviceID>" + device.deviceId() + "</DeviceID>\r\n"
                        + "<NotifyType>121</NotifyType>\r\n</Notify>\r\n";
        device.peer().send(device.manscdpMessage(sessionId, status.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * The next {@code method} in a session's dialog: a retransmission of an earlier session's request, which a busy
     * proxy may cause, is not taken for it.
     */
    static SipText awaitRequest(SimulatedDevice device, String method, String sessionId) throws InterruptedException {
        return device.peer().await(m -> !m.isResponse() && method.equals(m.method())
                                        && sessionId.equals(m.header("Call-ID")), WAIT);
    }

    static long count(List<String> events, String type) {
        return events.stream().filter(type::equals).count();
    }
}
