package io.github.gb28181.example;

import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.gb28181.camel.media.Packetizer;
import io.github.gb28181.camel.media.RtpSender;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A camera for the example's tests: the component's {@link SimulatedDevice} (raw sockets, digest, no SIP stack of
 * ours) with the answers a real camera gives to what the platform asks when it registers, and RTP from a committed
 * PS sample when it is INVITEd.
 */
final class Camera implements AfterEachCallback {

    static final Duration WAIT = Duration.ofSeconds(15);

    final String deviceId;
    final String channelId;
    final SimulatedDevice device;

    Camera(String deviceId, String channelId, String password) {
        this.deviceId = deviceId;
        this.channelId = channelId;
        this.device = new SimulatedDevice(deviceId, password);
    }

    /** Registers over UDP and answers the catalog and device info queries the platform sends right after. */
    Camera registerAndAnswerFirstQueries(int sipPort) throws Exception {
        device.connect(sipPort, "UDP");
        SipText ok = device.register(3600);
        if (ok.status() != 200) {
            throw new AssertionError("REGISTER answered " + ok.status());
        }
        answerCatalog(nextMessage(withCmdType("Catalog")));
        answerDeviceInfo(nextMessage(withCmdType("DeviceInfo")));
        return this;
    }

    /** The next MESSAGE from the platform that matches, answered 200 as devices do before anything else. */
    SipText nextMessage(Predicate<SipText> match) throws Exception {
        SipText message = device.peer().await(m -> !m.isResponse() && "MESSAGE".equals(m.method()) && match.test(m),
                WAIT);
        device.answer(message, 200, "OK");
        return message;
    }

    static Predicate<SipText> withCmdType(String cmdType) {
        return m -> m.bodyText().contains("<CmdType>" + cmdType + "</CmdType>");
    }

    void answerCatalog(SipText query) throws Exception {
        device.sendManscdp("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>Catalog</CmdType>\r\n"
                           + "<SN>" + sn(query) + "</SN>\r\n<DeviceID>" + deviceId + "</DeviceID>\r\n<SumNum>1</SumNum>\r\n"
                           + "<DeviceList Num=\"1\">\r\n<Item>\r\n<DeviceID>" + channelId + "</DeviceID>\r\n"
                           + "<Name>Gate camera</Name>\r\n<Manufacturer>Hikvision</Manufacturer>\r\n"
                           + "<Model>DS-2DE4425IW</Model>\r\n<Owner>Owner</Owner>\r\n<CivilCode>3402000000</CivilCode>\r\n"
                           + "<Address>Gate</Address>\r\n<Parental>0</Parental>\r\n<ParentID>" + deviceId
                           + "</ParentID>\r\n<RegisterWay>1</RegisterWay>\r\n<Secrecy>0</Secrecy>\r\n"
                           + "<Status>ON</Status>\r\n</Item>\r\n</DeviceList>\r\n</Response>\r\n",
                Charset.forName("GB2312"));
    }

    void answerDeviceInfo(SipText query) throws Exception {
        device.sendManscdp("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>DeviceInfo</CmdType>\r\n"
                           + "<SN>" + sn(query) + "</SN>\r\n<DeviceID>" + deviceId + "</DeviceID>\r\n"
                           + "<DeviceName>Gate</DeviceName>\r\n<Result>OK</Result>\r\n"
                           + "<Manufacturer>Hikvision</Manufacturer>\r\n<Model>DS-2DE4425IW</Model>\r\n"
                           + "<Firmware>V5.5.0</Firmware>\r\n<Channel>1</Channel>\r\n</Response>\r\n",
                Charset.forName("GB2312"));
    }

    /** Accepts the platform's INVITE, as a camera that keeps the offered SSRC; returns the SSRC. */
    String acceptInvite(SipText invite, String toTag) throws Exception {
        return acceptInvite(invite, toTag, "m=video 9712 RTP/AVP 96\r\n");
    }

    /** Accepts the INVITE with the media line (and a=setup, for TCP) given; returns the SSRC. */
    String acceptInvite(SipText invite, String toTag, String media) throws Exception {
        String ssrc = sdpValue(invite.bodyText(), "y");
        String sdp = "v=0\r\no=" + channelId + " 0 0 IN IP4 127.0.0.1\r\ns=Play\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                     + media + "a=sendonly\r\na=rtpmap:96 PS/90000\r\ny=" + ssrc + "\r\nf=\r\n";
        device.answer(invite, 200, "OK", toTag, "", "application/sdp", sdp.getBytes(StandardCharsets.US_ASCII));
        device.peer().awaitRequest("ACK", WAIT);
        return ssrc;
    }

    /** Sends a committed PS sample as RTP over UDP, one pack per packet group, as cameras do. */
    static void streamSample(String sample, String ssrc, int rtpPort) {
        byte[] ps = Samples.bytes(sample);
        List<byte[]> rtp = Packetizer.rtp(Packetizer.alignedToPacks(ps, 1400), Long.parseLong(ssrc), 1);
        RtpSender.udp(new InetSocketAddress("127.0.0.1", rtpPort), rtp, RtpSender.flow(() -> null));
    }

    /** Sends a committed PS sample as RFC 4571 framed RTP to the platform that connects to us (tcp-active). */
    static void streamSampleTo(java.net.ServerSocket listening, String sample, String ssrc) {
        byte[] ps = Samples.bytes(sample);
        RtpSender.tcpAccepting(listening, Packetizer.rtp(Packetizer.alignedToPacks(ps, 1400), Long.parseLong(ssrc), 1));
    }

    static int sn(SipText message) {
        return Integer.parseInt(tag(message.bodyText(), "SN"));
    }

    static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        if (!m.find()) {
            throw new AssertionError("No <" + name + "> in " + xml);
        }
        return m.group(1);
    }

    static String sdpValue(String sdp, String field) {
        Matcher m = Pattern.compile("(?m)^" + field + "=(\\S*)\\r?$").matcher(sdp);
        if (!m.find()) {
            throw new AssertionError("No " + field + "= in " + sdp);
        }
        return m.group(1);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        device.close();
    }
}
