package io.github.gb28181.camel.manscdp;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gb28181.camel.manscdp.model.ConfigDownloadResponse;
import io.github.gb28181.camel.manscdp.model.DeviceConfig;
import io.github.gb28181.camel.manscdp.model.DeviceControl;
import io.github.gb28181.camel.manscdp.model.StandardTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 2022 documents reach routes as beans that a plain ObjectMapper turns into clean camelCase JSON, and their
 * parameter sets come back from JSON equal, so a REST client can post what it read.
 */
class Revision2022JsonTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ManscdpCodec codec = StandardTypes.codec();

    @Test
    void everyRevision2022DocumentIsCleanJson() throws Exception {
        for (String name : List.of("A.2.3.1.2-ptzcmd-params", "A.2.3.1.4-record-stream", "A.2.3.1.6-alarm-reset",
                "A.2.3.1.7-iframe", "A.2.3.1.11-ptz-precise", "A.2.3.1.12-device-upgrade", "A.2.3.1.13-format-sdcard",
                "A.2.3.1.14-target-track", "A.2.3.2.5-video-param-attribute", "A.2.3.2.6-video-record-plan",
                "A.2.3.2.7-video-alarm-record", "A.2.3.2.8-picture-mask", "A.2.3.2.9-frame-mirror", "A.2.3.2.10-alarm-report",
                "A.2.3.2.11-osd-config", "A.2.3.2.12-snapshot-config", "A.2.4.5-record-info-query",
                "A.2.4.7-config-download-query", "A.2.4.10-home-position-query", "A.2.4.11-cruise-track-list-query",
                "A.2.4.12-cruise-track-query", "A.2.4.13-ptz-position-query", "A.2.4.14-sdcard-status-query",
                "A.2.5.6-mobile-position", "A.2.5.7-upload-snapshot-finished", "A.2.5.8-video-upload-notify",
                "A.2.5.9-device-upgrade-result", "9.11.2-ptz-position-notify", "A.2.6.4-catalog-2022-item",
                "A.2.6.7-record-info-2022-item", "A.2.6.9-config-download-response", "A.2.6.10-preset-query-response",
                "A.2.6.12-home-position-response", "A.2.6.13-cruise-track-list-response", "A.2.6.14-cruise-track-response",
                "A.2.6.15-ptz-position-response", "A.2.6.16-sdcard-status-response")) {
            ManscdpMessage m = codec.decode(Revision2022DocumentsTest.sample(name));
            String text = json.writeValueAsString(m);
            JsonNode n = json.readTree(text);
            assertThat(n.get("cmdType").asText()).as(name).isEqualTo(m.getCmdType());
            assertThat(n.get("kind").asText()).as(name).isEqualTo(m.getKind().name());
            assertThat(n.get("sn").asInt()).as(name).isEqualTo(42);
            assertThat(n.get("charset").asText()).as(name).isEqualTo("GB18030");
            JsonTest.assertNoXmlArtefacts(text);
        }
    }

    @Test
    void fieldsAsRoutesSeeThem() throws Exception {
        JsonNode precise = tree("A.2.3.1.11-ptz-precise");
        assertThat(precise.get("ptzPreciseCtrl").get("pan").asDouble()).isEqualTo(120.5);
        assertThat(tree("A.2.3.1.7-iframe").has("iframeCmd2022Spelling")).isFalse();
        assertThat(tree("A.2.3.1.14-target-track").get("targetArea").get("midPointY").asInt()).isEqualTo(540);
        assertThat(tree("A.2.3.1.12-device-upgrade").get("deviceUpgrade").get("fileUrl").asText()).endsWith(".bin");

        JsonNode plan = tree("A.2.3.2.6-video-record-plan").get("videoRecordPlan");
        assertThat(plan.get("recordSchedules").get(0).get("timeSegments").get(1).get("stopSec").asInt()).isEqualTo(59);
        assertThat(tree("A.2.3.2.5-video-param-attribute").get("videoParamAttribute").get("streams")).hasSize(2);
        assertThat(tree("A.2.3.2.11-osd-config").get("osdConfig").get("texts").get(0).get("text").asText())
                .isEqualTo("东门入口");
        assertThat(tree("A.2.3.2.9-frame-mirror").get("frameMirror").asInt()).isEqualTo(3);

        JsonNode config = tree("A.2.6.9-config-download-response");
        assertThat(config.get("resultFlag").asText()).isEqualTo("ON");
        assertThat(config.get("snapShotConfig").get("snapNum").asInt()).isEqualTo(1);
        assertThat(config.get("videoParamOpt").get("resolution").asText()).isEqualTo("6/4/1280x720");

        assertThat(tree("A.2.5.7-upload-snapshot-finished").get("snapShotFileIds")).hasSize(2);
        assertThat(tree("A.2.5.9-device-upgrade-result").get("upgradeResultFlag").asText()).isEqualTo("OFF");
        assertThat(tree("A.2.6.16-sdcard-status-response").get("cards").get(1).get("formatProgress").asInt()).isEqualTo(45);
        assertThat(tree("A.2.6.14-cruise-track-response").get("cruisePoints").get(0).get("presetIndex").asInt()).isEqualTo(1);
        assertThat(tree("A.2.6.13-cruise-track-list-response").get("cruiseTracks").get(0).get("name").asText())
                .isEqualTo("夜巡");
        assertThat(tree("A.2.6.15-ptz-position-response").get("horizontalFieldAngle").asDouble()).isEqualTo(57.6);
        assertThat(tree("A.2.5.6-mobile-position").get("items").get(0).get("captureTime").asText())
                .isEqualTo("2023-07-01T08:00:04");
        JsonNode item = tree("A.2.6.4-catalog-2022-item").get("items").get(0);
        assertThat(item.get("securityLevelCode").asText()).isEqualTo("B");
        assertThat(item.get("info").get("streamNumberList").asText()).isEqualTo("0/1/2");
        assertThat(item.get("info").get("mac").asText()).isEqualTo("44-19-B6-12-34-56");
    }

    @Test
    void parameterSetsComeBackFromJsonEqual() throws Exception {
        DeviceControl control = codec.decode(Revision2022DocumentsTest.sample("A.2.3.1.12-device-upgrade"), DeviceControl.class);
        assertRoundTrip(control.getDeviceUpgrade());
        assertRoundTrip(codec.decode(Revision2022DocumentsTest.sample("A.2.3.1.11-ptz-precise"), DeviceControl.class)
                .getPtzPreciseCtrl());
        assertRoundTrip(codec.decode(Revision2022DocumentsTest.sample("A.2.3.1.2-ptzcmd-params"), DeviceControl.class)
                .getPtzCmdParams());
        for (String name : List.of("A.2.3.2.5-video-param-attribute", "A.2.3.2.6-video-record-plan",
                "A.2.3.2.7-video-alarm-record", "A.2.3.2.8-picture-mask", "A.2.3.2.10-alarm-report",
                "A.2.3.2.11-osd-config", "A.2.3.2.12-snapshot-config")) {
            DeviceConfig c = codec.decode(Revision2022DocumentsTest.sample(name), DeviceConfig.class);
            for (Object set : new Object[] { c.getVideoParamAttribute(), c.getVideoRecordPlan(), c.getVideoAlarmRecord(),
                    c.getPictureMask(), c.getAlarmReport(), c.getOsdConfig(), c.getSnapShotConfig() }) {
                if (set != null) {
                    assertRoundTrip(set);
                }
            }
        }
        ConfigDownloadResponse read = codec.decode(Revision2022DocumentsTest.sample("A.2.6.9-config-download-response"),
                ConfigDownloadResponse.class);
        assertRoundTrip(read.getVideoParamOpt());
        assertRoundTrip(read.getOsdConfig());
    }

    private void assertRoundTrip(Object value) throws Exception {
        assertThat(value).isNotNull();
        Object back = json.readValue(json.writeValueAsString(value), value.getClass());
        assertThat(back).as(value.getClass().getSimpleName()).isEqualTo(value).hasSameHashCodeAs(value);
    }

    private JsonNode tree(String sample) throws Exception {
        return json.readTree(json.writeValueAsString(codec.decode(Revision2022DocumentsTest.sample(sample))));
    }
}
