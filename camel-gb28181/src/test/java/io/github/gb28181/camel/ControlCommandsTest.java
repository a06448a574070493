package io.github.gb28181.camel;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.gb28181.camel.manscdp.model.BasicParam;
import io.github.gb28181.camel.manscdp.model.DragZoom;
import io.github.gb28181.camel.manscdp.model.HomePosition;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.gb28181.camel.ProducerTest.CHANNEL;
import static io.github.gb28181.camel.ProducerTest.DEVICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every control command, sent over loopback to a device, checked field by field; PTZCmd byte by byte against
 * vectors computed here from the standard's layout (and the seed capture's three).
 */
class ControlCommandsTest extends Gb28181TestSupport {

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD);

    @Override
    protected org.apache.camel.builder.RouteBuilder createRouteBuilder() {
        return new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                // the SIP server starts with the first route that uses it
                from("gb28181:events?types=ALARM").to("mock:unused");
            }
        };
    }

    /** A5 0F addressLow instruction data1 data2 (data3 << 4 | addressHigh) checksum, address 0. */
    static String ptz(int instruction, int data1, int data2, int data3) {
        int[] b = { 0xA5, 0x0F, 0, instruction, data1, data2, data3 << 4 };
        int sum = 0;
        for (int v : b) {
            sum += v;
        }
        byte[] bytes = new byte[8];
        for (int i = 0; i < 7; i++) {
            bytes[i] = (byte) b[i];
        }
        bytes[7] = (byte) (sum & 0xFF);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    @Test
    void everyControlCommandIsSentAsTheStandardSays() throws Exception {
        device.connect(sipPort, "UDP");
        device.register(3600);
        // the channel is known from a catalog, so commands for it go to the device
        gb28181().getDeviceRegistry().updateChannels(DEVICE, List.of(new io.github.gb28181.camel.device.DeviceChannel(
                CHANNEL, DEVICE, "cam", null, null, "ON", DEVICE)), true);

        Map<String, String> ptz = new LinkedHashMap<>();
        ptz.put("ptz?action=up&speed=100", "A50F000800640020"); // seed
        ptz.put("ptz?action=stop", "A50F0000000000B4"); // seed
        ptz.put("fi?action=focusfar&speed=100", "A50F004100640059"); // seed
        ptz.put("ptz?action=down&speed=50", ptz(0x04, 0, 50, 0));
        ptz.put("ptz?action=left&speed=200", ptz(0x02, 200, 0, 0));
        ptz.put("ptz?action=right&speed=255", ptz(0x01, 255, 0, 0));
        ptz.put("ptz?action=upleft&speed=10", ptz(0x0A, 10, 10, 0));
        ptz.put("ptz?action=upright&speed=20", ptz(0x09, 20, 20, 0));
        ptz.put("ptz?action=downleft&speed=30", ptz(0x06, 30, 30, 0));
        ptz.put("ptz?action=downright&speed=40", ptz(0x05, 40, 40, 0));
        ptz.put("ptz?action=zoomin&speed=255", ptz(0x10, 0, 0, 15));
        ptz.put("ptz?action=zoomout&speed=128", ptz(0x20, 0, 0, 8));
        ptz.put("fi?action=focusnear&speed=60", ptz(0x42, 0, 60, 0));
        ptz.put("fi?action=irisopen&speed=70", ptz(0x44, 0, 70, 0));
        ptz.put("fi?action=irisclose&speed=80", ptz(0x48, 0, 80, 0));
        ptz.put("fi?action=stop", "A50F0000000000B4");
        ptz.put("preset?action=set&index=3", ptz(0x81, 0, 3, 0));
        ptz.put("preset?action=call&index=3", ptz(0x82, 0, 3, 0));
        ptz.put("preset?action=delete&index=255", ptz(0x83, 0, 255, 0));
        ptz.put("cruise?action=add&index=1&value=5", ptz(0x84, 1, 5, 0));
        ptz.put("cruise?action=delete&index=1&value=5", ptz(0x85, 1, 5, 0));
        ptz.put("cruise?action=speed&index=2&speed=200", ptz(0x86, 2, 200, 0));
        ptz.put("cruise?action=dwell&index=2&value=30", ptz(0x87, 2, 30, 0));
        ptz.put("cruise?action=start&index=2", ptz(0x88, 2, 0, 0));
        ptz.put("scan?action=start&index=1", ptz(0x89, 1, 0, 0));
        ptz.put("scan?action=left&index=1", ptz(0x89, 1, 1, 0));
        ptz.put("scan?action=right&index=1", ptz(0x89, 1, 2, 0));
        ptz.put("scan?action=speed&index=1&speed=100", ptz(0x8A, 1, 100, 0));
        ptz.put("aux?action=on&index=1", ptz(0x8C, 1, 0, 0));
        ptz.put("aux?action=off&index=1", ptz(0x8D, 1, 0, 0));
        ptz.put("ptzCmd", "A50F000800640020");
        for (Map.Entry<String, String> row : ptz.entrySet()) {
            Object body = row.getKey().equals("ptzCmd") ? "A50F000800640020" : null;
            String xml = send("gb28181:" + row.getKey() + (row.getKey().contains("?") ? "&" : "?") + "channelId=" + CHANNEL,
                    body);
            assertThat(xml).as(row.getKey()).contains("<Control>", "<CmdType>DeviceControl</CmdType>",
                    "<DeviceID>" + CHANNEL + "</DeviceID>", "<PTZCmd>" + row.getValue() + "</PTZCmd>");
        }

        assertThat(send("gb28181:record?action=start&channelId=" + CHANNEL, null)).contains("<RecordCmd>Record</RecordCmd>");
        assertThat(send("gb28181:record?action=stop&channelId=" + CHANNEL, null)).contains("<RecordCmd>StopRecord</RecordCmd>");
        assertThat(send("gb28181:guard?action=set&deviceId=" + DEVICE, null)).contains("<GuardCmd>SetGuard</GuardCmd>");
        assertThat(send("gb28181:guard?action=reset&deviceId=" + DEVICE, null)).contains("<GuardCmd>ResetGuard</GuardCmd>");
        assertThat(send("gb28181:alarmReset?channelId=" + CHANNEL, null)).contains("<AlarmCmd>ResetAlarm</AlarmCmd>");
        assertThat(send("gb28181:teleBoot?channelId=" + CHANNEL, null))
                .contains("<TeleBoot>Boot</TeleBoot>", "<DeviceID>" + DEVICE + "</DeviceID>");
        assertThat(send("gb28181:keyFrame?channelId=" + CHANNEL, null)).contains("<IFameCmd>Send</IFameCmd>");

        DragZoom zoom = new DragZoom();
        zoom.setLength(1080);
        zoom.setWidth(1920);
        zoom.setMidPointX(960);
        zoom.setMidPointY(540);
        zoom.setLengthX(200);
        zoom.setLengthY(100);
        assertThat(send("gb28181:dragZoomIn?channelId=" + CHANNEL, zoom)).contains("<DragZoomIn>", "<Length>1080</Length>",
                "<Width>1920</Width>", "<MidPointX>960</MidPointX>", "<MidPointY>540</MidPointY>",
                "<LengthX>200</LengthX>", "<LengthY>100</LengthY>");
        assertThat(send("gb28181:dragZoomOut?channelId=" + CHANNEL, zoom)).contains("<DragZoomOut>", "<Length>1080</Length>");

        HomePosition home = new HomePosition();
        home.setEnabled(1);
        home.setResetTime(30);
        home.setPresetIndex(2);
        assertThat(send("gb28181:homePosition?channelId=" + CHANNEL, home)).contains("<HomePosition>",
                "<Enabled>1</Enabled>", "<ResetTime>30</ResetTime>", "<PresetIndex>2</PresetIndex>");

        BasicParam basic = new BasicParam();
        basic.setName("门口");
        basic.setExpiration(3600);
        basic.setHeartBeatInterval(60);
        basic.setHeartBeatCount(3);
        assertThat(send("gb28181:deviceConfig?deviceId=" + DEVICE, basic)).contains("<Control>",
                "<CmdType>DeviceConfig</CmdType>", "<BasicParam>", "<Name>门口</Name>", "<Expiration>3600</Expiration>",
                "<HeartBeatInterval>60</HeartBeatInterval>", "<HeartBeatCount>3</HeartBeatCount>");
    }

    /** Sends the command, answers the device's MESSAGE with 200, and returns its body in the device's charset. */
    private String send(String uri, Object body) throws Exception {
        var reply = template.asyncRequestBody(uri, body);
        SipText request = device.peer().awaitRequest("MESSAGE", Duration.ofSeconds(10));
        device.answer(request, 200, "OK");
        reply.get();
        assertThat(request.requestUri()).startsWith("sip:" + DEVICE + "@");
        assertThat(request.header("To")).doesNotContain("tag=");
        return new String(request.body(), Charset.forName("GB2312"));
    }
}
