package io.github.gb28181.camel.manscdp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.gb28181.camel.manscdp.model.CatalogItem;
import io.github.gb28181.camel.manscdp.model.CatalogNotify;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.manscdp.model.ConfigDownloadQuery;
import io.github.gb28181.camel.manscdp.model.ConfigDownloadResponse;
import io.github.gb28181.camel.manscdp.model.ConfigType;
import io.github.gb28181.camel.manscdp.model.CruiseTrackListQuery;
import io.github.gb28181.camel.manscdp.model.CruiseTrackListResponse;
import io.github.gb28181.camel.manscdp.model.CruiseTrackQuery;
import io.github.gb28181.camel.manscdp.model.CruiseTrackResponse;
import io.github.gb28181.camel.manscdp.model.DeviceConfig;
import io.github.gb28181.camel.manscdp.model.DeviceControl;
import io.github.gb28181.camel.manscdp.model.DeviceUpgradeResultNotify;
import io.github.gb28181.camel.manscdp.model.HomePositionQuery;
import io.github.gb28181.camel.manscdp.model.HomePositionQueryResponse;
import io.github.gb28181.camel.manscdp.model.MobilePositionNotify;
import io.github.gb28181.camel.manscdp.model.PresetQueryResponse;
import io.github.gb28181.camel.manscdp.model.PtzPositionNotify;
import io.github.gb28181.camel.manscdp.model.PtzPositionQuery;
import io.github.gb28181.camel.manscdp.model.PtzPositionResponse;
import io.github.gb28181.camel.manscdp.model.PtzPreciseCtrl;
import io.github.gb28181.camel.manscdp.model.RecordInfoQuery;
import io.github.gb28181.camel.manscdp.model.RecordInfoResponse;
import io.github.gb28181.camel.manscdp.model.SdCardStatusQuery;
import io.github.gb28181.camel.manscdp.model.SdCardStatusResponse;
import io.github.gb28181.camel.manscdp.model.SnapShotConfig;
import io.github.gb28181.camel.manscdp.model.StandardTypes;
import io.github.gb28181.camel.manscdp.model.UploadSnapShotFinishedNotify;
import io.github.gb28181.camel.manscdp.model.VideoUploadNotify;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents GB/T 28181-2022 added or changed, byte for byte. The standard gives XML Schema fragments rather than
 * sample bodies for them, so each file under {@code manscdp/gb2022/} is named after its section and holds every element
 * of that fragment, in the fragment's order, with values a device would send (GB18030, as 2022's 6.10 asks, with
 * hanzi where a name belongs). Decoding one and encoding it again must give back the file's bytes: every element is
 * read, written, and written in order. The field checks below prove the values land where a route reads them.
 */
class Revision2022DocumentsTest {

    private static final String SESSION = "0123456789abcdef0123456789ABCDEF-2022";
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final ManscdpCodec codec = StandardTypes.codec();

