package io.github.gb28181.camel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.gb28181.camel.device.DeviceChannel;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.Sipp;
import io.github.gb28181.camel.test.SipText;
import io.github.gb28181.camel.media.FrameCollector;
import io.github.gb28181.camel.media.Ffprobe;
import io.github.gb28181.camel.media.MediaMode;
import io.github.gb28181.camel.media.MediaTransport;
import io.github.gb28181.camel.media.Packetizer;
import io.github.gb28181.camel.media.RtpSender;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.media.receive.MediaReceiver;
import io.github.gb28181.camel.media.receive.MediaReceiverConfig;
import io.github.gb28181.camel.platform.PlatformServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * sipp plays the upper platform our platform registers to as a lower one: it checks our digest, asks for the catalog
 * and sends a PTZ command. A 1,000-channel catalog arrives complete, in UDP-sized parts that each carry the query's
 * SN and the total; the PTZ command reaches the device that owns the channel byte for byte.
 */
class SippUpperPlatformTest extends Gb28181TestSupport {

    static final String UPPER_ID = "44010000002000000001";
    static final String LOWER_ID = "34020000002000000001";
    static final String DEVICE = "34020000001320000001";
    static final String UPPER_PASSWORD = "sipp-upper";
    private static final int CHANNELS = 1000;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern ITEM_ID = Pattern.compile("<Item>\\s*<DeviceID>(\\d{20})</DeviceID>");

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=UPSTREAM_ONLINE").to("mock:online");
            }
        };
    }

    static List<String> upperArgs(String lowerId, String ptzChannel) {
        return List.of("-key", "server_id", UPPER_ID, "-key", "domain", UPPER_ID.substring(0, 10), "-key", "lower_id",
                lowerId, "-key", "lower_domain", lowerId.substring(0, 10), "-key", "password", UPPER_PASSWORD,
                "-key", "ptz_channel", ptzChannel, "-m", "100000", "-trace_msg");
    }

    static Gb28181Upstream sipp(int port) {
        Gb28181Upstream upstream = new Gb28181Upstream();
        upstream.setName("sipp");
        upstream.setAddress("127.0.0.1:" + port);
        upstream.setServerId(UPPER_ID);
        upstream.setPassword(UPPER_PASSWORD);
        return upstream;
    }

    @Test
    void sippListsAThousandChannelsInPartsAndItsPtzReachesTheDeviceByteForByte() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        List<DeviceChannel> channels = new ArrayList<>();
        for (int i = 1; i <= CHANNELS; i++) {
            channels.add(new DeviceChannel(String.format("340200000013100%05d", i), DEVICE, "camera " + i, "Acme",
                    "X1", "ON", DEVICE));
        }
        gb28181().getDeviceRegistry().updateChannels(DEVICE, channels, true);
        String ptzChannel = channels.get(41).channelId();

        int upperPort = FreePorts.udpAndTcp();
        Sipp.Running upper = Sipp.start("upper-platform.xml", null, "UDP", upperPort, upperArgs(LOWER_ID, ptzChannel));
        try {
            gb28181().addUpstream(sipp(upperPort));

            SipText ptz = device.peer().awaitRequest("MESSAGE", WAIT);
            device.answer(ptz, 200, "OK");
            await().atMost(WAIT).until(() -> catalogIds(catalogParts(upper)).size() == CHANNELS);
            List<String> parts = catalogParts(upper);
            Set<String> ids = catalogIds(parts);
            assertThat(ids).containsExactlyInAnyOrderElementsOf(channels.stream().map(DeviceChannel::channelId)
                    .toList());
            assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> {
                assertThat(part).contains("<SN>7001</SN>", "<SumNum>" + CHANNELS + "</SumNum>",
                        "<DeviceID>" + LOWER_ID + "</DeviceID>", "<Status>ON</Status>");
                // RFC 3261 18.1.1: a request over UDP stays within 1300 bytes
                assertThat(part.substring(part.indexOf('\n') + 1).strip().getBytes(StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(1300);
            });

            String sent = controlSentBy(upper);
            int sentLength = Integer.parseInt(sent.replaceAll("(?s).*Content-Length:\\s*(\\d+).*", "$1"));
            String sentBody = sent.substring(sent.indexOf("\r\n\r\n") + 4);
            assertThat(ptz.body()).hasSize(sentLength);
            assertThat(ptz.bodyText().stripTrailing()).isEqualTo(sentBody.stripTrailing());
            assertThat(ptz.requestUri()).startsWith("sip:" + DEVICE + "@");
            assertThat(getMockEndpoint("mock:online").getReceivedCounter()).isEqualTo(1);
        } finally {
            Sipp.Result result = upper.stop();
            assertThat(result.output()).doesNotContain("Discarding message");
        }
    }

    /** The Catalog answer MESSAGEs sipp received, each from its request line on. */
    static List<String> catalogParts(Sipp.Running upper) throws Exception {
        List<String> parts = new ArrayList<>();
        for (String message : upper.messages()) {
            int start = message.indexOf("MESSAGE sip:");
            if (message.contains("message received") && start >= 0 && message.contains("<Response>")
                && message.contains("<CmdType>Catalog</CmdType>")) {
                parts.add(message.substring(message.indexOf('\n', message.indexOf("message received")) + 1));
            }
        }
        return parts;
    }

    static Set<String> catalogIds(List<String> parts) {
        Set<String> ids = new TreeSet<>();
        for (String part : parts) {
            Matcher m = ITEM_ID.matcher(part);
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** The DeviceControl sipp sent, from its request line on, with CRLF line ends as it went on the wire. */
    static String controlSentBy(Sipp.Running upper) throws Exception {
        for (String message : upper.messages()) {
            if (message.contains("message sent") && message.contains("<CmdType>DeviceControl</CmdType>")) {
                String normalized = message.replace("\r\n", "\n");
                return normalized.substring(normalized.indexOf("MESSAGE sip:")).replace("\n", "\r\n");
            }
        }
        throw new AssertionError("sipp sent no DeviceControl");
    }

    private static final long UPPER_SSRC = 100000777L;

    @TempDir
    Path work;

    /**
     * sipp INVITEs a channel over the transport named (as the upper platform sees it: udp, tcp-passive, it listens;
     * tcp-active, it connects to our answer's port); our receiver plays the upper platform's media side.
     */
    @ParameterizedTest
    @ValueSource(strings = { "udp", "tcp-passive", "tcp-active" })
    void sippPlaysAChannelRelayedFromTheDeviceAndHearsItsBye(String transport) throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        String channel = "34020000001310000001";
        gb28181().setCascadeMediaHost("127.0.0.1");
        gb28181().getDeviceRegistry().updateChannels(DEVICE, List.of(new DeviceChannel(channel, DEVICE, "cam", "Acme",
                "X1", "ON", DEVICE)), true);
        int mediaPort = FreePorts.udpAndTcp();
        FrameCollector frames = new FrameCollector();
        MediaReceiver receiver = null;
        if (!"tcp-active".equals(transport)) {
            receiver = new MediaReceiver(MediaReceiverConfig.builder().host("127.0.0.1").port(mediaPort)
                    .transport(MediaTransport.fromValue(transport)).mode(MediaMode.PS).build(), frames);
            receiver.start();
        }
        List<String> args = new ArrayList<>(List.of("-key", "server_id", UPPER_ID, "-key", "domain",
                UPPER_ID.substring(0, 10), "-key", "lower_id", LOWER_ID, "-key", "lower_domain", LOWER_ID.substring(0, 10),
                "-key", "password", UPPER_PASSWORD, "-key", "channel", channel, "-key", "rtp_port",
                Integer.toString(mediaPort), "-key", "proto", "udp".equals(transport) ? "RTP/AVP" : "TCP/RTP/AVP",
                "-key", "setup", switch (transport) {
                    case "tcp-passive" -> "a=setup:passive";
                    case "tcp-active" -> "a=setup:active";
                    default -> "a=framerate:25";
                }, "-m", "100000", "-trace_msg"));
        int upperPort = FreePorts.udpAndTcp();
        Sipp.Running upper = Sipp.start("upper-platform-invite.xml", null, "UDP", upperPort, args);
        try {
            gb28181().addUpstream(sipp(upperPort));
            SipText invite = device.peer().awaitRequest("INVITE", WAIT);
            String offer = invite.bodyText();
            String deviceSsrc = offer.replaceAll("(?s).*\r\ny=(\\d{10})\r\n.*", "$1");
            int relayPort = Integer.parseInt(offer.replaceAll("(?s).*\r\nm=video (\\d+) .*", "$1"));
            String tag = SimulatedDevice.newId();
            device.answer(invite, 200, "OK", tag, "", "application/sdp",
                    MediaSessionTest.sdpAnswer(deviceSsrc, 9712, "RTP/AVP").getBytes(StandardCharsets.US_ASCII));
            device.peer().awaitRequest("ACK", WAIT);

            String answer = await().atMost(WAIT).until(() -> answerSentTo(upper), java.util.Objects::nonNull);
            assertThat(answer).contains("a=sendonly", "y=0100000777", "c=IN IP4 127.0.0.1");
            if ("tcp-active".equals(transport)) {
                // sipp offered to connect: our answer says where we listen
                assertThat(answer).contains("a=setup:passive");
                int listening = Integer.parseInt(answer.replaceAll("(?s).*m=video (\\d+) .*", "$1"));
                receiver = new MediaReceiver(MediaReceiverConfig.builder().host("127.0.0.1").port(0)
                        .transport(MediaTransport.TCP_ACTIVE).remoteHost("127.0.0.1").remotePort(listening)
                        .mode(MediaMode.PS).build(), frames);
                receiver.start();
            } else if ("tcp-passive".equals(transport)) {
                assertThat(answer).contains("TCP/RTP/AVP", "a=setup:active");
            }
            RtpSender.udp(new InetSocketAddress("127.0.0.1", relayPort), Packetizer.rtp(Packetizer.alignedToPacks(
                    Samples.bytes(Samples.H264_GST_PSM), 1400), Long.parseLong(deviceSsrc), 1), RtpSender.flow(receiver));

            int expected = Samples.videoFrames(Samples.H264_GST_PSM);
            await().atMost(WAIT).untilAsserted(() -> assertThat(frames.count(UPPER_SSRC)).as("frames of %s: %s", UPPER_SSRC, frames.total()).isEqualTo(expected));
            Path file = work.resolve("relayed.ps");
            Files.write(file, frames.concatenated(UPPER_SSRC));
            assertThat(Ffprobe.videoFrames(file, "mpeg")).isEqualTo(expected);

            // the device hangs up: the lower platform ends sipp's session with BYE and keeps nothing
            SipText ok = device.requestInDialog("BYE", invite, tag, "", null, null);
            assertThat(ok.status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> upper.messages().stream()
                    .anyMatch(m -> m.contains("message received") && m.contains("BYE sip:")));
            PlatformServer lower = PlatformServerAccess.of(gb28181());
            await().atMost(WAIT).until(() -> lower.relayedMedia().upperSessions().isEmpty()
                                             && lower.relayedMedia().deviceSessions().isEmpty()
                                             && lower.upstreams().links().get(0).sessionIds().isEmpty());
            assertThat(context.getComponent("gb28181-rtp", Gb28181RtpComponent.class).mediaSenders().sessionIds())
                    .isEmpty();
            await().atMost(WAIT).until(() -> FreePorts.udpFree(relayPort));
        } finally {
            if (receiver != null) {
                receiver.stop();
            }
            upper.stop();
        }
    }

    /** The SDP of the 200 OK we sent sipp for its INVITE, once sipp has it. */
    static String answerSentTo(Sipp.Running upper) throws Exception {
        for (String message : upper.messages()) {
            if (message.contains("message received") && message.contains("SIP/2.0 200 OK")
                && message.contains("CSeq: 20 INVITE") && message.contains("v=0")) {
                return message.substring(message.indexOf("v=0"));
            }
        }
        return null;
    }
}
