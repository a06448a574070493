package io.github.gb28181.camel;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.device.DeviceUnsupportedException;
import io.github.gb28181.camel.device.GbVersion;
import io.github.gb28181.camel.device.Position;
import io.github.gb28181.camel.event.EventType;
import io.github.gb28181.camel.event.Registration;
import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.Resources;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.manscdp.model.ConfigDownloadResponse;
import io.github.gb28181.camel.manscdp.model.CruiseTrackListResponse;
import io.github.gb28181.camel.manscdp.model.CruiseTrackResponse;
import io.github.gb28181.camel.manscdp.model.DeviceConfig;
import io.github.gb28181.camel.manscdp.model.DeviceControl;
import io.github.gb28181.camel.manscdp.model.DeviceUpgradeResultNotify;
import io.github.gb28181.camel.manscdp.model.HomePositionQueryResponse;
import io.github.gb28181.camel.manscdp.model.MobilePositionNotify;
import io.github.gb28181.camel.manscdp.model.PtzPositionNotify;
import io.github.gb28181.camel.manscdp.model.PtzPositionResponse;
import io.github.gb28181.camel.manscdp.model.PtzPreciseCtrl;
import io.github.gb28181.camel.manscdp.model.RecordInfoResponse;
import io.github.gb28181.camel.manscdp.model.ResultResponse;
import io.github.gb28181.camel.manscdp.model.SdCardStatusResponse;
import io.github.gb28181.camel.manscdp.model.SnapShotConfig;
import io.github.gb28181.camel.manscdp.model.StandardTypes;
import io.github.gb28181.camel.manscdp.model.UploadSnapShotFinishedNotify;
import io.github.gb28181.camel.manscdp.model.VideoUploadNotify;
import io.github.gb28181.camel.sip.command.SubscriptionManager;
import io.github.gb28181.camel.sip.media.MediaSession;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A simulated GB/T 28181-2022 device (X-GB-Ver: 3.0) driven through every 2022 command by the YAML routes of
 * {@code routes/revision-2022.yaml}. What the device receives must be, byte for byte, the standard's document: each is
 * compared with the sample of its schema fragment under {@code manscdp/gb2022/} (the samples Revision2022DocumentsTest
 * proves the codec against), SN aside, and in GB18030, the 2022 signalling charset, since the device declared none.
 * The device answers with the standard's answers, and the route must get them typed; its notifications must become
 * the new events and change the registry.
 */
class Revision2022DeviceTest extends Gb28181TestSupport {

    /** The id the standard's sample documents name. */
    static final String DEVICE = "34020000001320000001";
    static final String CAMERA = "34020000001320000011";
    static final String MOBILE = "34020000001320000012";
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern SN = Pattern.compile("<SN>(\\d+)</SN>");
    private static final String SAMPLE_SESSION = "0123456789abcdef0123456789ABCDEF-2022";