    /** Each sample and the model class it must decode to. */
    private static final Map<String, Class<? extends ManscdpMessage>> SAMPLES = Map.ofEntries(
            Map.entry("A.2.3.1.2-ptzcmd-params", DeviceControl.class),
            Map.entry("A.2.3.1.4-record-stream", DeviceControl.class),
            Map.entry("A.2.3.1.6-alarm-reset", DeviceControl.class),
            Map.entry("A.2.3.1.7-iframe", DeviceControl.class),
            Map.entry("A.2.3.1.11-ptz-precise", DeviceControl.class),
            Map.entry("A.2.3.1.12-device-upgrade", DeviceControl.class),
            Map.entry("A.2.3.1.13-format-sdcard", DeviceControl.class),
            Map.entry("A.2.3.1.14-target-track", DeviceControl.class),
            Map.entry("A.2.3.2.5-video-param-attribute", DeviceConfig.class),
            Map.entry("A.2.3.2.6-video-record-plan", DeviceConfig.class),
            Map.entry("A.2.3.2.7-video-alarm-record", DeviceConfig.class),
            Map.entry("A.2.3.2.8-picture-mask", DeviceConfig.class),
            Map.entry("A.2.3.2.9-frame-mirror", DeviceConfig.class),
            Map.entry("A.2.3.2.10-alarm-report", DeviceConfig.class),
            Map.entry("A.2.3.2.11-osd-config", DeviceConfig.class),
            Map.entry("A.2.3.2.12-snapshot-config", DeviceConfig.class),
            Map.entry("A.2.4.5-record-info-query", RecordInfoQuery.class),
            Map.entry("A.2.4.7-config-download-query", ConfigDownloadQuery.class),
            Map.entry("A.2.4.10-home-position-query", HomePositionQuery.class),
            Map.entry("A.2.4.11-cruise-track-list-query", CruiseTrackListQuery.class),
            Map.entry("A.2.4.12-cruise-track-query", CruiseTrackQuery.class),
            Map.entry("A.2.4.13-ptz-position-query", PtzPositionQuery.class),
            Map.entry("A.2.4.14-sdcard-status-query", SdCardStatusQuery.class),
            Map.entry("A.2.5.6-mobile-position", MobilePositionNotify.class),
            Map.entry("A.2.5.7-upload-snapshot-finished", UploadSnapShotFinishedNotify.class),
            Map.entry("A.2.5.8-video-upload-notify", VideoUploadNotify.class),
            Map.entry("A.2.5.9-device-upgrade-result", DeviceUpgradeResultNotify.class),
            Map.entry("9.11.2-ptz-position-notify", PtzPositionNotify.class),
            Map.entry("A.2.6.4-catalog-2022-item", CatalogResponse.class),
            Map.entry("A.2.6.7-record-info-2022-item", RecordInfoResponse.class),
            Map.entry("A.2.6.9-config-download-response", ConfigDownloadResponse.class),
            Map.entry("A.2.6.10-preset-query-response", PresetQueryResponse.class),
            Map.entry("A.2.6.12-home-position-response", HomePositionQueryResponse.class),
            Map.entry("A.2.6.13-cruise-track-list-response", CruiseTrackListResponse.class),
            Map.entry("A.2.6.14-cruise-track-response", CruiseTrackResponse.class),
            Map.entry("A.2.6.15-ptz-position-response", PtzPositionResponse.class),
            Map.entry("A.2.6.16-sdcard-status-response", SdCardStatusResponse.class));

