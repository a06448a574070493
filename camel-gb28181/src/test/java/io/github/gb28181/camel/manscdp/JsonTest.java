package io.github.gb28181.camel.manscdp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gb28181.camel.manscdp.aggregate.Aggregated;
import io.github.gb28181.camel.manscdp.aggregate.ResponseAggregator;
import io.github.gb28181.camel.manscdp.model.StandardTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies go to routes as Java objects that a plain ObjectMapper turns into clean JSON. */
class JsonTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ManscdpCodec codec = StandardTypes.codec();

    @Test
    void catalogResponseAsJson() throws Exception {
        ManscdpMessage m = codec.decode(SeedBodiesTest.seed("dahua2024-response-catalog"));
        String text = json.writeValueAsString(m);
        JsonNode n = json.readTree(text);
        assertThat(n.get("kind").asText()).isEqualTo("RESPONSE");
        assertThat(n.get("cmdType").asText()).isEqualTo("Catalog");
        assertThat(n.get("sn").asInt()).isEqualTo(7);
        assertThat(n.get("deviceId").asText()).isEqualTo("34020000001320000002");
        assertThat(n.get("sumNum").asInt()).isEqualTo(1);
        assertThat(n.get("charset").asText()).isEqualTo("GB2312");
        JsonNode item = n.get("items").get(0);
        assertThat(item.get("deviceId").asText()).isEqualTo("34020000001310000001");
        assertThat(item.get("parentId").asText()).isEqualTo("34020000001320000002");
        assertThat(item.get("status").asText()).isEqualTo("ON");
        assertThat(item.get("statusFlag").asText()).isEqualTo("ON");
        assertThat(item.get("info").get("ptzType").asInt()).isEqualTo(3);
        assertThat(item.get("info").get("downloadSpeed").asText()).isEqualTo("1/2/4/8");
        assertNoXmlArtefacts(text);
    }

    @Test
    void datesStayStringsAsSent() throws Exception {
        JsonNode n = json.readTree(json.writeValueAsString(codec.decode(SeedBodiesTest.seed("dahua2024-response-devicestatus"))));
        assertThat(n.get("deviceTime").isTextual()).isTrue();
        assertThat(n.get("deviceTime").asText()).isEqualTo("2024-05-17T14:24:54");
        assertThat(n.get("online").asText()).isEqualTo("ONLINE");
        assertThat(n.get("onlineFlag").asText()).isEqualTo("ON");
        assertThat(n.get("alarmStatus").get(0).get("dutyStatus").asText()).isEqualTo("ONDUTY");
        JsonNode r = json.readTree(json.writeValueAsString(codec.decode(SeedBodiesTest.seed("dvr2024-response-recordinfo"))));
        assertThat(r.get("items").get(0).get("startTime").asText()).isEqualTo("2024-05-04T14:43:16");
    }

    @Test
    void everySeedIsCleanJson() throws Exception {
        for (String name : List.of("hik2013-notify-keepalive", "hik2013-query-catalog", "dahua2024-notify-keepalive",
                "dahua2024-response-deviceinfo", "exosip2024-control-ptz-up", "exosip2024-query-recordinfo")) {
            assertNoXmlArtefacts(json.writeValueAsString(codec.decode(SeedBodiesTest.seed(name))));
        }
    }

    @Test
    void rawMessageCarriesItsXml() throws Exception {
        String xml = "<Response><CmdType>SensorCatalog</CmdType><SN>1</SN><DeviceID>9</DeviceID></Response>";
        JsonNode n = json.readTree(json.writeValueAsString(codec.decode(xml.getBytes(StandardCharsets.UTF_8))));
        assertThat(n.get("cmdType").asText()).isEqualTo("SensorCatalog");
        assertThat(n.get("xml").asText()).isEqualTo(xml);
        assertThat(n.has("source")).isFalse();
    }

    @Test
    void aggregatedResultAsJson() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            List<Aggregated<?>> out = new ArrayList<>();
            ResponseAggregator agg = new ResponseAggregator(scheduler, Duration.ofSeconds(5), out::add);
            agg.offer(codec.decode(SeedBodiesTest.seed("dvr2024-response-recordinfo")));
            JsonNode n = json.readTree(json.writeValueAsString(out.get(0)));
            assertThat(n.get("partial").asBoolean()).isFalse();
            assertThat(n.get("sumNum").asInt()).isEqualTo(2);
            assertThat(n.get("key").get("sn").asInt()).isEqualTo(18);
            assertThat(n.get("message").get("items")).hasSize(2);
            assertThat(n.has("items")).isFalse();
        } finally {
            scheduler.shutdownNow();
        }
    }

    static void assertNoXmlArtefacts(String text) {
        assertThat(text).doesNotContain("null", "DeviceID", "CmdType", "\"SN\"", "\"Item\"", "\"Num\"", "source",
                "declaredEncoding", "<", "\"\":");
    }
}
