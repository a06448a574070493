package io.github.gb28181.camel.manscdp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.github.gb28181.camel.manscdp.model.AlarmNotify;
import io.github.gb28181.camel.manscdp.model.CatalogItem;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.manscdp.model.DeviceInfoResponse;
import io.github.gb28181.camel.manscdp.model.KeepaliveNotify;
import io.github.gb28181.camel.manscdp.model.MobilePositionNotify;
import io.github.gb28181.camel.manscdp.model.StandardTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What real devices send that a strict XML parser would refuse. */
class DeviceQuirksTest {

    private final ManscdpCodec codec = StandardTypes.codec();

    private ManscdpMessage decode(String xml) {
        return codec.decode(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hikvisionUnescapedAmpersandAndLessThanInText() {
        CatalogResponse r = codec.decode(Resources.bytes("variants/hik-response-catalog-unescaped-address.xml"),
                CatalogResponse.class);
        CatalogItem item = r.getItems().get(0);
        assertThat(item.getAddress()).isEqualTo("A&B<C");
        assertThat(item.getName()).isEqualTo("大门&停车场");
        assertThat(item.getStatusFlag()).isEqualTo(StatusFlag.ON);
        assertThat(r.getCharset()).isEqualTo(Charset.forName("GB2312"));
        // and what we write back is proper XML that a strict parser accepts
        String xml = codec.toXml(r, StandardCharsets.UTF_8);
        assertThat(xml).contains("<Address>A&amp;B&lt;C</Address>");
    }

    @Test
    void textThatLooksLikeATagButNeverCloses() {
        CatalogResponse r = (CatalogResponse) decode("<Response><CmdType>Catalog</CmdType><SN>1</SN>"
                + "<DeviceID>1</DeviceID><SumNum>1</SumNum><DeviceList><Item><DeviceID>2</DeviceID>"
                + "<Name>a<b>c & d &nbsp; &#20013;</Name></Item></DeviceList></Response>");
        assertThat(r.getItems().get(0).getName()).isEqualTo("a<b>c & d &nbsp; 中");
        assertThat(r.getItems().get(0).getDeviceId()).isEqualTo("2");
    }

    @Test
    void unescapedAmpersandInAnAttribute() {
        CatalogResponse r = (CatalogResponse) decode("<Response><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>1</DeviceID>"
                + "<SumNum>1</SumNum><DeviceList Num=\"1\" Note=\"a&b\"><Item><DeviceID>2</DeviceID></Item></DeviceList></Response>");
        assertThat(r.getItems()).hasSize(1);
        assertThat(r.getSource().child("DeviceList").attribute("note")).isEqualTo("a&b");
    }

    @Test
    void leadingWhitespaceNulsAndBomBeforeTheDeclaration() {
        byte[] text = ("\r\n  \t<?xml version=\"1.0\" encoding=\"GB2312\"?>\n<Notify><CmdType>Keepalive</CmdType>"
                + "<SN>5</SN><DeviceID>1</DeviceID><Status>OK</Status></Notify>").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[text.length + 2];
        System.arraycopy(text, 0, body, 2, text.length);
        KeepaliveNotify k = codec.decode(body, KeepaliveNotify.class);
        assertThat(k.getSn()).isEqualTo(5);
        assertThat(k.getDeclaredEncoding()).isEqualTo("GB2312");
        assertThat(decode("\uFEFF  <Notify><CmdType>Keepalive</CmdType><SN>6</SN></Notify>").getSn()).isEqualTo(6);
    }

    @Test
    void declarationWithoutQuotesOrVersionIsTolerated() {
        assertThat(decode("<?xml encoding=GB2312?><Notify><CmdType>Keepalive</CmdType><SN>7</SN></Notify>"))
                .isInstanceOf(KeepaliveNotify.class);
    }

    @Test
    void trailingGarbageAfterTheRootElement() {
        assertThat(decode("<Notify><CmdType>Keepalive</CmdType><SN>1</SN></Notify>\0\0\0")).isInstanceOf(KeepaliveNotify.class);
        assertThat(decode("<Notify><CmdType>Keepalive</CmdType><SN>2</SN></Notify>junk</Notify><x").getSn()).isEqualTo(2);
        assertThat(decode("<Notify><CmdType>Keepalive</CmdType><SN>3</SN></Notify><Notify>second copy</Notify>").getSn())
                .isEqualTo(3);
    }

    @Test
    void controlCharactersInsideTextAreDropped() {
        KeepaliveNotify k = (KeepaliveNotify) decode("<Notify><CmdType>Keepalive</CmdType><SN>1</SN>"
                + "<Status>O\u0001K\0</Status></Notify>");
        assertThat(k.getStatus()).isEqualTo("OK");
    }

    @Test
    void elementNamesInAnyCase() {
        ManscdpMessage m = decode("<NOTIFY><cmdtype>keepalive</cmdtype><Sn>12</Sn><DeviceId>34020000001320000002</DeviceId>"
                + "<STATUS>On</STATUS></NOTIFY>");
        assertThat(m).isInstanceOf(KeepaliveNotify.class);
        KeepaliveNotify k = (KeepaliveNotify) m;
        assertThat(k.getSn()).isEqualTo(12);
        assertThat(k.getDeviceId()).isEqualTo("34020000001320000002");
        assertThat(k.getStatusFlag()).isEqualTo(StatusFlag.ON);
        assertThat(k.getCmdType()).isEqualTo("Keepalive");
    }

    @Test
    void endTagInAnotherCaseThanItsStartTag() {
        DeviceInfoResponse r = (DeviceInfoResponse) decode("<Response><CmdType>DeviceInfo</CmdType><SN>1</SN>"
                + "<DeviceID>1</DeviceId><Manufacturer>Hikvision</manufacturer></Response>");
        assertThat(r.getDeviceId()).isEqualTo("1");
        assertThat(r.getManufacturer()).isEqualTo("Hikvision");
    }

    @Test
    void numbersWithWhitespaceEmptyOrGarbageAreNullNeverAnError() {
        MobilePositionNotify p = (MobilePositionNotify) decode("<Notify><CmdType>MobilePosition</CmdType><SN>\n 9 \n</SN>"
                + "<DeviceID>1</DeviceID><Time>2024-05-17T14:24:54</Time><Longitude> 120.12345 </Longitude>"
                + "<Latitude></Latitude><Speed>fast</Speed><Direction/><Altitude>1.0e2</Altitude></Notify>");
        assertThat(p.getSn()).isEqualTo(9);
        assertThat(p.getLongitude()).isEqualTo(120.12345);
        assertThat(p.getLatitude()).isNull();
        assertThat(p.getSpeed()).isNull();
        assertThat(p.getDirection()).isNull();
        assertThat(p.getAltitude()).isEqualTo(100.0);
        assertThat(p.getTime()).isEqualTo("2024-05-17T14:24:54");

        DeviceInfoResponse r = (DeviceInfoResponse) decode("<Response><CmdType>DeviceInfo</CmdType><SN>x</SN>"
                + "<Channel> 16 </Channel><Port></Port><MaxCamera>99999999999</MaxCamera><MaxAlarm>2.0</MaxAlarm></Response>");
        assertThat(r.getSn()).isNull();
        assertThat(r.getChannel()).isEqualTo(16);
        assertThat(r.getPort()).isNull();
        assertThat(r.getMaxCamera()).isNull();
        assertThat(r.getMaxAlarm()).isEqualTo(2);
    }

    @Test
    void numAttributeMissingOrWrongTrustsTheItems() {
        CatalogResponse wrong = (CatalogResponse) decode("<Response><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>1</DeviceID>"
                + "<SumNum>2</SumNum><DeviceList Num=\"5\"><Item><DeviceID>a</DeviceID></Item><Item><DeviceID>b</DeviceID></Item>"
                + "</DeviceList></Response>");
        assertThat(wrong.getItems()).extracting(CatalogItem::getDeviceId).containsExactly("a", "b");
        CatalogResponse missing = (CatalogResponse) decode("<Response><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>1</DeviceID>"
                + "<SumNum>1</SumNum><devicelist><item><deviceid>a</deviceid></item></devicelist></Response>");
        assertThat(missing.getItems()).extracting(CatalogItem::getDeviceId).containsExactly("a");
        // and we write the true count
        assertThat(codec.toXml(wrong, StandardCharsets.UTF_8)).contains("<DeviceList Num=\"2\">");
    }

    @ParameterizedTest
    @CsvSource({ "ON,ON", "On,ON", "on,ON", "ONLINE,ON", "OK,ON", " ok ,ON", "OFF,OFF", "Off,OFF", "OFFLINE,OFF",
            "ERROR,OFF", "VLOST,UNKNOWN", "'',UNKNOWN" })
    void statusSpellings(String raw, StatusFlag expected) {
        assertThat(StatusFlag.of(raw)).isEqualTo(expected);
        KeepaliveNotify k = (KeepaliveNotify) decode("<Notify><CmdType>Keepalive</CmdType><SN>1</SN><Status>" + raw
                + "</Status></Notify>");
        assertThat(k.getStatus()).isEqualTo(raw.strip());
        assertThat(k.getStatusFlag()).isEqualTo(expected);
    }

    @Test
    void unknownElementsInsideKnownDocumentsAreKeptInTheSourceTree() {
        AlarmNotify a = (AlarmNotify) decode("<Notify><CmdType>Alarm</CmdType><SN>3</SN><DeviceID>34020000001340000001</DeviceID>"
                + "<AlarmPriority>1</AlarmPriority><AlarmMethod>5</AlarmMethod><AlarmTime>2024-05-17T14:24:54</AlarmTime>"
                + "<VendorExtra><Level>9</Level></VendorExtra>"
                + "<Info><AlarmType>2</AlarmType><AlarmTypeParam><EventType>1</EventType></AlarmTypeParam></Info></Notify>");
        assertThat(a.getAlarmPriority()).isEqualTo(1);
        assertThat(a.getAlarmMethod()).isEqualTo("5");
        assertThat(a.getAlarmType()).isEqualTo(2);
        assertThat(a.getEventType()).isEqualTo(1);
        assertThat(a.getSource().integer("VendorExtra/Level")).isEqualTo(9);
    }

    @Test
    void unknownCmdTypeIsKeptRawWithItsText() {
        String xml = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\n<Response>\n<CmdType>SensorCatalog</CmdType>\n<SN>8</SN>\n"
                + "<DeviceID>34020000001320000002</DeviceID>\n<SumNum>1</SumNum>\n<SensorList Num=\"1\"><Item><ID>s1</ID>"
                + "<Name>温度</Name></Item></SensorList>\n</Response>\n";
        ManscdpMessage m = codec.decode(xml.getBytes(Charset.forName("GB2312")));
        assertThat(m).isInstanceOf(RawMessage.class);
        RawMessage raw = (RawMessage) m;
        assertThat(raw.getKind()).isEqualTo(RootKind.RESPONSE);
        assertThat(raw.getCmdType()).isEqualTo("SensorCatalog");
        assertThat(raw.getSn()).isEqualTo(8);
        assertThat(raw.getDeviceId()).isEqualTo("34020000001320000002");
        assertThat(raw.getXml()).isEqualTo(xml);
        assertThat(raw.getSource().string("SensorList/Item/Name")).isEqualTo("温度");

        // relaying a raw message keeps every element
        RawMessage again = (RawMessage) codec.decode(codec.encode(raw));
        assertThat(again.getSource().string("SensorList/Item/Name")).isEqualTo("温度");
        assertThat(again.getSource().child("SensorList").attribute("Num")).isEqualTo("1");
    }

    @Test
    void unknownRootAndMissingCmdTypeAreKeptRaw() {
        RawMessage unknownRoot = (RawMessage) decode("<Request><CmdType>Catalog</CmdType><SN>1</SN></Request>");
        assertThat(unknownRoot.getKind()).isNull();
        assertThat(unknownRoot.getRootName()).isEqualTo("Request");
        assertThat(codec.toXml(unknownRoot, StandardCharsets.UTF_8)).contains("<Request>");

        RawMessage noCmd = (RawMessage) decode("<Notify><SN>1</SN><DeviceID>2</DeviceID></Notify>");
        assertThat(noCmd.getKind()).isEqualTo(RootKind.NOTIFY);
        assertThat(noCmd.getCmdType()).isNull();
        assertThat(noCmd.getDeviceId()).isEqualTo("2");
    }

    @Test
    void vendorTypesCanBeRegistered() {
        ManscdpCodec custom = StandardTypes.builder().register(RootKind.RESPONSE, "SensorCatalog", SensorCatalog::new).build();
        ManscdpMessage m = custom.decode("<Response><CmdType>sensorcatalog</CmdType><SN>1</SN><SumNum>4</SumNum></Response>"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(m).isInstanceOf(SensorCatalog.class);
        assertThat(((SensorCatalog) m).sumNum).isEqualTo(4);
        assertThat(codec.decode("<Response><CmdType>SensorCatalog</CmdType></Response>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RawMessage.class);
    }

    static final class SensorCatalog extends ManscdpMessage {
        Integer sumNum;

        @Override
        public RootKind getKind() {
            return RootKind.RESPONSE;
        }

        @Override
        public String getCmdType() {
            return "SensorCatalog";
        }

        @Override
        protected void readBody(XmlElement root) {
            sumNum = root.integer("SumNum");
        }

        @Override
        protected void writeBody(XmlElement root) {
            root.add("SumNum", sumNum);
        }
    }
}
