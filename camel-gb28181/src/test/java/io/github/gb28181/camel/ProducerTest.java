package io.github.gb28181.camel;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.gb28181.camel.device.DeviceRejectedException;
import io.github.gb28181.camel.device.DeviceTimeoutException;
import io.github.gb28181.camel.device.DeviceUnavailableException;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.manscdp.model.DeviceInfoResponse;
import io.github.gb28181.camel.manscdp.model.DeviceStatusResponse;
import io.github.gb28181.camel.manscdp.model.RecordInfoResponse;
import io.github.gb28181.camel.manscdp.model.ResultResponse;
import io.github.gb28181.camel.sip.transport.SipServer;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ProducerTest extends Gb28181TestSupport {

    static final String DEVICE = "34020000001320000001";
    static final String CHANNEL = "34020000001310000001";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=DEVICE_INFO,CATALOG").to("mock:events");
            }
        };
    }

    @Override
    protected void configure(Gb28181Configuration configuration) {
        configuration.setAggregationTimeout(2000);
    }

    private void registered() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
    }

    /** The next MESSAGE the platform sends the device, answered with 200, as decoded XML text. */
    private SipText nextRequest() throws Exception {
        SipText request = device.peer().awaitRequest("MESSAGE", WAIT);
        device.answer(request, 200, "OK");
        return request;
    }

    static String xml(SipText request) {
        return new String(request.body(), Charset.forName("GB2312"));
    }

    static int sn(SipText request) {
        Matcher m = Pattern.compile("<SN>(\\d+)</SN>").matcher(xml(request));
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void deviceInfoQueryCompletesWithTheDevicesResponse() throws Exception {
        registered();
        CompletableFuture<Exchange> reply = template.asyncSend("gb28181:deviceInfo?deviceId=" + DEVICE, e -> { });

        SipText query = nextRequest();
        assertThat(query.requestUri()).startsWith("sip:" + DEVICE + "@127.0.0.1:" + device.peer().localPort());
        assertThat(query.header("To")).doesNotContain("tag=");
        assertThat(query.header("Content-Type")).isEqualToIgnoringCase("Application/MANSCDP+xml");
        assertThat(xml(query)).contains("<Query>").contains("<CmdType>DeviceInfo</CmdType>")
                .contains("<DeviceID>" + DEVICE + "</DeviceID>");
        device.sendManscdp("<?xml version=\"1.0\" encoding=\"GB2312\"?><Response><CmdType>DeviceInfo</CmdType><SN>"
                           + sn(query) + "</SN><DeviceID>" + DEVICE + "</DeviceID><DeviceName>门口</DeviceName>"
                           + "<Result>OK</Result><Manufacturer>Hikvision</Manufacturer><Model>DS-2CD</Model>"
                           + "</Response>", Charset.forName("GB2312"));

        Exchange exchange = reply.get(10, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isNull();
        DeviceInfoResponse info = exchange.getMessage().getBody(DeviceInfoResponse.class);
        assertThat(info.getDeviceName()).isEqualTo("门口");
        assertThat(info.getManufacturer()).isEqualTo("Hikvision");
        assertThat(exchange.getMessage().getHeader(Gb28181Constants.SN)).isEqualTo(sn(query));
        // the answer still reaches passive listeners
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        events.assertIsSatisfied();
    }

    @Test
    void anAnsweredQueryLeavesNoTransactionBehindAfterASecond() throws Exception {
        registered();
        SipServer server = gb28181().runningServers().get(0).sipServer();
        int held = server.clientTransactions();
        CompletableFuture<Exchange> reply = template.asyncSend("gb28181:deviceStatus?deviceId=" + DEVICE, e -> { });
        SipText query = nextRequest();
        assertThat(server.clientTransactions()).isEqualTo(held + 1);
        device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>DeviceStatus</CmdType><SN>" + sn(query)
                           + "</SN><DeviceID>" + DEVICE + "</DeviceID><Result>OK</Result><Online>ONLINE</Online>"
                           + "</Response>", StandardCharsets.UTF_8);
        assertThat(reply.get(10, TimeUnit.SECONDS).getException()).isNull();

        // Timer K is 1 s, not jain-sip's 5 s: a storm's queries do not pile up answered transactions
        await().atMost(Duration.ofSeconds(4)).until(() -> server.clientTransactions() == held);
    }

    /** A device that answers with its own SN counter: the only DeviceStatus query pending is the one it answers. */
    @Test
    void anAnswerWithTheDevicesOwnSnCompletesTheOnlyQueryOfItsCmdType() throws Exception {
        registered();
        CompletableFuture<Exchange> reply = template.asyncSend("gb28181:deviceStatus?deviceId=" + DEVICE, e -> { });
        SipText query = nextRequest();
        int ownSn = sn(query) + 7000;
        device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>DeviceStatus</CmdType><SN>" + ownSn
                           + "</SN><DeviceID>" + DEVICE + "</DeviceID><Result>OK</Result><Online>ONLINE</Online>"
                           + "<Status>OK</Status></Response>", StandardCharsets.UTF_8);

        Exchange exchange = reply.get(10, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(DeviceStatusResponse.class).getSn()).isEqualTo(ownSn);
        assertThat(gb28181().runningServers().get(0).waiters().matchedByCmdType()).isEqualTo(1);

        // two DeviceInfo queries pending: an answer with an unknown SN could be either, so it completes neither
        CompletableFuture<Exchange> first = template.asyncSend("gb28181:deviceInfo?deviceId=" + DEVICE + "&timeout=1500",
                e -> { });
        SipText firstQuery = nextRequest();
        CompletableFuture<Exchange> second = template.asyncSend("gb28181:deviceInfo?deviceId=" + DEVICE + "&timeout=1500",
                e -> { });
        nextRequest();
        device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>DeviceInfo</CmdType><SN>" + (sn(firstQuery) + 7000)
                           + "</SN><DeviceID>" + DEVICE + "</DeviceID><Result>OK</Result></Response>",
                StandardCharsets.UTF_8);
        assertThat(first.get(10, TimeUnit.SECONDS).getException()).isInstanceOf(DeviceTimeoutException.class);
        assertThat(second.get(10, TimeUnit.SECONDS).getException()).isInstanceOf(DeviceTimeoutException.class);
        assertThat(gb28181().runningServers().get(0).waiters().matchedByCmdType()).isEqualTo(1);
    }

    @Test
    void catalogOf1000ChannelsInChunksIsOneReply() throws Exception {
        registered();
        CompletableFuture<Exchange> reply = template.asyncSend("gb28181:catalog",
                e -> e.getIn().setHeader(Gb28181Constants.DEVICE_ID, DEVICE));
        int sn = sn(nextRequest());

        List<String> parts = new ArrayList<>();
        for (int part = 0; part < 250; part++) {
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                items.append("<Item><DeviceID>3402000000131").append(String.format("%07d", part * 4 + i))
                        .append("</DeviceID><Name>cam</Name><Status>ON</Status></Item>");
            }
            parts.add("<?xml version=\"1.0\"?><Response><CmdType>Catalog</CmdType><SN>" + sn + "</SN><DeviceID>"
                      + DEVICE + "</DeviceID><SumNum>1000</SumNum><DeviceList Num=\"4\">" + items
                      + "</DeviceList></Response>");
        }
        List<String> sent = new ArrayList<>(parts);
        sent.addAll(parts.subList(0, 40));
        Collections.shuffle(sent, new Random(7));
        for (String part : sent) {
            device.sendManscdp(part, StandardCharsets.UTF_8);
        }

        Exchange exchange = reply.get(10, TimeUnit.SECONDS);
        CatalogResponse catalog = exchange.getMessage().getBody(CatalogResponse.class);
        assertThat(catalog.getItems()).hasSize(1000);
        assertThat(catalog.getItems()).extracting(i -> i.getDeviceId()).doesNotHaveDuplicates();
        assertThat(exchange.getMessage().getHeader(Gb28181Constants.PARTIAL)).isNull();
        assertThat(gb28181().getDeviceRegistry().find(DEVICE).orElseThrow().getChannelCount()).isEqualTo(1000);
    }

    @Test
    void recordInfoGoesToTheDeviceOwningTheChannel() throws Exception {
        registered();
        CompletableFuture<Exchange> catalog = template.asyncSend("gb28181:catalog?deviceId=" + DEVICE, e -> { });
        device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>Catalog</CmdType><SN>" + sn(nextRequest())
                           + "</SN><DeviceID>" + DEVICE + "</DeviceID><SumNum>1</SumNum><DeviceList Num=\"1\"><Item>"
                           + "<DeviceID>" + CHANNEL + "</DeviceID></Item></DeviceList></Response>", StandardCharsets.UTF_8);
        catalog.get(10, TimeUnit.SECONDS);

        CompletableFuture<Exchange> reply = template.asyncSend("gb28181:recordInfo?startTime=2024-05-01T00:00:00"
                                                               + "&endTime=2024-05-04T15:41:00",
                e -> e.getIn().setHeader(Gb28181Constants.CHANNEL_ID, CHANNEL));
        SipText query = nextRequest();
        assertThat(xml(query)).contains("<CmdType>RecordInfo</CmdType>").contains("<DeviceID>" + CHANNEL + "</DeviceID>")
                .contains("<StartTime>2024-05-01T00:00:00</StartTime>").contains("<EndTime>2024-05-04T15:41:00</EndTime>")
                .contains("<Type>all</Type>");
        device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>RecordInfo</CmdType><SN>" + sn(query)
                           + "</SN><DeviceID>" + CHANNEL + "</DeviceID><SumNum>1</SumNum><RecordList Num=\"1\"><Item>"
                           + "<DeviceID>" + CHANNEL + "</DeviceID><StartTime>2024-05-04T14:43:16</StartTime>"
                           + "<EndTime>2024-05-04T15:16:26</EndTime><Type>time</Type></Item></RecordList></Response>",
                StandardCharsets.UTF_8);

        RecordInfoResponse records = reply.get(10, TimeUnit.SECONDS).getMessage().getBody(RecordInfoResponse.class);
        assertThat(records.getItems()).singleElement()
                .satisfies(item -> assertThat(item.getStartTime()).isEqualTo("2024-05-04T14:43:16"));
    }

    @Test
    void everyQueryIsAnsweredWithItsTypedResponse() throws Exception {
        registered();
        String[][] rows = {
                { "deviceStatus", "<Result>OK</Result><Online>ONLINE</Online><Status>OK</Status>",
                  "io.github.gb28181.camel.manscdp.model.DeviceStatusResponse" },
                { "presetQuery", "<PresetList Num=\"1\"><Item><PresetID>1</PresetID><PresetName>gate</PresetName></Item>"
                                 + "</PresetList>", "io.github.gb28181.camel.manscdp.model.PresetQueryResponse" },
                { "configDownload", "<Result>OK</Result><BasicParam><Name>cam</Name><Expiration>3600</Expiration>"
                                    + "</BasicParam>", "io.github.gb28181.camel.manscdp.model.ConfigDownloadResponse" },
                { "mobilePosition", "<Result>OK</Result>", null },
                { "alarmQuery", "<Result>OK</Result>", null } };
        for (String[] row : rows) {
            CompletableFuture<Exchange> reply = template.asyncSend("gb28181:" + row[0] + "?deviceId=" + DEVICE, e -> { });
            SipText query = nextRequest();
            String cmdType = xml(query).replaceAll("(?s).*<CmdType>([^<]+)</CmdType>.*", "$1");
            assertThat(xml(query)).as(row[0]).contains("<Query>");
            device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>" + cmdType + "</CmdType><SN>" + sn(query)
                               + "</SN><DeviceID>" + DEVICE + "</DeviceID>" + row[1] + "</Response>", StandardCharsets.UTF_8);
            Exchange exchange = reply.get(10, TimeUnit.SECONDS);
            assertThat(exchange.getException()).as(row[0]).isNull();
            Object body = exchange.getMessage().getBody();
            assertThat(body).as(row[0]).isInstanceOf(io.github.gb28181.camel.manscdp.ManscdpMessage.class);
            assertThat(((io.github.gb28181.camel.manscdp.ManscdpMessage) body).getCmdType()).isEqualTo(cmdType);
            if (row[2] != null) {
                assertThat(body.getClass().getName()).as(row[0]).isEqualTo(row[2]);
            }
        }
    }

    @Test
    void deviceThatNeverAnswersFailsTheExchangeInBoundedTime() throws Exception {
        registered();
        CompletableFuture<Exchange> reply = template.asyncSend("gb28181:deviceStatus?timeout=800&deviceId=" + DEVICE, e -> { });
        nextRequest(); // accepted with 200, never answered

        Exchange exchange = reply.get(10, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isInstanceOf(DeviceTimeoutException.class)
                .hasMessageContaining("within 800 ms");
    }

    @Test
    void deviceErrorFailsTheExchangeWithItsStatus() throws Exception {
        registered();
        CompletableFuture<Exchange> reply = template.asyncSend("gb28181:deviceInfo?deviceId=" + DEVICE, e -> { });
        SipText query = device.peer().awaitRequest("MESSAGE", WAIT);
        device.answer(query, 488, "Not Acceptable Here");

        Exchange exchange = reply.get(10, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isInstanceOf(DeviceRejectedException.class);
        assertThat(((DeviceRejectedException) exchange.getException()).getStatusCode()).isEqualTo(488);
    }

    @Test
    void unknownOrOfflineDeviceFailsFastWithoutSending() throws Exception {
        registered();
        assertThatThrownBy(() -> template.requestBody("gb28181:deviceInfo?deviceId=34020000001320000099", (Object) null))
                .isInstanceOf(CamelExecutionException.class).cause().isInstanceOf(DeviceUnavailableException.class);
        assertThat(device.peer().poll(Duration.ofMillis(300))).isNull();

        assertThat(device.register(0).status()).isEqualTo(200);
        assertThatThrownBy(() -> template.requestBody("gb28181:ptz?action=up&deviceId=" + DEVICE, (Object) null))
                .cause().isInstanceOf(DeviceUnavailableException.class).hasMessageContaining("offline");
        assertThat(device.peer().poll(Duration.ofMillis(300))).isNull();
    }

    @Test
    void controlCanWaitForTheDevicesResult() throws Exception {
        registered();
        CompletableFuture<Exchange> reply = template.asyncSend("gb28181:teleBoot?waitForResult=true&deviceId=" + DEVICE,
                e -> { });
        SipText control = nextRequest();
        assertThat(xml(control)).contains("<Control>").contains("<CmdType>DeviceControl</CmdType>")
                .contains("<TeleBoot>Boot</TeleBoot>");
        device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>DeviceControl</CmdType><SN>" + sn(control)
                           + "</SN><DeviceID>" + DEVICE + "</DeviceID><Result>OK</Result></Response>", StandardCharsets.UTF_8);

        ResultResponse result = reply.get(10, TimeUnit.SECONDS).getMessage().getBody(ResultResponse.class);
        assertThat(result.getResult()).isEqualTo("OK");
    }

    @Test
    void badCommandOptionsFailWithAClearException() throws Exception {
        registered();
        // what the URI names fails the route at start (UriMistakesTest); what headers name fails its exchange
        assertThatThrownBy(() -> template.requestBodyAndHeader("gb28181:ptz?deviceId=" + DEVICE, null,
                Gb28181Constants.ACTION, "sideways"))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown ptz action 'sideways'; use one of up, down, left, right, upleft, upright, downleft,"
                            + " downright, zoomin, zoomout, stop");
        assertThatThrownBy(() -> template.requestBody("gb28181:preset?action=call&deviceId=" + DEVICE, (Object) null))
                .cause().hasMessageContaining("index");
        assertThatThrownBy(() -> template.requestBodyAndHeader("gb28181:catalog?deviceId=" + DEVICE, null,
                Gb28181Constants.COMMAND, "nonsense"))
                .cause().hasMessageStartingWith("Unknown gb28181 command 'nonsense'; use one of events, catalog,");
    }
}