    static byte[] sample(String name) {
        return Resources.bytes("gb2022/" + name + ".xml");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "A.2.3.1.2-ptzcmd-params", "A.2.3.1.4-record-stream", "A.2.3.1.6-alarm-reset", "A.2.3.1.7-iframe",
            "A.2.3.1.11-ptz-precise", "A.2.3.1.12-device-upgrade", "A.2.3.1.13-format-sdcard", "A.2.3.1.14-target-track",
            "A.2.3.2.5-video-param-attribute", "A.2.3.2.6-video-record-plan", "A.2.3.2.7-video-alarm-record",
            "A.2.3.2.8-picture-mask", "A.2.3.2.9-frame-mirror", "A.2.3.2.10-alarm-report", "A.2.3.2.11-osd-config",
            "A.2.3.2.12-snapshot-config", "A.2.4.5-record-info-query", "A.2.4.7-config-download-query",
            "A.2.4.10-home-position-query", "A.2.4.11-cruise-track-list-query", "A.2.4.12-cruise-track-query",
            "A.2.4.13-ptz-position-query", "A.2.4.14-sdcard-status-query", "A.2.5.6-mobile-position",
            "A.2.5.7-upload-snapshot-finished", "A.2.5.8-video-upload-notify", "A.2.5.9-device-upgrade-result",
            "9.11.2-ptz-position-notify", "A.2.6.4-catalog-2022-item", "A.2.6.7-record-info-2022-item",
            "A.2.6.9-config-download-response", "A.2.6.10-preset-query-response", "A.2.6.12-home-position-response",
            "A.2.6.13-cruise-track-list-response", "A.2.6.14-cruise-track-response", "A.2.6.15-ptz-position-response",
            "A.2.6.16-sdcard-status-response" })
    void decodeThenEncodeGivesBackTheSampleBytes(String name) {
        byte[] bytes = sample(name);
        ManscdpMessage m = codec.decode(bytes);
        assertThat(m).as(name).isExactlyInstanceOf(SAMPLES.get(name));
        assertThat(m.getSn()).isEqualTo(42);
        assertThat(m.getCharset()).isEqualTo(GB18030);
        assertThat(codec.encode(m)).as(name).isEqualTo(bytes);
    }

    @Test
    void everySampleIsListedOnce() {
        assertThat(SAMPLES).hasSize(37);
    }

    @Test
    void deviceControlSubCommands() {
        DeviceControl precise = decode("A.2.3.1.11-ptz-precise", DeviceControl.class);
        assertThat(precise.getPtzPreciseCtrl().getPan()).isEqualTo(120.5);
        assertThat(precise.getPtzPreciseCtrl().getTilt()).isEqualTo(-10.25);
        assertThat(precise.getPtzPreciseCtrl().getZoom()).isEqualTo(36.0);

        DeviceControl params = decode("A.2.3.1.2-ptzcmd-params", DeviceControl.class);
        assertThat(params.getPtzCmd()).isEqualTo("A50F008100010036");
        assertThat(params.getPtzCmdParams().getPresetName()).isEqualTo("南门");
        assertThat(params.getPtzCmdParams().getCruiseTrackName()).isEqualTo("夜巡");

        DeviceControl record = decode("A.2.3.1.4-record-stream", DeviceControl.class);
        assertThat(record.getRecordCmd()).isEqualTo("Record");
        assertThat(record.getStreamNumber()).isEqualTo(1);

        DeviceControl reset = decode("A.2.3.1.6-alarm-reset", DeviceControl.class);
        assertThat(reset.getAlarmCmd()).isEqualTo("ResetAlarm");
        assertThat(reset.getAlarmMethod()).isEqualTo("5");
        assertThat(reset.getAlarmType()).isEqualTo("2");

        DeviceControl upgrade = decode("A.2.3.1.12-device-upgrade", DeviceControl.class);
        assertThat(upgrade.getDeviceUpgrade().getFirmware()).isEqualTo("V5.7.3 build 220112");
        assertThat(upgrade.getDeviceUpgrade().getFileUrl()).isEqualTo("http://192.168.1.10:8080/fw/ipc-5.7.3.bin");
        assertThat(upgrade.getDeviceUpgrade().getManufacturer()).isEqualTo("Hikvision");
        assertThat(upgrade.getDeviceUpgrade().getSessionId()).isEqualTo(SESSION);

        assertThat(decode("A.2.3.1.13-format-sdcard", DeviceControl.class).getFormatSdCard()).isZero();

        DeviceControl track = decode("A.2.3.1.14-target-track", DeviceControl.class);
        assertThat(track.getTargetTrack()).isEqualTo("Manual");
        assertThat(track.getDeviceId2()).isEqualTo("34020000001320000002");
        assertThat(track.getTargetArea().getLength()).isEqualTo(1920);
        assertThat(track.getTargetArea().getMidPointX()).isEqualTo(960);
        assertThat(track.getTargetArea().getLengthY()).isEqualTo(120);
    }

    @Test
    void iframeCmdIsReadInBothSpellingsAndWrittenInTheChosenOne() {
        DeviceControl revision2022 = decode("A.2.3.1.7-iframe", DeviceControl.class);
        assertThat(revision2022.getIframeCmd()).isEqualTo("Send");
        assertThat(revision2022.isIframeCmd2022Spelling()).isTrue();

        DeviceControl revision2016 = codec.decode(xml("Control", "DeviceControl", "<IFameCmd>Send</IFameCmd>"),
                DeviceControl.class);
        assertThat(revision2016.getIframeCmd()).isEqualTo("Send");
        assertThat(revision2016.isIframeCmd2022Spelling()).isFalse();
        assertThat(codec.toXml(revision2016, StandardCharsets.UTF_8)).contains("<IFameCmd>Send</IFameCmd>")
                .doesNotContain("IFrameCmd");

        revision2016.setIframeCmd2022Spelling(true);
        assertThat(codec.toXml(revision2016, StandardCharsets.UTF_8)).contains("<IFrameCmd>Send</IFrameCmd>")
                .doesNotContain("IFameCmd");
    }

    @Test
    void deviceConfigParameterSets() {
        DeviceConfig attribute = decode("A.2.3.2.5-video-param-attribute", DeviceConfig.class);
        assertThat(attribute.getVideoParamAttribute().getStreams()).hasSize(2);
        assertThat(attribute.getVideoParamAttribute().getStreams().get(0).getVideoFormat()).isEqualTo("5");
        assertThat(attribute.getVideoParamAttribute().getStreams().get(0).getVideoBitRate()).isEqualTo("4096");
        assertThat(attribute.getVideoParamAttribute().getStreams().get(1).getResolution()).isEqualTo("704x576");
        assertThat(attribute.getVideoParamAttribute().getStreams().get(1).getVideoBitRate()).isNull();

        DeviceConfig plan = decode("A.2.3.2.6-video-record-plan", DeviceConfig.class);
        assertThat(plan.getVideoRecordPlan().getRecordEnable()).isEqualTo(1);
        assertThat(plan.getVideoRecordPlan().getRecordScheduleSumNum()).isEqualTo(2);
        assertThat(plan.getVideoRecordPlan().getRecordSchedules()).hasSize(2);
        assertThat(plan.getVideoRecordPlan().getRecordSchedules().get(0).getTimeSegments()).hasSize(2);
        assertThat(plan.getVideoRecordPlan().getRecordSchedules().get(0).getTimeSegments().get(1).getStartHour())
                .isEqualTo(18);
        assertThat(plan.getVideoRecordPlan().getRecordSchedules().get(1).getWeekDayNum()).isEqualTo(7);
        assertThat(plan.getVideoRecordPlan().getStreamNumber()).isZero();

        DeviceConfig alarmRecord = decode("A.2.3.2.7-video-alarm-record", DeviceConfig.class);
        assertThat(alarmRecord.getVideoAlarmRecord().getRecordTime()).isEqualTo(30);
        assertThat(alarmRecord.getVideoAlarmRecord().getPreRecordTime()).isEqualTo(10);

        DeviceConfig mask = decode("A.2.3.2.8-picture-mask", DeviceConfig.class);
        assertThat(mask.getPictureMask().getOn()).isEqualTo(1);
        assertThat(mask.getPictureMask().getRegions()).extracting(r -> r.getPoint())
                .containsExactly("20,30,50,60", "100,100,300,200");

        assertThat(decode("A.2.3.2.9-frame-mirror", DeviceConfig.class).getFrameMirror()).isEqualTo(3);

        DeviceConfig report = decode("A.2.3.2.10-alarm-report", DeviceConfig.class);
        assertThat(report.getAlarmReport().getMotionDetection()).isEqualTo(1);
        assertThat(report.getAlarmReport().getFieldDetection()).isZero();

        DeviceConfig osd = decode("A.2.3.2.11-osd-config", DeviceConfig.class);
        assertThat(osd.getOsdConfig().getTimeType()).isEqualTo(1);
        assertThat(osd.getOsdConfig().getSumNum()).isEqualTo(2);
        assertThat(osd.getOsdConfig().getTexts()).extracting(t -> t.getText()).containsExactly("东门入口", "Gate 2");
        assertThat(osd.getOsdConfig().getTexts().get(1).getY()).isEqualTo(1040);

        SnapShotConfig snap = decode("A.2.3.2.12-snapshot-config", DeviceConfig.class).getSnapShotConfig();
        assertThat(snap.getSnapNum()).isEqualTo(3);
        assertThat(snap.getInterval()).isEqualTo(2);
        assertThat(snap.getUploadUrl()).isEqualTo("http://192.168.1.10:8080/snap/upload");
        assertThat(snap.getSessionId()).isEqualTo(SESSION);
    }

    @Test
    void queries() {
        RecordInfoQuery record = decode("A.2.4.5-record-info-query", RecordInfoQuery.class);
        assertThat(record.getStreamNumber()).isEqualTo(1);
        assertThat(record.getAlarmMethod()).isEqualTo("5");
        assertThat(record.getAlarmType()).isEqualTo("2");

        ConfigDownloadQuery config = decode("A.2.4.7-config-download-query", ConfigDownloadQuery.class);
        assertThat(ConfigType.parseList(config.getConfigType())).allMatch(ConfigType::since2022).hasSize(8);

        assertThat(decode("A.2.4.12-cruise-track-query", CruiseTrackQuery.class).getNumber()).isZero();
        assertThat(decode("A.2.4.13-ptz-position-query", PtzPositionQuery.class).getCmdType()).isEqualTo("PTZPosition");
        assertThat(decode("A.2.4.14-sdcard-status-query", SdCardStatusQuery.class).getCmdType()).isEqualTo("SDCardStatus");
    }

    @Test
    void configTypesJoinAndParseAsTheStandardSpellsThem() {
        ConfigDownloadQuery q = new ConfigDownloadQuery();
        q.askFor(ConfigType.BASIC_PARAM, ConfigType.OSD_CONFIG, ConfigType.SNAP_SHOT_CONFIG);
        assertThat(q.getConfigType()).isEqualTo("BasicParam/OSDConfig/SnapShotConfig");
        assertThat(ConfigType.parseList(" osdconfig /VendorThing/BasicParam/OSDConfig"))
                .containsExactly(ConfigType.OSD_CONFIG, ConfigType.BASIC_PARAM);
        assertThat(ConfigType.fromWireName("Alarm-Report")).isNull();
    }

    @Test
    void notifications() {
        MobilePositionNotify mobile = decode("A.2.5.6-mobile-position", MobilePositionNotify.class);
        assertThat(mobile.getTime()).isEqualTo("2023-07-01T08:00:05");
        assertThat(mobile.getLongitude()).isNull();
        assertThat(mobile.getSumNum()).isEqualTo(2);
        assertThat(mobile.getItems()).extracting(i -> i.getDeviceId())
                .containsExactly("34020000001320000011", "34020000001320000012");
        assertThat(mobile.getItems().get(0).getHeight()).isEqualTo(1.5);
        assertThat(mobile.getItems().get(1).getSpeed()).isNull();

        UploadSnapShotFinishedNotify snap = decode("A.2.5.7-upload-snapshot-finished", UploadSnapShotFinishedNotify.class);
        assertThat(snap.getSessionId()).isEqualTo(SESSION);
        assertThat(snap.getSnapShotFileIds()).containsExactly("34020000001320000001022023070108000512301",
                "34020000001320000001022023070108000712302");

        VideoUploadNotify upload = decode("A.2.5.8-video-upload-notify", VideoUploadNotify.class);
        assertThat(upload.getTime()).isEqualTo("2023-07-01T08:00:05");
        assertThat(upload.getLatitude()).isEqualTo(39.916527);

        DeviceUpgradeResultNotify result = decode("A.2.5.9-device-upgrade-result", DeviceUpgradeResultNotify.class);
        assertThat(result.getSessionId()).isEqualTo(SESSION);
        assertThat(result.getUpgradeResultFlag()).isEqualTo(StatusFlag.OFF);
        assertThat(result.getFirmware()).isEqualTo("V5.7.2 build 211020");
        assertThat(result.getUpgradeFailedReason()).isEqualTo("02");

        PtzPositionNotify moved = decode("9.11.2-ptz-position-notify", PtzPositionNotify.class);
        assertThat(moved.getKind()).isEqualTo(RootKind.NOTIFY);
        assertThat(moved.getTilt()).isEqualTo(15.5);
        assertThat(moved.getMaxViewDistance()).isNull();
    }

    @Test
    void responses() {
        CatalogItem item = decode("A.2.6.4-catalog-2022-item", CatalogResponse.class).getItems().get(0);
        assertThat(item.getSecurityLevelCode()).isEqualTo("B");
        assertThat(item.getBusinessGroupId()).isEqualTo("34020000002150000001");
        assertThat(item.getInfo().getPhotoelectricImagingType()).isEqualTo("1/2");
        assertThat(item.getInfo().getStreamNumberList()).isEqualTo("0/1/2");
        assertThat(item.getInfo().getHorizontalFieldAngle()).isEqualTo(92.5);
        assertThat(item.getInfo().getGrassrootsCode()).isEqualTo("000000");
        assertThat(item.getInfo().getPointType()).isEqualTo(1);
        assertThat(item.getInfo().getPointCommonName()).isEqualTo("南门广场");
        assertThat(item.getInfo().getMac()).isEqualTo("44-19-B6-12-34-56");
        assertThat(item.getInfo().getRecordSaveDays()).isEqualTo(30);
        assertThat(item.getInfo().getIndustrialClassification()).isEqualTo("S9221");

        RecordInfoResponse records = decode("A.2.6.7-record-info-2022-item", RecordInfoResponse.class);
        assertThat(records.getItems().get(0).getRecordLocation()).isEqualTo("34020000001180000001");
        assertThat(records.getItems().get(0).getStreamNumber()).isEqualTo(1);

        ConfigDownloadResponse config = decode("A.2.6.9-config-download-response", ConfigDownloadResponse.class);
        assertThat(config.getResultFlag()).isEqualTo(StatusFlag.ON);
        assertThat(config.getBasicParam().getName()).isEqualTo("南门枪机");
        assertThat(config.getVideoParamOpt().getDownloadSpeed()).isEqualTo("1/2/4");
        assertThat(config.getVideoParamAttribute().getStreams()).hasSize(1);
        assertThat(config.getVideoRecordPlan().getRecordSchedules()).isEmpty();
        assertThat(config.getPictureMask().getRegions()).isEmpty();
        assertThat(config.getFrameMirror()).isZero();
        assertThat(config.getAlarmReport().getFieldDetection()).isEqualTo(1);
        assertThat(config.getOsdConfig().getTextEnable()).isZero();
        assertThat(config.getSnapShotConfig().getSessionId()).isEqualTo(SESSION);

        PresetQueryResponse presets = decode("A.2.6.10-preset-query-response", PresetQueryResponse.class);
        assertThat(presets.getSumNum()).isEqualTo(2);
        assertThat(presets.getPresets()).extracting(p -> p.getPresetName()).containsExactly("南门", "广场");

        HomePositionQueryResponse home = decode("A.2.6.12-home-position-response", HomePositionQueryResponse.class);
        assertThat(home.getHomePosition().getEnabled()).isEqualTo(1);
        assertThat(home.getHomePosition().getResetTime()).isEqualTo(60);
        assertThat(home.getHomePosition().getPresetIndex()).isEqualTo(1);

        CruiseTrackListResponse tracks = decode("A.2.6.13-cruise-track-list-response", CruiseTrackListResponse.class);
        assertThat(tracks.getSumNum()).isEqualTo(2);
        assertThat(tracks.getCruiseTracks()).extracting(t -> t.getName()).containsExactly("夜巡", "day");

        CruiseTrackResponse track = decode("A.2.6.14-cruise-track-response", CruiseTrackResponse.class);
        assertThat(track.getName()).isEqualTo("夜巡");
        assertThat(track.getCruisePoints()).extracting(p -> p.getSpeed()).containsExactly(8, 15);
        assertThat(track.getCruisePoints().get(1).getStayTime()).isEqualTo(30);

        PtzPositionResponse position = decode("A.2.6.15-ptz-position-response", PtzPositionResponse.class);
        assertThat(position.getPan()).isEqualTo(359.99);
        assertThat(position.getTilt()).isEqualTo(-30.0);
        assertThat(position.getVerticalFieldAngle()).isEqualTo(33.2);
        assertThat(position.getMaxViewDistance()).isEqualTo(150.0);

        SdCardStatusResponse cards = decode("A.2.6.16-sdcard-status-response", SdCardStatusResponse.class);
        assertThat(cards.getSumNum()).isEqualTo(2);
        assertThat(cards.getCards().get(0).getHddName()).isEqualTo("SD卡1");
        assertThat(cards.getCards().get(0).getFormatProgress()).isNull();
        assertThat(cards.getCards().get(1).getStatus()).isEqualTo("formatting");
        assertThat(cards.getCards().get(1).getFormatProgress()).isEqualTo(45);
        assertThat(cards.getCards().get(0).getCapacity()).isEqualTo(122070L);
    }

    /** What a device reports can be changed and sent back: the sets are the same beans on both sides. */
    @Test
    void aConfigurationReadBackIsSentBackUnderTheControlNames() {
        ConfigDownloadResponse read = decode("A.2.6.9-config-download-response", ConfigDownloadResponse.class);
        DeviceConfig change = new DeviceConfig();
        change.setSn(43);
        change.setDeviceId(read.getDeviceId());
        change.setOsdConfig(read.getOsdConfig());
        change.getOsdConfig().setTimeEnable(0);
        change.setSnapShotConfig(read.getSnapShotConfig());
        change.setFrameMirror(1);
        String xml = codec.toXml(change, GB18030);
        assertThat(xml).contains("<CmdType>DeviceConfig</CmdType>", "<TimeEnable>0</TimeEnable>", "<FrameMirror>1</FrameMirror>",
                "<SnapShotConfig>\r\n<SnapNum>1</SnapNum>").doesNotContain("<SnapShot>", "<Result>", "VideoParamOpt");
        DeviceConfig back = codec.decode(codec.encode(change, GB18030), DeviceConfig.class);
        assertThat(back.getOsdConfig()).isEqualTo(change.getOsdConfig());
        assertThat(back.getSnapShotConfig()).isEqualTo(read.getSnapShotConfig());
    }

    /** Annex M's example: a file query that found nothing answers SumNum 0 and no list, and so do we. */
    @Test
    void annexMEmptyAnswerCarriesNoList() {
        String example = "<?xml version=\"1.0\"?>\r\n<Response>\r\n<CmdType>RecordInfo</CmdType>\r\n<SN>17430</SN>\r\n"
                + "<DeviceID>64010000001310000001</DeviceID>\r\n<Name>Camera1</Name>\r\n<SumNum>0</SumNum>\r\n</Response>\r\n";
        RecordInfoResponse none = codec.decode(example.getBytes(StandardCharsets.US_ASCII), RecordInfoResponse.class);
        assertThat(none.getSumNum()).isZero();
        assertThat(none.getItems()).isEmpty();
        assertThat(codec.toXml(none, StandardCharsets.UTF_8)).isEqualTo(example.replace("<?xml version=\"1.0\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));

        CatalogResponse emptyCatalog = new CatalogResponse();
        emptyCatalog.setSumNum(0);
        assertThat(codec.toXml(emptyCatalog, StandardCharsets.UTF_8)).doesNotContain("DeviceList");
        // a 2016 device's empty list still decodes
        CatalogResponse old = codec.decode(xml("Response", "Catalog", "<SumNum>0</SumNum><DeviceList Num=\"0\"></DeviceList>"),
                CatalogResponse.class);
        assertThat(old.getSumNum()).isZero();
        assertThat(old.getItems()).isEmpty();
    }

    /** Annex N's example: a catalog notification mixing a status event and an added item. */
    @Test
    void annexNCatalogNotification() {
        CatalogNotify n = codec.decode(xml("Notify", "Catalog", "<SumNum>2</SumNum><DeviceList Num=\"2\"><Item>"
                + "<DeviceID>65010200001310000001</DeviceID><Event>OFF</Event></Item><Item><DeviceID>65010200001310000002</DeviceID>"
                + "<Event>ADD</Event><Name>IPC-天山视频</Name><Manufacturer>xxx</Manufacturer><Model>1.0</Model>"
                + "<CivilCode>650102</CivilCode><Address>axy</Address><Parental>0</Parental><RegisterWay>1</RegisterWay>"
                + "<Secrecy>0</Secrecy><Status>ON</Status></Item></DeviceList>"), CatalogNotify.class);
        assertThat(n.getItems()).extracting(CatalogItem::getEvent).containsExactly("OFF", "ADD");
        assertThat(n.getItems().get(1).getName()).isEqualTo("IPC-天山视频");
        assertThat(n.getItems().get(1).getCivilCode()).isEqualTo("650102");
    }

    /** The schema text of 2022 is printed in mixed case; element names are matched ignoring it. */
    @Test
    void elementCaseAndAlternativeNamesAreForgiven() {
        DeviceControl c = codec.decode(xml("Control", "devicecontrol",
                "<PTzPrecisectrl><pan>10</pan><tilt>5</tilt></PTzPrecisectrl><FormatsDcard>2</FormatsDcard>"), DeviceControl.class);
        assertThat(c.getPtzPreciseCtrl().getPan()).isEqualTo(10.0);
        assertThat(c.getFormatSdCard()).isEqualTo(2);

        ManscdpMessage ptz = codec.decode(xml("Response", "ptzposition", "<Pan> 36.00 </Pan><Zoom>x</Zoom>"));
        assertThat(ptz).isInstanceOf(PtzPositionResponse.class);
        assertThat(((PtzPositionResponse) ptz).getPan()).isEqualTo(36.0);
        assertThat(((PtzPositionResponse) ptz).getZoom()).isNull();

        // a device that answers with the DeviceConfig element name, not SnapShot
        ConfigDownloadResponse snap = codec.decode(xml("Response", "ConfigDownload", "<Result>OK</Result><SnapShotConfig>"
                + "<SnapNum>1</SnapNum></SnapShotConfig>"), ConfigDownloadResponse.class);
        assertThat(snap.getSnapShotConfig().getSnapNum()).isEqualTo(1);
        assertThat(codec.toXml(snap, StandardCharsets.UTF_8)).contains("<SnapShot>").doesNotContain("SnapShotConfig");

        // no Num attribute, no SumNum: the items present are the truth
        SdCardStatusResponse cards = codec.decode(xml("Response", "SDCardStatus", "<SDCardStatusInfo><Item><ID>1</ID></Item>"
                + "</SDCardStatusInfo>"), SdCardStatusResponse.class);
        assertThat(cards.getCards()).hasSize(1);
        assertThat(codec.toXml(cards, StandardCharsets.UTF_8)).contains("<SDCardStatusInfo Num=\"1\">");
    }

    @Test
    void builtInCodeWritesTheStandardLayout() {
        DeviceControl c = new DeviceControl();
        c.setSn(7);
        c.setDeviceId("34020000001320000001");
        PtzPreciseCtrl precise = new PtzPreciseCtrl();
        precise.setPan(90.0);
        precise.setTilt(12.75);
        c.setPtzPreciseCtrl(precise);
        assertThat(new String(codec.encode(c, GB18030), GB18030)).isEqualTo("<?xml version=\"1.0\" encoding=\"GB18030\"?>\r\n"
                + "<Control>\r\n<CmdType>DeviceControl</CmdType>\r\n<SN>7</SN>\r\n<DeviceID>34020000001320000001</DeviceID>\r\n"
                + "<PTZPreciseCtrl>\r\n<Pan>90</Pan>\r\n<Tilt>12.75</Tilt>\r\n</PTZPreciseCtrl>\r\n</Control>\r\n");

        CruiseTrackListResponse none = new CruiseTrackListResponse();
        none.setSumNum(0);
        assertThat(codec.toXml(none, StandardCharsets.UTF_8)).contains("<SumNum>0</SumNum>\r\n<CruiseTrackList Num=\"0\">"
                + "</CruiseTrackList>");
    }

    /** CmdTypes the model does not know, 2022's extension types among them, keep arriving raw with their text. */
    @Test
    void unknownCmdTypesStayRaw() {
        for (String cmd : List.of("PmsVehInoutInfo", "DoorEvent", "SensorCatalog")) {
            ManscdpMessage m = codec.decode(xml("Notify", cmd, "<Anything>1</Anything>"));
            assertThat(m).as(cmd).isInstanceOf(RawMessage.class);
            assertThat(m.getCmdType()).isEqualTo(cmd);
        }
        // a 2022 CmdType under the wrong root is not guessed at either
        assertThat(codec.decode(xml("Control", "SDCardStatus", ""))).isInstanceOf(RawMessage.class);
    }

    private <T extends ManscdpMessage> T decode(String sample, Class<T> type) {
        return codec.decode(sample(sample), type);
    }

    private static byte[] xml(String root, String cmdType, String body) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + root + "><CmdType>" + cmdType + "</CmdType><SN>3</SN>"
                + "<DeviceID>34020000001320000001</DeviceID>" + body + "</" + root + ">").getBytes(StandardCharsets.UTF_8);
    }
}
