package io.github.gb28181.camel;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.event.Presence;
import io.github.gb28181.camel.manscdp.model.AlarmNotify;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.manscdp.model.KeepaliveNotify;
import io.github.gb28181.camel.sip.message.MessageHandler;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipPeer;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeviceMessageTest extends Gb28181TestSupport {

    private static final String DEVICE = "34020000001320000001";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD);

    @Override
    protected void configure(Gb28181Configuration configuration) {
        configuration.setKeepaliveTimeout(1500);
        configuration.setAggregationTimeout(1000);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=KEEPALIVE,CATALOG,ALARM,RAW,DEVICE_INFO").to("mock:messages");
                from("gb28181:events?types=ONLINE,OFFLINE").to("mock:presence");
            }
        };
    }

    private MockEndpoint messages() {
        return getMockEndpoint("mock:messages");
    }

    @Test
    void keepaliveFromRegisteredDeviceIsAcceptedAndEmitted() throws Exception {
        device.connect(sipPort, "UDP");
        device.register(3600);

        SipText ok = device.keepalive();

        assertThat(ok.status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> messages().getReceivedCounter() == 1);
        Exchange exchange = messages().getExchanges().get(0);
        assertThat(exchange.getIn().getHeader(Gb28181Constants.EVENT_TYPE)).isEqualTo("KEEPALIVE");
        assertThat(exchange.getIn().getHeader(Gb28181Constants.DEVICE_ID)).isEqualTo(DEVICE);
        assertThat(exchange.getIn().getBody(KeepaliveNotify.class).getStatus()).isEqualTo("OK");
        assertThat(gb28181().getDeviceRegistry().find(DEVICE).orElseThrow().getLastKeepaliveAt()).isNotNull();
    }

    @Test
    void keepaliveFromUnregisteredDeviceIsForbiddenWithoutEvent() throws Exception {
        device.connect(sipPort, "UDP");

        SipText answer = device.keepalive();

        assertThat(answer.status()).isEqualTo(403);
        messages().setAssertPeriod(300);
        messages().expectedMessageCount(0);
        messages().assertIsSatisfied();
    }

    @Test
    void silentDeviceGoesOfflineAndComesBackWithItsNextKeepalive() throws Exception {
        MockEndpoint presence = getMockEndpoint("mock:presence");
        device.connect(sipPort, "UDP");
        device.register(3600);

        await().atMost(WAIT).until(() -> presence.getReceivedCounter() == 2);
        assertThat(presence.getExchanges().get(1).getIn().getBody(Presence.class).reason()).isEqualTo("KEEPALIVE_TIMEOUT");
        assertThat(gb28181().getDeviceRegistry().find(DEVICE).orElseThrow().isOnline()).isFalse();

        assertThat(device.keepalive().status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> presence.getReceivedCounter() == 3);
        assertThat(presence.getExchanges()).extracting(e -> e.getIn().getHeader(Gb28181Constants.EVENT_TYPE))
                .containsExactly("ONLINE", "OFFLINE", "ONLINE");
    }

    @Test
    void keepaliveFromNewSourcePortMovesTheDevice() throws Exception {
        device.connect(sipPort, "UDP");
        device.register(3600);
        int firstPort = device.peer().localPort();
        try (SimulatedDevice rebound = new SimulatedDevice(DEVICE, PASSWORD)) {
            rebound.connect(sipPort, "UDP");
            assertThat(rebound.keepalive().status()).isEqualTo(200);
            Device known = gb28181().getDeviceRegistry().find(DEVICE).orElseThrow();
            assertThat(known.getRemotePort()).isEqualTo(rebound.peer().localPort()).isNotEqualTo(firstPort);
        }
    }

    @Test
    void retransmittedMessageYieldsOneExchange() throws Exception {
        device.connect(sipPort, "UDP");
        device.register(3600);
        String callId = SimulatedDevice.newId();
        byte[] keepalive = device.manscdpMessage(callId, ("<?xml version=\"1.0\"?><Notify><CmdType>Keepalive</CmdType>"
                + "<SN>77</SN><DeviceID>" + DEVICE + "</DeviceID><Status>OK</Status></Notify>").getBytes(StandardCharsets.UTF_8));

        // copies racing each other: one is handled, the others are absorbed (a racing copy may get no answer)
        for (int i = 0; i < 3; i++) {
            device.peer().send(keepalive);
        }
        assertThat(device.peer().awaitResponse(callId, WAIT).status()).isEqualTo(200);
        while (device.peer().poll(Duration.ofMillis(300)) != null) {
            // answers to the racing copies
        }
        // a retransmission after the answer gets the answer again, not a second exchange; like a device, send it
        // again after T1 (500 ms) when unanswered: a copy that comes while the first is still being answered is dropped
        assertThat(device.peer().sendUntilAnswered(keepalive, callId).status()).isEqualTo(200);

        messages().setAssertPeriod(500);
        messages().expectedMessageCount(1);
        messages().assertIsSatisfied();
    }

    @Test
    void catalogOf500ChannelsIn100MessagesWithDuplicatesAndDisorderIsOneEvent() throws Exception {
        device.connect(sipPort, "UDP");
        device.register(3600);
        List<String> parts = new ArrayList<>();
        for (int part = 0; part < 100; part++) {
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                int n = part * 5 + i;
                items.append("<Item><DeviceID>3402000000131").append(String.format("%07d", n))
                        .append("</DeviceID><Name>通道").append(n).append("</Name><Manufacturer>Dahua</Manufacturer>")
                        .append("<ParentID>").append(DEVICE).append("</ParentID><Status>ON</Status></Item>");
            }
            parts.add("<?xml version=\"1.0\" encoding=\"GB2312\"?><Response><CmdType>Catalog</CmdType><SN>9</SN>"
                      + "<DeviceID>" + DEVICE + "</DeviceID><SumNum>500</SumNum><DeviceList Num=\"5\">" + items
                      + "</DeviceList></Response>");
        }
        List<String> sent = new ArrayList<>(parts);
        sent.addAll(parts.subList(10, 30)); // retransmitted parts, each its own transaction
        Collections.shuffle(sent, new Random(42));

        for (String part : sent) {
            assertThat(device.sendManscdp(part, Charset.forName("GB2312")).status()).isEqualTo(200);
        }

        await().atMost(WAIT).until(() -> messages().getReceivedCounter() >= 1);
        messages().setAssertPeriod(300);
        messages().expectedMessageCount(1);
        messages().assertIsSatisfied();
        Exchange exchange = messages().getExchanges().get(0);
        CatalogResponse catalog = exchange.getIn().getBody(CatalogResponse.class);
        assertThat(catalog.getItems()).hasSize(500);
        assertThat(catalog.getItems()).extracting(i -> i.getDeviceId()).doesNotHaveDuplicates();
        assertThat(catalog.getItems()).anySatisfy(i -> assertThat(i.getName()).isEqualTo("通道499"));
        assertThat(exchange.getIn().getHeader(Gb28181Constants.PARTIAL)).isNull();
        Device known = gb28181().getDeviceRegistry().find(DEVICE).orElseThrow();
        assertThat(known.getChannelCount()).isEqualTo(500);
        assertThat(gb28181().getDeviceRegistry().owner("34020000001310000123")).contains(known);
    }

    @Test
    void catalogMissingPartsIsEmittedPartialAfterTheGap() throws Exception {
        device.connect(sipPort, "UDP");
        device.register(3600);

        device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>Catalog</CmdType><SN>3</SN><DeviceID>" + DEVICE
                           + "</DeviceID><SumNum>2</SumNum><DeviceList Num=\"1\"><Item><DeviceID>34020000001310000001"
                           + "</DeviceID></Item></DeviceList></Response>", StandardCharsets.UTF_8);

        await().atMost(WAIT).until(() -> messages().getReceivedCounter() == 1);
        assertThat(messages().getExchanges().get(0).getIn().getHeader(Gb28181Constants.PARTIAL)).isEqualTo(true);
        assertThat(messages().getExchanges().get(0).getIn().getBody(CatalogResponse.class).getItems()).hasSize(1);
    }

    @Test
    void alarmIsAnsweredWith200ThenAResponseMessage() throws Exception {
        device.connect(sipPort, "TCP");
        device.register(3600);
        String alarm = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>Alarm</CmdType>\r\n<SN>12</SN>\r\n"
                       + "<DeviceID>34020000001340000001</DeviceID>\r\n<AlarmPriority>1</AlarmPriority>\r\n"
                       + "<AlarmMethod>5</AlarmMethod>\r\n<AlarmTime>2024-05-17T14:24:54</AlarmTime>\r\n"
                       + "<AlarmDescription>移动侦测</AlarmDescription>\r\n<Info>\r\n<AlarmType>2</AlarmType>\r\n</Info>\r\n</Notify>\r\n";

        assertThat(device.sendManscdp(alarm, Charset.forName("GB2312")).status()).isEqualTo(200);

        SipText response = device.peer().awaitRequest("MESSAGE", WAIT);
        String xml = new String(response.body(), Charset.forName("GB2312"));
        assertThat(xml).contains("<CmdType>Alarm</CmdType>").contains("<SN>12</SN>")
                .contains("<DeviceID>34020000001340000001</DeviceID>").contains("<Result>OK</Result>")
                .containsIgnoringCase("encoding=\"GB2312\"");
        assertThat(response.header("To")).doesNotContain("tag=");
        device.answer(response, 200, "OK");

        await().atMost(WAIT).until(() -> messages().getReceivedCounter() == 1);
        Exchange exchange = messages().getExchanges().get(0);
        assertThat(exchange.getIn().getHeader(Gb28181Constants.EVENT_TYPE)).isEqualTo("ALARM");
        assertThat(exchange.getIn().getHeader(Gb28181Constants.CHANNEL_ID)).isEqualTo("34020000001340000001");
        assertThat(exchange.getIn().getBody(AlarmNotify.class).getAlarmDescription()).isEqualTo("移动侦测");
    }

    @Test
    void unknownCmdTypeArrivesRaw() throws Exception {
        device.connect(sipPort, "UDP");
        device.register(3600);

        device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>SensorCatalog</CmdType><SN>5</SN><DeviceID>" + DEVICE
                           + "</DeviceID><SumNum>0</SumNum></Response>", StandardCharsets.UTF_8);

        await().atMost(WAIT).until(() -> messages().getReceivedCounter() == 1);
        Exchange exchange = messages().getExchanges().get(0);
        assertThat(exchange.getIn().getHeader(Gb28181Constants.EVENT_TYPE)).isEqualTo("RAW");
        assertThat(exchange.getIn().getHeader(Gb28181Constants.CMD_TYPE)).isEqualTo("SensorCatalog");
    }

    @Test
    void malformedAndHostileBodiesGet400AndTheServerKeepsServing() throws Exception {
        device.connect(sipPort, "UDP");
        device.register(3600);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                     + "<Notify><CmdType>Keepalive</CmdType><SN>1</SN><DeviceID>&x;</DeviceID></Notify>";

        assertThat(device.sendManscdp(xxe, StandardCharsets.UTF_8).status()).isEqualTo(400);
        assertThat(device.sendManscdp("<Notify><CmdType>Keep", StandardCharsets.UTF_8).status()).isEqualTo(400);
        try (SipPeer garbage = SipPeer.udp(sipPort)) {
            garbage.send("THIS IS NOT SIP\r\n\r\n");
            garbage.send(new byte[] { 0, 1, 2, 3, (byte) 0xff });
        }

        assertThat(device.keepalive().status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> messages().getReceivedCounter() == 1);
        assertThat(messages().getExchanges().get(0).getIn().getHeader(Gb28181Constants.EVENT_TYPE)).isEqualTo("KEEPALIVE");
    }

    @Test
    void aFloodOfBadBodiesIsAnsweredInFullButLoggedInBrief() throws Exception {
        device.connect(sipPort, "UDP");
        device.register(3600);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger handlerLog = (Logger) LoggerFactory.getLogger(MessageHandler.class);
        handlerLog.addAppender(logs);
        try {
            for (int i = 0; i < 50; i++) {
                assertThat(device.sendManscdp("<Notify><CmdType>Keep" + i, StandardCharsets.UTF_8).status())
                        .isEqualTo(400);
            }
        } finally {
            handlerLog.detachAppender(logs);
        }
        List<ILoggingEvent> rejected = logs.list.stream()
                .filter(e -> e.getFormattedMessage().startsWith("Rejected MESSAGE")).toList();
        assertThat(rejected).hasSize(10).allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.WARN));
        assertThat(device.keepalive().status()).isEqualTo(200);
    }

    @Test
    void bodyBehindContentLengthZeroIsStillRead() throws Exception {
        device.connect(sipPort, "UDP");
        device.register(3600);
        String callId = SimulatedDevice.newId();
        String body = "<?xml version=\"1.0\"?><Notify><CmdType>Keepalive</CmdType><SN>8</SN><DeviceID>" + DEVICE
                      + "</DeviceID><Status>OK</Status></Notify>";
        String message = new String(device.manscdpMessage(callId, body.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)
                .replaceFirst("Content-Length: \\d+", "Content-Length: 0");

        device.peer().send(message);

        assertThat(device.peer().awaitResponse(callId, WAIT).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> messages().getReceivedCounter() == 1);
    }
}
