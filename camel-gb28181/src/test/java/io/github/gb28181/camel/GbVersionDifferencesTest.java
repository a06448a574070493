package io.github.gb28181.camel;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.device.DeviceUnsupportedException;
import io.github.gb28181.camel.device.GbVersion;
import io.github.gb28181.camel.manscdp.model.PtzPreciseCtrl;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * X-GB-Ver (GB/T 28181-2022 Annex I) and the differences it makes, one test each: the platform announces 3.0 on every
 * REGISTER answer and keeps what each device announced; a device that said 3.0 gets GB18030 (6.10) and IFrameCmd
 * unless it declared a charset of its own; one that said 2.0 gets 2016 documents and no 2022-only command; one that said
 * nothing gets 2016 spellings but still the 2022 commands a route sends it. Over loopback to simulated devices.
 */
class GbVersionDifferencesTest extends Gb28181TestSupport {

    static final String DEVICE = "34020000001320000001";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD);

    @Test
    void everyRegisterAnswerCarriesOurVersionAndTheRegistryKeepsTheDevices() throws Exception {
        device.gbVersion("3.0").connect(sipPort, "UDP");
        SipText challenge = device.sendRegister(3600, null);
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.header("X-GB-Ver")).as("a failed REGISTER is answered with the version too").isEqualTo("3.0");
        SipText wrong = device.password("wrong").sendRegister(3600,
                device.authorization(challenge, "REGISTER", "sip:34020000002000000001@3402000000"));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.header("X-GB-Ver")).isEqualTo("3.0");

        SipText ok = device.password(PASSWORD).register(3600);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("X-GB-Ver")).isEqualTo("3.0");
        assertThat(version()).isEqualTo(GbVersion.V3_0);

        // a refresh without the header: the device says nothing now, and the registry follows
        device.gbVersion(null).register(3600);
        assertThat(version()).isNull();
    }

    @Test
    void a2022DeviceIsWrittenInGb18030WithTheIFrameCmdSpelling() throws Exception {
        device.gbVersion("3.0").connect(sipPort, "UDP");
        device.register(3600);
        String xml = keyFrame();
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"GB18030\"?>").contains("<IFrameCmd>Send</IFrameCmd>")
                .doesNotContain("IFameCmd");

        // a charset the device declares wins over the revision's default; the spelling stays the revision's
        device.keepalive(); // declares GB2312
        assertThat(keyFrame()).startsWith("<?xml version=\"1.0\" encoding=\"GB2312\"?>").contains("<IFrameCmd>Send</IFrameCmd>");
    }

    @Test
    void aDeviceThatAnnouncedNothingGets2016SpellingsAndStillThe2022Commands() throws Exception {
        device.connect(sipPort, "UDP");
        device.register(3600);
        assertThat(version()).isNull();
        assertThat(keyFrame()).startsWith("<?xml version=\"1.0\" encoding=\"GB2312\"?>").contains("<IFameCmd>Send</IFameCmd>");

        // many devices know the 2022 commands without saying so: a route may still send them
        CompletableFuture<Exchange> reply = template.asyncSend("gb28181:ptzPrecise?channelId=" + DEVICE,
                e -> e.getIn().setBody(precise()));
        SipText request = device.peer().awaitRequest("MESSAGE", WAIT);
        device.answer(request, 200, "OK");
        assertThat(request.bodyText()).contains("<PTZPreciseCtrl>");
        assertThat(reply.get(10, TimeUnit.SECONDS).getException()).isNull();
    }

    @Test
    void aDeviceThatAnnounced2016GetsNo2022CommandAndNothingIsSent() throws Exception {
        device.gbVersion("2.0").connect(sipPort, "UDP");
        device.register(3600);
        assertThat(version()).isEqualTo(GbVersion.V2_0);
        assertThat(keyFrame()).contains("<IFameCmd>Send</IFameCmd>");

        assertRefused(template.asyncSend("gb28181:ptzPrecise?channelId=" + DEVICE, e -> e.getIn().setBody(precise())),
                "Only GB/T 28181-2022 has PTZPreciseCtrl; device " + DEVICE + " announced X-GB-Ver 2.0, so it is not sent");
        assertRefused(template.asyncSend("gb28181:sdCardStatus?deviceId=" + DEVICE, e -> { }),
                "Only GB/T 28181-2022 has SDCardStatus; device " + DEVICE + " announced X-GB-Ver 2.0, so it is not sent");
        assertRefused(template.asyncSend("gb28181:configDownload?configType=BasicParam/OSDConfig/FrameMirror&deviceId="
                                         + DEVICE, e -> { }),
                "Only GB/T 28181-2022 has OSDConfig, FrameMirror; device " + DEVICE
                                                             + " announced X-GB-Ver 2.0, so it is not sent");
        assertRefused(template.asyncSend("gb28181:subscribe?subscription=ptzPosition&deviceId=" + DEVICE, e -> { }),
                "Only GB/T 28181-2022 has PTZPosition; device " + DEVICE + " announced X-GB-Ver 2.0, so it is not sent");
        assertThat(device.peer().poll(Duration.ofMillis(300))).as("nothing was sent").isNull();
    }

    @Test
    void aVersionRepeatedOnAMessageUpdatesTheRegistry() throws Exception {
        device.gbVersion("2.0").connect(sipPort, "UDP");
        device.register(3600);
        String keepalive = "<?xml version=\"1.0\"?>\r\n<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n<SN>7</SN>\r\n<DeviceID>"
                           + DEVICE + "</DeviceID>\r\n<Status>OK</Status>\r\n</Notify>\r\n";
        String callId = SimulatedDevice.newId();
        String message = new String(device.manscdpMessage(callId, keepalive.getBytes(StandardCharsets.US_ASCII)),
                StandardCharsets.US_ASCII).replaceFirst("\r\n", "\r\nX-GB-Ver: 3.0\r\n");
        device.peer().send(message);
        assertThat(device.peer().awaitResponse(callId, WAIT).status()).isEqualTo(200);
        assertThat(version()).isEqualTo(GbVersion.V3_0);
        assertThat(keyFrame()).contains("<IFrameCmd>Send</IFrameCmd>");
    }

    private GbVersion version() {
        return gb28181().getDeviceRegistry().find(DEVICE).orElseThrow().getGbVersion();
    }

    /** Sends keyFrame and returns the document the device got, in the charset its declaration names. */
    private String keyFrame() throws Exception {
        CompletableFuture<Exchange> reply = template.asyncSend("gb28181:keyFrame?channelId=" + DEVICE, e -> { });
        SipText request = device.peer().awaitRequest("MESSAGE", WAIT);
        device.answer(request, 200, "OK");
        assertThat(reply.get(10, TimeUnit.SECONDS).getException()).isNull();
        String ascii = new String(request.body(), StandardCharsets.US_ASCII);
        String charset = ascii.replaceAll("(?s)^<\\?xml[^>]*encoding=\"([^\"]+)\".*", "$1");
        return new String(request.body(), Charset.forName(charset));
    }

    private static PtzPreciseCtrl precise() {
        PtzPreciseCtrl precise = new PtzPreciseCtrl();
        precise.setPan(90.0);
        return precise;
    }

    private static void assertRefused(CompletableFuture<Exchange> reply, String message) throws Exception {
        Exception failure = reply.get(10, TimeUnit.SECONDS).getException();
        assertThat(failure).isInstanceOf(DeviceUnsupportedException.class).hasMessage(message);
        assertThat(((DeviceUnsupportedException) failure).getStatusCode()).isEqualTo(501);
    }
}
