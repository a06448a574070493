package io.github.gb28181.camel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.gb28181.camel.device.DeviceChannel;
import io.github.gb28181.camel.manscdp.model.AlarmNotify;
import io.github.gb28181.camel.manscdp.model.CatalogItem;
import io.github.gb28181.camel.manscdp.model.CatalogNotify;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.manscdp.model.DeviceInfoResponse;
import io.github.gb28181.camel.manscdp.model.RecordInfoResponse;
import io.github.gb28181.camel.manscdp.model.ResultResponse;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.Exchange;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.upstream.UpstreamStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two of our platforms in one context: the lower one (component gb28181) registers to the upper one (component
 * upper) as a lower platform, and the upper one sees, queries and controls the lower one's channels as it would a
 * device's.
 */
class CascadeTest extends Gb28181TestSupport {

    static final String UPPER_ID = "44010000002000000001";
    static final String LOWER_ID = "34020000002000000001";
    static final String DEVICE = "34020000001320000001";
    static final String UPPER_PASSWORD = "upper-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final int upperPort = FreePorts.udpAndTcp();

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        Gb28181Component upper = new Gb28181Component();
        upper.getConfiguration().setHost("127.0.0.1");
        upper.getConfiguration().setPort(upperPort);
        upper.getConfiguration().setServerId(UPPER_ID);
        upper.getConfiguration().setDomain(UPPER_ID.substring(0, 10));
        upper.getConfiguration().setPassword(UPPER_PASSWORD);
        context.addComponent("upper", upper);
        context.getComponent("gb28181", Gb28181Component.class).addUpstream(upstream());
        return context;
    }

    private Gb28181Upstream upstream() {
        Gb28181Upstream upstream = new Gb28181Upstream();
        upstream.setName("city");
        upstream.setAddress("127.0.0.1:" + upperPort);
        upstream.setServerId(UPPER_ID);
        upstream.setPassword(UPPER_PASSWORD);
        upstream.setKeepaliveInterval(1000);
        upstream.setKeepaliveMisses(2);
        upstream.setRequestTimeout(3000);
        // over TCP, 25 items a MESSAGE (sipp's test shows UDP: as many as fit 1300 bytes)
        upstream.setTransport("TCP");
        upstream.setItemsPerMessage(25);
        return upstream;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upper:events?types=REGISTER,ONLINE,OFFLINE").routeId("upper-events").to("mock:upper-events");
                from("upper:events?types=ALARM,CATALOG").routeId("upper-documents").to("mock:upper-documents");
                // routes see the traffic with the upper platform, and may refuse or change it
                from("gb28181:upstream").to("mock:traffic");
                from("gb28181:upstream?veto=true")
                        .choice()
                            .when(simple("${header.CamelGb28181Direction} == 'IN' && ${header.CamelGb28181CmdType} == 'DeviceStatus'"))
                                .setHeader(Gb28181Constants.VETO, constant(403))
                            .when(simple("${header.CamelGb28181Direction} == 'OUT' && ${header.CamelGb28181CmdType} == 'DeviceInfo'"))
                                .process(e -> e.getMessage().getBody(DeviceInfoResponse.class).setDeviceName("enriched"))
                        .end();
                from("gb28181:events?types=UPSTREAM_ONLINE,UPSTREAM_OFFLINE").to("mock:upstream");
            }
        };
    }

    private Gb28181Component upper() {
        return context.getComponent("upper", Gb28181Component.class);
    }

    @Test
    void theLowerPlatformRegistersWithDigestAndComesOnline() throws Exception {
        await().atMost(WAIT).until(() -> upper().getDeviceRegistry().find(LOWER_ID).map(d -> d.isOnline())
                .orElse(false));
        await().atMost(WAIT).until(() -> !getMockEndpoint("mock:upstream").getExchanges().isEmpty());
        UpstreamStatus status = getMockEndpoint("mock:upstream").getExchanges().get(0).getIn()
                .getBody(UpstreamStatus.class);
        assertThat(status.online()).isTrue();
        assertThat(status.serverId()).isEqualTo(UPPER_ID);
        assertThat(status.name()).isEqualTo("city");
        assertThat(getMockEndpoint("mock:upstream").getExchanges().get(0).getIn()
                .getHeader(Gb28181Constants.EVENT_TYPE)).isEqualTo("UPSTREAM_ONLINE");
    }

    @Test
    void theUpperPlatformListsTheLowerPlatformsThousandChannelsAndAsksItsDeviceInfo() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        List<DeviceChannel> channels = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            channels.add(new DeviceChannel(String.format("340200000013100%05d", i), DEVICE, "cam " + i, "Acme", "X1",
                    "ON", DEVICE));
        }
        gb28181().getDeviceRegistry().updateChannels(DEVICE, channels, true);
        await().atMost(WAIT).until(() -> upper().getDeviceRegistry().find(LOWER_ID).map(d -> d.isOnline())
                .orElse(false));

        Exchange answered = template.request("upper:catalog?timeout=20000&deviceId=" + LOWER_ID, e -> { });
        assertThat(answered.getMessage().getHeader(Gb28181Constants.PARTIAL)).isNull();
        CatalogResponse catalog = answered.getMessage().getBody(CatalogResponse.class);
        assertThat(catalog.getItems()).extracting(i -> i.getDeviceId())
                .containsExactlyInAnyOrderElementsOf(channels.stream().map(DeviceChannel::channelId).toList());
        assertThat(catalog.getItems()).allSatisfy(i -> assertThat(i.getStatus()).isEqualTo("ON"));
        assertThat(catalog.getSumNum()).isEqualTo(1000);
        assertThat(upper().getDeviceRegistry().find(LOWER_ID).orElseThrow().getChannelCount()).isEqualTo(1000);

        DeviceInfoResponse info = template.requestBody("upper:deviceInfo?deviceId=" + LOWER_ID, null,
                DeviceInfoResponse.class);
        assertThat(info.getDeviceId()).isEqualTo(LOWER_ID);
        assertThat(info.getChannel()).isEqualTo(1000);
    }

    @Test
    void routesSeeTheUpperPlatformsTrafficAndMayRefuseOrChangeIt() throws Exception {
        await().atMost(WAIT).until(() -> upper().getDeviceRegistry().find(LOWER_ID).map(d -> d.isOnline())
                .orElse(false));
        Exchange refused = template.request("upper:deviceStatus?deviceId=" + LOWER_ID, e -> { });
        assertThat(refused.getException()).isInstanceOf(io.github.gb28181.camel.device.DeviceRejectedException.class);
        assertThat(((io.github.gb28181.camel.device.DeviceRejectedException) refused.getException()).getStatusCode())
                .isEqualTo(403);

        DeviceInfoResponse info = template.requestBody("upper:deviceInfo?deviceId=" + LOWER_ID, null,
                DeviceInfoResponse.class);
        assertThat(info.getDeviceName()).isEqualTo("enriched");

        MockEndpoint traffic = getMockEndpoint("mock:traffic");
        await().atMost(WAIT).until(() -> traffic.getExchanges().stream().anyMatch(e -> "OUT".equals(
                e.getIn().getHeader(Gb28181Constants.DIRECTION)) && "DeviceInfo".equals(
                        e.getIn().getHeader(Gb28181Constants.CMD_TYPE))));
        Exchange asked = traffic.getExchanges().stream().filter(e -> "IN".equals(e.getIn().getHeader(
                Gb28181Constants.DIRECTION)) && "DeviceInfo".equals(e.getIn().getHeader(Gb28181Constants.CMD_TYPE)))
                .findFirst().orElseThrow();
        assertThat(asked.getIn().getHeader(Gb28181Constants.UPSTREAM)).isEqualTo("city");
        assertThat(asked.getIn().getHeader(Gb28181Constants.DEVICE_ID)).isEqualTo(UPPER_ID);
        assertThat(asked.getIn().getHeader(Gb28181Constants.METHOD)).isEqualTo("MESSAGE");
        assertThat(asked.getIn().getHeader(Gb28181Constants.CHANNEL_ID)).isEqualTo(LOWER_ID);
    }

    @Test
    void anUpperPlatformThatForgotUsOrWentAwayIsRegisteredToAgain() throws Exception {
        MockEndpoint upstream = getMockEndpoint("mock:upstream");
        await().atMost(WAIT).until(() -> upstream.getReceivedCounter() == 1);

        // it restarted without its registry: the next keepalive is refused, and we register again at once
        upper().getDeviceRegistry().clear();
        await().atMost(WAIT).until(() -> offlineReasons(upstream).size() == 1);
        assertThat(offlineReasons(upstream).get(0)).isEqualTo("keepalive refused: 403 Device not registered");
        await().atMost(WAIT).until(() -> upper().getDeviceRegistry().find(LOWER_ID).map(d -> d.isOnline())
                .orElse(false));

        // it stopped: keepalives go unanswered, we are offline, and registered again once it is back
        context.getRouteController().stopRoute("upper-events");
        context.getRouteController().stopRoute("upper-documents");
        await().atMost(WAIT).until(() -> offlineReasons(upstream).size() == 2);
        assertThat(offlineReasons(upstream).get(1)).isEqualTo("2 keepalives unanswered");
        assertThat(gb28181().getUpstreamLinks().get(0).isOnline()).isFalse();

        context.getRouteController().startRoute("upper-events");
        context.getRouteController().startRoute("upper-documents");
        await().atMost(WAIT).until(() -> gb28181().getUpstreamLinks().get(0).isOnline());
        List<String> types = upstream.getExchanges().stream()
                .map(e -> e.getIn().getHeader(Gb28181Constants.EVENT_TYPE, String.class)).toList();
        assertThat(types).containsExactly("UPSTREAM_ONLINE", "UPSTREAM_OFFLINE", "UPSTREAM_ONLINE",
                "UPSTREAM_OFFLINE", "UPSTREAM_ONLINE");
    }

    private static List<String> offlineReasons(MockEndpoint upstream) {
        return upstream.getExchanges().stream().map(e -> e.getIn().getBody(UpstreamStatus.class))
                .filter(status -> !status.online()).map(UpstreamStatus::reason).toList();
    }

    @Test
    void aWrongPasswordIsRefusedAndTriedAgainLater() throws Exception {
        await().atMost(WAIT).until(() -> gb28181().getUpstreamLinks().get(0).isOnline());
        Gb28181Upstream wrong = upstream();
        wrong.setName("wrong");
        wrong.setLocalId("34020000002000000002");
        wrong.setPassword("not-it");
        gb28181().addUpstream(wrong);
        // the 401 is answered, the 403 that follows is a refusal: never online, and the right link is unharmed
        var link = gb28181().getUpstreamLinks().stream().filter(l -> l.settings().name().equals("wrong")).findFirst()
                .orElseThrow();
        await().atMost(WAIT).until(() -> link.status().reason() != null);
        assertThat(link.status().reason()).isEqualTo("REGISTER refused: 403 Authentication failed");
        assertThat(link.isOnline()).isFalse();
        assertThat(upper().getDeviceRegistry().find("34020000002000000002")).isEmpty();
        assertThat(gb28181().getUpstreamLinks()).filteredOn(l -> !l.settings().name().equals("wrong"))
                .singleElement().satisfies(l -> assertThat(l.isOnline()).isTrue());
        assertThat(gb28181().removeUpstream("wrong")).isTrue();
        assertThat(gb28181().getUpstreamLinks()).hasSize(1);
    }

    static final String CHANNEL = "34020000001310000001";

    /** The device registered below with one channel, and the upper platform knowing it from the lower's catalog. */
    private void deviceSharedUpward() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);
        gb28181().getDeviceRegistry().updateChannels(DEVICE, List.of(new DeviceChannel(CHANNEL, DEVICE, "cam", "Acme",
                "X1", "ON", DEVICE)), true);
        await().atMost(WAIT).until(() -> upper().getDeviceRegistry().find(LOWER_ID).map(d -> d.isOnline())
                .orElse(false));
        template.requestBody("upper:catalog?timeout=20000&deviceId=" + LOWER_ID, null, CatalogResponse.class);
        assertThat(upper().getDeviceRegistry().owner(CHANNEL)).hasValueSatisfying(
                d -> assertThat(d.getDeviceId()).isEqualTo(LOWER_ID));
    }

    @Test
    void ptzFromTheUpperPlatformReachesTheDeviceByteForByte() throws Exception {
        deviceSharedUpward();
        template.sendBody("upper:ptz?action=up&speed=100&channelId=" + CHANNEL, null);

        SipText message = device.peer().awaitRequest("MESSAGE", WAIT);
        device.answer(message, 200, "OK");
        String body = message.bodyText();
        assertThat(body).contains("<CmdType>DeviceControl</CmdType>", "<DeviceID>" + CHANNEL + "</DeviceID>",
                "<PTZCmd>A50F000800640020</PTZCmd>");
        assertThat(message.header("Content-Type")).isEqualToIgnoringCase("Application/MANSCDP+xml");
    }

    @Test
    void aControlsResultFromTheDeviceReachesTheUpperPlatform() throws Exception {
        deviceSharedUpward();
        CompletableFuture<Exchange> reply = template.asyncSend("upper:record?action=start&waitForResult=true&channelId="
                                                               + CHANNEL, e -> { });
        SipText message = device.peer().awaitRequest("MESSAGE", WAIT);
        device.answer(message, 200, "OK");
        String sn = message.bodyText().replaceAll("(?s).*<SN>(\\d+)</SN>.*", "$1");
        assertThat(device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>DeviceControl</CmdType><SN>" + sn
                                      + "</SN><DeviceID>" + CHANNEL + "</DeviceID><Result>OK</Result></Response>",
                StandardCharsets.UTF_8).status()).isEqualTo(200);

        Exchange done = reply.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        ResultResponse result = done.getMessage().getBody(ResultResponse.class);
        assertThat(result.getResult()).isEqualTo("OK");
        assertThat(result.getDeviceId()).isEqualTo(CHANNEL);
    }

    @Test
    void recordInfoFromTheUpperPlatformIsAnsweredByAskingTheDevice() throws Exception {
        deviceSharedUpward();
        CompletableFuture<Exchange> reply = template.asyncSend("upper:recordInfo?startTime=2024-01-01T00:00:00"
                                                               + "&endTime=2024-01-02T00:00:00&channelId=" + CHANNEL,
                e -> { });
        SipText query = device.peer().awaitRequest("MESSAGE", WAIT);
        device.answer(query, 200, "OK");
        assertThat(query.bodyText()).contains("<CmdType>RecordInfo</CmdType>", "<StartTime>2024-01-01T00:00:00");
        String sn = query.bodyText().replaceAll("(?s).*<SN>(\\d+)</SN>.*", "$1");
        assertThat(device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>RecordInfo</CmdType><SN>" + sn
                                      + "</SN><DeviceID>" + CHANNEL + "</DeviceID><Name>cam</Name><SumNum>2</SumNum>"
                                      + "<RecordList Num=\"2\"><Item><DeviceID>" + CHANNEL + "</DeviceID><Name>a</Name>"
                                      + "<StartTime>2024-01-01T01:00:00</StartTime><EndTime>2024-01-01T02:00:00</EndTime>"
                                      + "<Secrecy>0</Secrecy><Type>time</Type></Item><Item><DeviceID>" + CHANNEL
                                      + "</DeviceID><Name>b</Name><StartTime>2024-01-01T03:00:00</StartTime>"
                                      + "<EndTime>2024-01-01T04:00:00</EndTime><Secrecy>0</Secrecy><Type>time</Type>"
                                      + "</Item></RecordList></Response>", StandardCharsets.UTF_8).status())
                .isEqualTo(200);

        Exchange done = reply.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        RecordInfoResponse records = done.getMessage().getBody(RecordInfoResponse.class);
        assertThat(records.getItems()).hasSize(2);
        assertThat(records.getItems().get(1).getStartTime()).isEqualTo("2024-01-01T03:00:00");
    }

    @Test
    void aDevicesAlarmIsForwardedToTheUpperPlatform() throws Exception {
        deviceSharedUpward();
        assertThat(device.sendManscdp("<?xml version=\"1.0\"?><Notify><CmdType>Alarm</CmdType><SN>77</SN><DeviceID>"
                                      + CHANNEL + "</DeviceID><AlarmPriority>1</AlarmPriority><AlarmMethod>5"
                                      + "</AlarmMethod><AlarmTime>2024-01-01T01:02:03</AlarmTime></Notify>",
                StandardCharsets.UTF_8).status()).isEqualTo(200);

        await().atMost(WAIT).until(() -> getMockEndpoint("mock:upper-documents").getExchanges().stream()
                .anyMatch(e -> e.getIn().getBody() instanceof AlarmNotify));
        Exchange alarm = getMockEndpoint("mock:upper-documents").getExchanges().stream()
                .filter(e -> e.getIn().getBody() instanceof AlarmNotify).findFirst().orElseThrow();
        assertThat(alarm.getIn().getHeader(Gb28181Constants.DEVICE_ID)).isEqualTo(LOWER_ID);
        assertThat(alarm.getIn().getHeader(Gb28181Constants.CHANNEL_ID)).isEqualTo(CHANNEL);
        assertThat(alarm.getIn().getBody(AlarmNotify.class).getAlarmTime()).isEqualTo("2024-01-01T01:02:03");
    }

    @Test
    void aCatalogSubscriptionFromAboveHearsOfChannelsAddedAndDevicesGoingOffline() throws Exception {
        deviceSharedUpward();
        template.requestBody("upper:subscribe?subscription=catalog&expires=600&deviceId=" + LOWER_ID, (Object) null);
        getMockEndpoint("mock:upper-documents").reset();

        String added = "34020000001310000002";
        gb28181().getDeviceRegistry().updateChannels(DEVICE, List.of(new DeviceChannel(CHANNEL, DEVICE, "cam", "Acme",
                "X1", "ON", DEVICE), new DeviceChannel(added, DEVICE, "new cam", "Acme", "X1", "ON", DEVICE)), true);
        // the registry changed behind the platform's back: a catalog from the device is what reports it
        assertThat(device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>Catalog</CmdType><SN>5</SN><DeviceID>"
                                      + DEVICE + "</DeviceID><SumNum>2</SumNum><DeviceList Num=\"2\"><Item><DeviceID>"
                                      + CHANNEL + "</DeviceID><Name>cam</Name><Status>ON</Status></Item><Item>"
                                      + "<DeviceID>" + added + "</DeviceID><Name>new cam</Name><Status>ON</Status>"
                                      + "</Item></DeviceList></Response>", StandardCharsets.UTF_8).status())
                .isEqualTo(200);
        CatalogItem addition = awaitCatalogChange(added);
        assertThat(addition.getEvent()).isEqualTo("ADD");
        assertThat(addition.getName()).isEqualTo("new cam");

        assertThat(device.register(0).status()).isEqualTo(200);
        CatalogItem off = awaitCatalogChange(CHANNEL);
        assertThat(off.getEvent()).isEqualTo("OFF");
    }

    private CatalogItem awaitCatalogChange(String channelId) {
        return await().atMost(WAIT).until(() -> getMockEndpoint("mock:upper-documents").getExchanges().stream()
                .map(e -> e.getIn().getBody())
                .filter(CatalogNotify.class::isInstance).map(CatalogNotify.class::cast)
                .flatMap(n -> n.getItems().stream()).filter(i -> channelId.equals(i.getDeviceId()))
                .reduce((first, second) -> second).orElse(null), java.util.Objects::nonNull);
    }
}