    private final ManscdpCodec codec = StandardTypes.codec();

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD).gbVersion("3.0");

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=REGISTER,MOBILE_POSITION,PTZ_POSITION,UPLOAD_SNAPSHOT_FINISHED,VIDEO_UPLOAD,"
                     + "DEVICE_UPGRADE_RESULT").to("mock:events");
            }
        };
    }

    @BeforeEach
    void loadTheYamlRoutesAndRegister() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context,
                "classpath:routes/revision-2022.yaml"));
        device.connect(sipPort, "UDP");
        SipText ok = device.register(3600);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("X-GB-Ver")).isEqualTo("3.0");
    }

    @Test
    void theDeviceIsKnownAsA2022Device() throws Exception {
        Device known = gb28181().getDeviceRegistry().find(DEVICE).orElseThrow();
        assertThat(known.getGbVersion()).isEqualTo(GbVersion.V3_0);
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMinimumMessageCount(1);
        events.assertIsSatisfied(WAIT.toMillis());
        Registration registration = events.getExchanges().get(0).getIn().getBody(Registration.class);
        assertThat(registration.gbVersion()).isEqualTo("3.0");
    }

    @Test
    void everyNewQueryGoesOutAsTheStandardWritesItAndItsAnswerComesBackTyped() throws Exception {
        HomePositionQueryResponse home = query("direct:homePositionQuery", null, "A.2.4.10-home-position-query",
                "A.2.6.12-home-position-response", HomePositionQueryResponse.class);
        assertThat(home.getHomePosition().getEnabled()).isEqualTo(1);
        assertThat(home.getHomePosition().getResetTime()).isEqualTo(60);
        assertThat(home.getHomePosition().getPresetIndex()).isEqualTo(1);

        CruiseTrackListResponse tracks = query("direct:cruiseTrackList", null, "A.2.4.11-cruise-track-list-query",
                "A.2.6.13-cruise-track-list-response", CruiseTrackListResponse.class);
        assertThat(tracks.getCruiseTracks()).extracting(t -> t.getNumber() + " " + t.getName())
                .containsExactly("0 夜巡", "1 day");

        CruiseTrackResponse track = query("direct:cruiseTrack", null, "A.2.4.12-cruise-track-query",
                "A.2.6.14-cruise-track-response", CruiseTrackResponse.class);
        assertThat(track.getName()).isEqualTo("夜巡");
        assertThat(track.getCruisePoints()).extracting(p -> p.getPresetIndex() + "@" + p.getStayTime() + "s/" + p.getSpeed())
                .containsExactly("1@15s/8", "2@30s/15");

        PtzPositionResponse ptz = query("direct:ptzPosition", null, "A.2.4.13-ptz-position-query",
                "A.2.6.15-ptz-position-response", PtzPositionResponse.class);
        assertThat(ptz.getPan()).isEqualTo(359.99);
        assertThat(ptz.getTilt()).isEqualTo(-30.0);
        assertThat(ptz.getMaxViewDistance()).isEqualTo(150.0);

        SdCardStatusResponse cards = query("direct:sdCardStatus", null, "A.2.4.14-sdcard-status-query",
                "A.2.6.16-sdcard-status-response", SdCardStatusResponse.class);
        assertThat(cards.getCards()).extracting(c -> c.getHddName() + " " + c.getStatus())
                .containsExactly("SD卡1 ok", "SD2 formatting");
        assertThat(cards.getCards().get(1).getFormatProgress()).isEqualTo(45);

        // the standard's sample of the 2022 RecordInfo query has IndistinctQuery, which the command leaves out
        RecordInfoResponse records = query("direct:recordInfo", null, "A.2.4.5-record-info-query",
                xml -> xml.replace("<IndistinctQuery>0</IndistinctQuery>\r\n", ""),
                "A.2.6.7-record-info-2022-item", RecordInfoResponse.class);
        assertThat(records.getItems()).singleElement().satisfies(item -> {
            assertThat(item.getRecordLocation()).isEqualTo("34020000001180000001");
            assertThat(item.getStreamNumber()).isEqualTo(1);
        });
    }

    @Test
    void aConfigDownloadOfEveryNewSetIsAnsweredSetBySetAndGathered() throws Exception {
        CompletableFuture<Exchange> reply = template.asyncSend("direct:configDownload", e -> { });
        int sn = receive("MESSAGE", "A.2.4.7-config-download-query", UnaryOperator.identity());
        // the device answers in two responses with the query's SN, as A.2.4.7 allows: BasicParam and VideoParamOpt
        // come in neither, so the first part only has the first four sets, the second the rest
        String whole = sample("A.2.6.9-config-download-response", sn);
        String first = whole.replaceAll("(?s)<BasicParam>.*?</VideoParamOpt>\r\n", "")
                .replaceAll("(?s)<FrameMirror>.*?</SnapShot>\r\n", "");
        String second = whole.replaceAll("(?s)<BasicParam>.*?</PictureMask>\r\n", "");
        assertThat(device.sendManscdp(first, GB18030).status()).isEqualTo(200);
        assertThat(reply).as("half the sets are in: the reply waits for the rest").isNotDone();
        assertThat(device.sendManscdp(second, GB18030).status()).isEqualTo(200);

        ConfigDownloadResponse config = reply.get(10, TimeUnit.SECONDS).getMessage().getBody(ConfigDownloadResponse.class);
        assertThat(config.getSn()).isEqualTo(sn);
        assertThat(config.getVideoParamAttribute().getStreams()).singleElement()
                .satisfies(item -> assertThat(item.getFrameRate()).isEqualTo("25"));
        assertThat(config.getPictureMask().getOn()).isZero();
        assertThat(config.getFrameMirror()).isZero();
        assertThat(config.getOsdConfig().getTimeEnable()).isEqualTo(1);
        assertThat(config.getSnapShotConfig().getSessionId()).isEqualTo(SAMPLE_SESSION);
        assertThat(config.getResult()).isEqualTo("OK");
    }

    @Test
    void everyNewControlGoesOutAsTheStandardWritesIt() throws Exception {
        PtzPreciseCtrl precise = new PtzPreciseCtrl();
        precise.setPan(120.5);
        precise.setTilt(-10.25);
        precise.setZoom(36.0);
        control("direct:ptzPrecise", precise, "A.2.3.1.11-ptz-precise");

        control("direct:formatSdCard", null, "A.2.3.1.13-format-sdcard");
        control("direct:targetTrack", decode("A.2.3.1.14-target-track", DeviceControl.class).getTargetArea(),
                "A.2.3.1.14-target-track");
        // the 2022 spelling, to a device that said 3.0
        control("direct:keyFrame", null, "A.2.3.1.7-iframe");
        control("direct:record", null, "A.2.3.1.4-record-stream");
        control("direct:alarmReset", null, "A.2.3.1.6-alarm-reset");
        // a preset named as it is set: the sample names a cruise track too, which a preset command does not
        control("direct:namePreset", null, "A.2.3.1.2-ptzcmd-params",
                xml -> xml.replace("<CruiseTrackName>夜巡</CruiseTrackName>\r\n", ""));
    }

    @Test
    void anUpgradeIsAnsweredThenReportedWithItsSessionId() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        var upgrade = decode("A.2.3.1.12-device-upgrade", DeviceControl.class).getDeviceUpgrade();
        CompletableFuture<Exchange> reply = template.asyncSend("direct:deviceUpgrade", e -> e.getIn().setBody(upgrade));
        int sn = receive("MESSAGE", "A.2.3.1.12-device-upgrade", UnaryOperator.identity());
        answerResult("DeviceControl", sn);
        Exchange done = reply.get(10, TimeUnit.SECONDS);
        assertThat(done.getMessage().getBody(ResultResponse.class).getResult()).isEqualTo("OK");
        assertThat(done.getMessage().getHeader(Gb28181Constants.MANSCDP_SESSION_ID)).isEqualTo(SAMPLE_SESSION);

        // the device restarts on the new firmware, registers again, and reports
        device.register(3600);
        String result = sample("A.2.5.9-device-upgrade-result", device.nextSn())
                .replace("<UpgradeResult>ERROR</UpgradeResult>", "<UpgradeResult>OK</UpgradeResult>")
                .replace("<Firmware>V5.7.2 build 211020</Firmware>", "<Firmware>V5.7.3 build 220112</Firmware>")
                .replace("<UpgradeFailedReason>02</UpgradeFailedReason>\r\n", "");
        assertThat(device.sendManscdp(result, GB18030).status()).isEqualTo(200);
        Exchange event = awaitEvent(events, EventType.DEVICE_UPGRADE_RESULT);
        DeviceUpgradeResultNotify notify = event.getIn().getBody(DeviceUpgradeResultNotify.class);
        assertThat(notify.getSessionId()).isEqualTo(SAMPLE_SESSION);
        assertThat(gb28181().getDeviceRegistry().find(DEVICE).orElseThrow().getFirmware())
                .as("the firmware the device now runs").isEqualTo("V5.7.3 build 220112");
    }

    @Test
    void everyNewConfigurationSetIsSentAsTheStandardWritesIt() throws Exception {
        Map<String, Object> sets = Map.of(
                "A.2.3.2.5-video-param-attribute", decode("A.2.3.2.5-video-param-attribute", DeviceConfig.class)
                        .getVideoParamAttribute(),
                "A.2.3.2.6-video-record-plan", decode("A.2.3.2.6-video-record-plan", DeviceConfig.class)
                        .getVideoRecordPlan(),
                "A.2.3.2.7-video-alarm-record", decode("A.2.3.2.7-video-alarm-record", DeviceConfig.class)
                        .getVideoAlarmRecord(),
                "A.2.3.2.8-picture-mask", decode("A.2.3.2.8-picture-mask", DeviceConfig.class).getPictureMask(),
                "A.2.3.2.10-alarm-report", decode("A.2.3.2.10-alarm-report", DeviceConfig.class).getAlarmReport(),
                "A.2.3.2.11-osd-config", decode("A.2.3.2.11-osd-config", DeviceConfig.class).getOsdConfig(),
                "A.2.3.2.12-snapshot-config", decode("A.2.3.2.12-snapshot-config", DeviceConfig.class)
                        .getSnapShotConfig());
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            configure("direct:deviceConfig", set.getValue(), set.getKey());
        }
        // FrameMirror is a number: the YAML route sets the body "3"
        configure("direct:frameMirror", null, "A.2.3.2.9-frame-mirror");
    }

    @Test
    void aPictureCaptureGetsASessionIdAndItsUploadIsReportedWithIt() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        SnapShotConfig capture = decode("A.2.3.2.12-snapshot-config", DeviceConfig.class).getSnapShotConfig();
        capture.setSessionId(null);
        CompletableFuture<Exchange> reply = template.asyncSend("direct:deviceConfig", e -> e.getIn().setBody(capture));
        SipText request = device.peer().awaitRequest("MESSAGE", WAIT);
        device.answer(request, 200, "OK");
        String sent = new String(request.body(), GB18030);
        Matcher session = Pattern.compile("<SessionID>([0-9a-f]{32})</SessionID>").matcher(sent);
        assertThat(session.find()).as("a 32-digit SessionID chosen by the platform in %s", sent).isTrue();
        answerResult("DeviceConfig", sn(sent));
        assertThat(reply.get(10, TimeUnit.SECONDS).getMessage().getHeader(Gb28181Constants.MANSCDP_SESSION_ID))
                .isEqualTo(session.group(1));

        String finished = sample("A.2.5.7-upload-snapshot-finished", device.nextSn()).replace(SAMPLE_SESSION, session.group(1));
        assertThat(device.sendManscdp(finished, GB18030).status()).isEqualTo(200);
        UploadSnapShotFinishedNotify upload = awaitEvent(events, EventType.UPLOAD_SNAPSHOT_FINISHED).getIn()
                .getBody(UploadSnapShotFinishedNotify.class);
        assertThat(upload.getSessionId()).isEqualTo(session.group(1));
        assertThat(upload.getSnapShotFileIds()).containsExactly("34020000001320000001022023070108000512301",
                "34020000001320000001022023070108000712302");
    }

    @Test
    void notificationsBecomeTheirEventsAndPositionsGoToTheRegistry() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        catalogWithTwoCameras();

        assertThat(device.sendManscdp(sample("A.2.5.8-video-upload-notify", device.nextSn()), GB18030).status())
                .isEqualTo(200);
        VideoUploadNotify upload = awaitEvent(events, EventType.VIDEO_UPLOAD).getIn().getBody(VideoUploadNotify.class);
        assertThat(upload.getLongitude()).isEqualTo(116.397128);

        assertThat(device.sendManscdp(sample("A.2.5.6-mobile-position", device.nextSn()), GB18030).status())
                .isEqualTo(200);
        MobilePositionNotify positions = awaitEvent(events, EventType.MOBILE_POSITION).getIn()
                .getBody(MobilePositionNotify.class);
        assertThat(positions.getItems()).hasSize(2);
        Map<String, Position> known = gb28181().getDeviceRegistry().find(DEVICE).orElseThrow().getPositions();
        assertThat(known.get(CAMERA)).satisfies(p -> {
            assertThat(p.longitude()).isEqualTo(116.397128);
            assertThat(p.latitude()).isEqualTo(39.916527);
            assertThat(p.speed()).isEqualTo(36.5);
            assertThat(p.height()).isEqualTo(1.5);
            assertThat(p.time()).isEqualTo("2023-07-01T08:00:04");
        });
        assertThat(known.get(MOBILE).latitude()).isEqualTo(39.9);

        // a position subscription: the SUBSCRIBE carries the 2022 PTZPosition query, each change comes as a NOTIFY
        CompletableFuture<Exchange> subscribed = template.asyncSend("direct:subscribePtzPosition", e -> { });
        SipText subscribe = device.peer().awaitRequest("SUBSCRIBE", WAIT);
        assertThat(subscribe.header("Event")).isEqualTo("presence");
        assertThat(subscribe.body()).isEqualTo(expected("A.2.4.13-ptz-position-query", sn(subscribe.bodyText()),
                UnaryOperator.identity()));
        String toTag = SimulatedDevice.newId();
        device.answer(subscribe, 200, "OK", toTag, "Expires: 3600\r\n");
        assertThat(subscribed.get(10, TimeUnit.SECONDS).getMessage()
                .getBody(SubscriptionManager.Subscription.class).kind()).isEqualTo(SubscriptionManager.Kind.PTZ_POSITION);
        SipText accepted = device.notifyInDialog(subscribe, toTag, "presence", sample("9.11.2-ptz-position-notify",
                device.nextSn()));
        assertThat(accepted.status()).isEqualTo(200);
        PtzPositionNotify moved = awaitEvent(events, EventType.PTZ_POSITION).getIn().getBody(PtzPositionNotify.class);
        assertThat(moved.getPan()).isEqualTo(90.0);
        assertThat(moved.getTilt()).isEqualTo(15.5);
    }

    @Test
    void mediaAsksForTheStreamAndSpeedTheCatalogOffers() throws Exception {
        catalogWithTwoCameras();

        // the catalog says 0/1/2; the sub-stream 1 is asked for with a=streamnumber and the answer confirms it
        CompletableFuture<Exchange> play = template.asyncSend("direct:play",
                e -> e.getIn().setHeader(Gb28181Constants.STREAM_NUMBER, 1));
        SipText invite = device.peer().awaitRequest("INVITE", WAIT);
        assertThat(invite.bodyText()).contains("s=Play\r\n", "a=streamnumber:1\r\n");
        answerInvite(invite, "a=streamnumber:1\r\n");
        MediaSession live = play.get(10, TimeUnit.SECONDS).getMessage().getBody(MediaSession.class);
        assertThat(live.streamNumber()).isEqualTo(1);
        bye(live);

        // a stream the catalog does not list is refused, and nothing is sent
        CompletableFuture<Exchange> third = template.asyncSend("direct:play",
                e -> e.getIn().setHeader(Gb28181Constants.STREAM_NUMBER, 3));
        assertThat(third.get(10, TimeUnit.SECONDS).getException()).isInstanceOf(DeviceUnsupportedException.class)
                .hasMessage("Channel " + CAMERA + " offers stream numbers [0, 1, 2], not 3");

        // a download at 4x, one of the catalog's 1/2/4; the answer's a=filesize is the session's
        CompletableFuture<Exchange> download = template.asyncSend("direct:download", e -> { });
        invite = device.peer().awaitRequest("INVITE", WAIT);
        assertThat(invite.bodyText()).contains("s=Download\r\n", "a=downloadspeed:4\r\n")
                .doesNotContain("a=streamnumber");
        answerInvite(invite, "a=filesize:104857600\r\n");
        MediaSession file = download.get(10, TimeUnit.SECONDS).getMessage().getBody(MediaSession.class);
        assertThat(file.fileSize()).isEqualTo(104_857_600L);
        bye(file);

        CompletableFuture<Exchange> fast = template.asyncSend("direct:fastDownload", e -> { });
        assertThat(fast.get(10, TimeUnit.SECONDS).getException()).isInstanceOf(DeviceUnsupportedException.class)
                .hasMessage("Channel " + CAMERA + " downloads at speeds [1, 2, 4], not 8");
        assertThat(device.peer().poll(Duration.ofMillis(300))).as("nothing sent for a refused request").isNull();
    }

    /** The device's catalog: two cameras, the first offering streams 0/1/2 and download speeds 1/2/4. */
    private void catalogWithTwoCameras() throws Exception {
        CompletableFuture<Exchange> reply = template.asyncSend("direct:catalog", e -> { });
        SipText query = device.peer().awaitRequest("MESSAGE", WAIT);
        device.answer(query, 200, "OK");
        String xml = "<?xml version=\"1.0\" encoding=\"GB18030\"?>\r\n<Response>\r\n<CmdType>Catalog</CmdType>\r\n<SN>"
                     + sn(query.bodyText()) + "</SN>\r\n<DeviceID>" + DEVICE + "</DeviceID>\r\n<SumNum>2</SumNum>\r\n"
                     + "<DeviceList Num=\"2\">\r\n"
                     + "<Item>\r\n<DeviceID>" + CAMERA + "</DeviceID>\r\n<Name>南门球机</Name>\r\n<ParentID>" + DEVICE
                     + "</ParentID>\r\n<Status>ON</Status>\r\n<Info>\r\n<PTZType>1</PTZType>\r\n"
                     + "<StreamNumberList>0/1/2</StreamNumberList>\r\n<DownloadSpeed>1/2/4</DownloadSpeed>\r\n"
                     + "</Info>\r\n</Item>\r\n"
                     + "<Item>\r\n<DeviceID>" + MOBILE + "</DeviceID>\r\n<Name>巡逻车</Name>\r\n<ParentID>" + DEVICE
                     + "</ParentID>\r\n<Status>ON</Status>\r\n</Item>\r\n</DeviceList>\r\n</Response>\r\n";
        assertThat(device.sendManscdp(xml, GB18030).status()).isEqualTo(200);
        assertThat(reply.get(10, TimeUnit.SECONDS).getMessage().getBody(CatalogResponse.class).getItems()).hasSize(2);
        var camera = gb28181().getDeviceRegistry().find(DEVICE).orElseThrow().getChannel(CAMERA);
        assertThat(camera.streamNumbers()).containsExactly(0, 1, 2);
        assertThat(camera.downloadSpeeds()).containsExactly(1, 2, 4);
    }

    private void answerInvite(SipText invite, String attributes) throws Exception {
        String ssrc = invite.bodyText().replaceAll("(?s).*\r\ny=(\\d{10})\r\n.*", "$1");
        String sdp = "v=0\r\no=" + CAMERA + " 0 0 IN IP4 127.0.0.1\r\ns=Play\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                     + "m=video 9712 RTP/AVP 96\r\na=sendonly\r\na=rtpmap:96 PS/90000\r\n" + attributes + "y=" + ssrc
                     + "\r\nf=\r\n";
        String toTag = SimulatedDevice.newId();
        device.answer(invite, 200, "OK", toTag, "", "application/sdp", sdp.getBytes(StandardCharsets.US_ASCII));
        device.peer().awaitRequest("ACK", WAIT);
    }

    private void bye(MediaSession session) throws Exception {
        CompletableFuture<Exchange> ended = template.asyncSend("direct:bye",
                e -> e.getIn().setHeader(Gb28181Constants.SESSION_ID, session.sessionId()));
        device.answer(device.peer().awaitRequest("BYE", WAIT), 200, "OK");
        assertThat(ended.get(10, TimeUnit.SECONDS).getException()).isNull();
    }

    /** Sends a query through the route, checks the device got the sample, answers with the other sample. */
    private <T> T query(String route, Object body, String querySample, String answerSample, Class<T> type)
            throws Exception {
        return query(route, body, querySample, UnaryOperator.identity(), answerSample, type);
    }

    private <T> T query(String route, Object body, String querySample, UnaryOperator<String> edit, String answerSample,
                        Class<T> type) throws Exception {
        CompletableFuture<Exchange> reply = template.asyncSend(route, e -> e.getIn().setBody(body));
        int sn = receive("MESSAGE", querySample, edit);
        assertThat(device.sendManscdp(sample(answerSample, sn), GB18030).status()).isEqualTo(200);
        Exchange done = reply.get(10, TimeUnit.SECONDS);
        assertThat(done.getException()).as(route).isNull();
        assertThat(done.getMessage().getHeader(Gb28181Constants.SN)).isEqualTo(sn);
        return done.getMessage().getBody(type);
    }

    private void control(String route, Object body, String sample) throws Exception {
        control(route, body, sample, UnaryOperator.identity());
    }

    /** A control the device accepts with 200 and no answer document. */
    private void control(String route, Object body, String sample, UnaryOperator<String> edit) throws Exception {
        CompletableFuture<Exchange> reply = template.asyncSend(route, e -> e.getIn().setBody(body));
        receive("MESSAGE", sample, edit);
        assertThat(reply.get(10, TimeUnit.SECONDS).getException()).as(route).isNull();
    }

    /** A DeviceConfig the device answers with its Result, which the route (waitForResult) returns. */
    private void configure(String route, Object body, String sample) throws Exception {
        CompletableFuture<Exchange> reply = template.asyncSend(route, e -> e.getIn().setBody(body));
        int sn = receive("MESSAGE", sample, UnaryOperator.identity());
        answerResult("DeviceConfig", sn);
        Exchange done = reply.get(10, TimeUnit.SECONDS);
        assertThat(done.getException()).as(sample).isNull();
        assertThat(done.getMessage().getBody(ResultResponse.class).getResult()).as(sample).isEqualTo("OK");
    }

    /**
     * The next request of that method, answered 200, whose body must be the sample's bytes with the request's SN;
     * returns that SN.
     */
    private int receive(String method, String sample, UnaryOperator<String> edit) throws Exception {
        SipText request = device.peer().awaitRequest(method, WAIT);
        device.answer(request, 200, "OK");
        assertThat(request.header("Content-Type")).isEqualToIgnoringCase("Application/MANSCDP+xml");
        int sn = sn(new String(request.body(), GB18030));
        byte[] expected = expected(sample, sn, edit);
        assertThat(new String(request.body(), GB18030)).as(sample).isEqualTo(new String(expected, GB18030));
        assertThat(request.body()).as(sample + ", byte for byte").isEqualTo(expected);
        return sn;
    }

    private void answerResult(String cmdType, int sn) throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"GB18030\"?>\r\n<Response>\r\n<CmdType>" + cmdType + "</CmdType>\r\n"
                     + "<SN>" + sn + "</SN>\r\n<DeviceID>" + DEVICE + "</DeviceID>\r\n<Result>OK</Result>\r\n</Response>\r\n";
        assertThat(device.sendManscdp(xml, GB18030).status()).isEqualTo(200);
    }

    private static byte[] expected(String sample, int sn, UnaryOperator<String> edit) {
        return edit.apply(sample(sample, sn)).getBytes(GB18030);
    }

    /** A sample document of the standard with its SN set. */
    private static String sample(String name, int sn) {
        return new String(Resources.bytes("gb2022/" + name + ".xml"), GB18030).replace("<SN>42</SN>", "<SN>" + sn + "</SN>");
    }

    private <T extends ManscdpMessage> T decode(String sample, Class<T> type) {
        return codec.decode(Resources.bytes("gb2022/" + sample + ".xml"), type);
    }

    private static int sn(String xml) {
        Matcher m = SN.matcher(xml);
        assertThat(m.find()).as("an SN in %s", xml).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static Exchange awaitEvent(MockEndpoint events, EventType type) {
        return await().atMost(WAIT).until(() -> events.getExchanges().stream()
                .filter(e -> type.name().equals(e.getIn().getHeader(Gb28181Constants.EVENT_TYPE, String.class)))
                .findFirst().orElse(null), java.util.Objects::nonNull);
    }
}
