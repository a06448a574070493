package io.github.gb28181.camel.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers what the platform asks a registered {@link SimulatedDevice}, on a thread of its own, as a camera would:
 * 200 to every MESSAGE and a Response to every Query (a Catalog naming one channel), 200 with an SDP answer to an
 * INVITE, 200 to INFO, BYE and SUBSCRIBE. Once started it is the only reader of the device's peer.
 */
public final class DeviceResponder implements AutoCloseable {

    private static final Pattern CMD_TYPE = Pattern.compile("<CmdType>([^<]+)</CmdType>");
    private static final Pattern SN = Pattern.compile("<SN>(\\d+)</SN>");
    private static final Pattern SSRC = Pattern.compile("(?m)^y=(\\d+)");

    private final SimulatedDevice device;
    private final String channelId;
    private final Thread thread;
    private volatile boolean running = true;

    private DeviceResponder(SimulatedDevice device, String channelId) {
        this.device = device;
        this.channelId = channelId;
        this.thread = new Thread(this::answerAll, "device-responder-" + device.deviceId());
        thread.setDaemon(true);
    }

    /** Starts answering for {@code device}, whose catalog holds {@code channelId}. */
    public static DeviceResponder start(SimulatedDevice device, String channelId) {
        DeviceResponder responder = new DeviceResponder(device, channelId);
        responder.thread.start();
        return responder;
    }

    private void answerAll() {
        while (running) {
            try {
                SipText in = device.peer().poll(Duration.ofMillis(100));
                if (in != null && !in.isResponse()) {
                    answer(in);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (running) {
                    throw new IllegalStateException("The simulated device could not answer", e);
                }
            }
        }
    }

    private void answer(SipText request) throws Exception {
        switch (request.method()) {
            case "MESSAGE" -> {
                device.answer(request, 200, "OK");
                String xml = request.bodyText();
                Matcher cmd = CMD_TYPE.matcher(xml);
                Matcher sn = SN.matcher(xml);
                if (xml.contains("<Query>") && cmd.find() && sn.find()) {
                    respond(cmd.group(1), sn.group(1));
                }
            }
            case "INVITE" -> {
                Matcher ssrc = SSRC.matcher(request.bodyText());
                String toTag = SimulatedDevice.newId();
                String sdp = "v=0\r\no=" + channelId + " 0 0 IN IP4 127.0.0.1\r\ns=Play\r\nc=IN IP4 127.0.0.1\r\n"
                             + "t=0 0\r\nm=video 9712 RTP/AVP 96\r\na=sendonly\r\na=rtpmap:96 PS/90000\r\n"
                             + (ssrc.find() ? "y=" + ssrc.group(1) + "\r\n" : "") + "f=\r\n";
                device.answer(request, 200, "OK", toTag, "", "application/sdp", sdp.getBytes(StandardCharsets.US_ASCII));
            }
            case "SUBSCRIBE" -> device.answer(request, 200, "OK", SimulatedDevice.newId(), "Expires: 3600\r\n");
            case "INFO", "BYE", "NOTIFY", "OPTIONS" -> device.answer(request, 200, "OK");
            default -> { } // ACK and anything else need no answer
        }
    }

    private void respond(String cmdType, String sn) throws Exception {
        String body = cmdType.equals("Catalog")
                ? "<SumNum>1</SumNum><DeviceList Num=\"1\"><Item><DeviceID>" + channelId + "</DeviceID><Name>camera</Name>"
                  + "<ParentID>" + device.deviceId() + "</ParentID><Status>ON</Status></Item></DeviceList>"
                : "<Result>OK</Result>";
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><CmdType>" + cmdType + "</CmdType><SN>" + sn
                     + "</SN><DeviceID>" + device.deviceId() + "</DeviceID>" + body + "</Response>";
        // sent without waiting for the platform's 200: this thread is the peer's only reader, and drops it
        device.peer().send(device.manscdpMessage(SimulatedDevice.newId(), xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2000);
    }
}
