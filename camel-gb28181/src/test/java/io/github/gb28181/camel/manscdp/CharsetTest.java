package io.github.gb28181.camel.manscdp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.gb28181.camel.manscdp.model.CatalogItem;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.manscdp.model.KeepaliveNotify;
import io.github.gb28181.camel.manscdp.model.StandardTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CharsetTest {

    private static final Charset GB2312 = Charset.forName("GB2312");
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final ManscdpCodec codec = StandardTypes.codec();

    @ParameterizedTest
    @ValueSource(strings = { "GB2312", "GBK", "GB18030", "UTF-8" })
    void chineseSurvivesDecodeEncodeDecodeInEachCharset(String name) {
        Charset cs = Charset.forName(name);
        CatalogResponse original = catalog("大华球机（一号）", "杭州市滨江区&东门<2>");
        byte[] first = codec.encode(original, cs);
        assertThat(new String(first, cs)).startsWith("<?xml version=\"1.0\" encoding=\"" + cs.name() + "\"?>")
                .contains("大华球机（一号）");
        assertThat(first).containsSequence("大华球机".getBytes(cs));

        CatalogResponse decoded = codec.decode(first, CatalogResponse.class);
        assertThat(decoded.getCharset()).isEqualTo(cs);
        assertThat(decoded.getItems().get(0).getName()).isEqualTo("大华球机（一号）");
        assertThat(decoded.getItems().get(0).getAddress()).isEqualTo("杭州市滨江区&东门<2>");

        CatalogResponse again = codec.decode(codec.encode(decoded), CatalogResponse.class);
        assertThat(again.getItems().get(0).getName()).isEqualTo("大华球机（一号）");
        assertThat(again.getCharset()).isEqualTo(cs);
    }

    @Test
    void characterOutsideGb2312BecomesANumericReferenceAndComesBack() {
        byte[] body = codec.encode(catalog("朱镕基路口", "x"), GB2312);
        assertThat(new String(body, GB2312)).contains("朱&#x9555;基路口");
        assertThat(codec.decode(body, CatalogResponse.class).getItems().get(0).getName()).isEqualTo("朱镕基路口");
    }

    @Test
    void characterOutsideTheBmpSurvivesGb18030AndUtf8() {
        String name = "𠀀号"; // CJK Extension B
        for (Charset cs : List.of(GB18030, StandardCharsets.UTF_8, GB2312)) {
            byte[] body = codec.encode(catalog(name, "x"), cs);
            assertThat(codec.decode(body, CatalogResponse.class).getItems().get(0).getName()).as(cs.name()).isEqualTo(name);
        }
    }

    @Test
    void realGb2312BytesDeclaredGb2312() {
        CatalogResponse r = codec.decode(Resources.bytes("variants/dahua2024-response-catalog-chinese-gb2312.xml"),
                CatalogResponse.class);
        assertThat(r.getCharset()).isEqualTo(GB2312);
        assertThat(r.getItems().get(0).getName()).isEqualTo("大华球机一号");
        assertThat(r.getItems().get(0).getAddress()).isEqualTo("安徽省芜湖市北京路");
        // the reply goes back in GB2312 bytes
        byte[] reply = codec.encodeLike(r, r);
        assertThat(reply).containsSequence("大华球机一号".getBytes(GB2312));
    }

    @Test
    void declaredGb2312ButGbkBytesFallsBackToGb18030() {
        CatalogResponse r = codec.decode(Resources.bytes("variants/dahua2024-response-catalog-gbk-declared-gb2312.xml"),
                CatalogResponse.class);
        assertThat(r.getDeclaredEncoding()).isEqualTo("GB2312");
        assertThat(r.getCharset()).isEqualTo(GB18030);
        assertThat(r.getItems().get(0).getName()).isEqualTo("朱镕基路口");
    }

    @Test
    void declaredGb2312ButUtf8BytesIsReadAsUtf8() {
        CatalogResponse r = codec.decode(Resources.bytes("variants/dahua2024-response-catalog-utf8-declared-gb2312.xml"),
                CatalogResponse.class);
        assertThat(r.getCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(r.getItems().get(0).getName()).isEqualTo("东门入口");
    }

    @Test
    void declaredUtf8ButGbBytesFallsBackToGb18030() {
        byte[] body = keepalive("UTF-8", "门口摄像机").getBytes(GBK);
        KeepaliveNotify k = codec.decode(body, KeepaliveNotify.class);
        assertThat(k.getCharset()).isEqualTo(GB18030);
        assertThat(k.getFaultDeviceIds()).containsExactly("门口摄像机");
    }

    @Test
    void undeclaredUtf8AndUndeclaredGb() {
        String text = keepalive(null, "门口");
        assertThat(codec.decode(text.getBytes(StandardCharsets.UTF_8)).getCharset()).isEqualTo(StandardCharsets.UTF_8);
        KeepaliveNotify gb = codec.decode(text.getBytes(GB2312), KeepaliveNotify.class);
        assertThat(gb.getCharset()).isEqualTo(GB18030);
        assertThat(gb.getFaultDeviceIds()).containsExactly("门口");
    }

    @ParameterizedTest
    @ValueSource(strings = { "gb2312", "Gb2312", "GB-2312", "gbk", "gb18030", "utf-8", "UTF8" })
    void declarationSpellings(String spelling) {
        Charset expected = BodyDecoder.lookup(spelling);
        assertThat(expected).isNotNull();
        String text = keepalive(spelling, "门口").replace('"' + spelling + '"', "'" + spelling + "'");
        KeepaliveNotify k = codec.decode(text.getBytes(expected), KeepaliveNotify.class);
        assertThat(k.getCharset()).isEqualTo(expected);
        assertThat(k.getDeclaredEncoding()).isEqualTo(spelling);
        assertThat(k.getFaultDeviceIds()).containsExactly("门口");
    }

    @Test
    void unknownDeclaredEncodingIsTreatedAsUndeclared() {
        KeepaliveNotify k = codec.decode(keepalive("x-martian", "门口").getBytes(GB2312), KeepaliveNotify.class);
        assertThat(k.getDeclaredEncoding()).isEqualTo("x-martian");
        assertThat(k.getCharset()).isEqualTo(GB18030);
        assertThat(k.getFaultDeviceIds()).containsExactly("门口");
    }

    @Test
    void utf8BomWins() {
        byte[] text = keepalive(null, "门口").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[text.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(text, 0, body, 3, text.length);
        KeepaliveNotify k = codec.decode(body, KeepaliveNotify.class);
        assertThat(k.getCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(k.getFaultDeviceIds()).containsExactly("门口");
    }

    @Test
    void locallyBuiltMessagesUseTheCodecDefault() {
        KeepaliveNotify k = new KeepaliveNotify();
        k.setSn(1);
        assertThat(new String(codec.encode(k), GB2312)).startsWith("<?xml version=\"1.0\" encoding=\"GB2312\"?>");
        ManscdpCodec utf8 = StandardTypes.builder().defaultCharset(StandardCharsets.UTF_8).build();
        assertThat(new String(utf8.encode(k), GB2312)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    private static String keepalive(String encoding, String info) {
        return "<?xml version=\"1.0\"" + (encoding == null ? "" : " encoding=\"" + encoding + "\"") + "?>\r\n"
                + "<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n<SN>1</SN>\r\n<DeviceID>34020000001320000002</DeviceID>\r\n"
                + "<Status>OK</Status>\r\n<Info>\r\n<DeviceID>" + info + "</DeviceID>\r\n</Info>\r\n</Notify>\r\n";
    }

    static CatalogResponse catalog(String name, String address) {
        CatalogResponse r = new CatalogResponse();
        r.setSn(3);
        r.setDeviceId("34020000001320000002");
        r.setSumNum(1);
        CatalogItem item = new CatalogItem();
        item.setDeviceId("34020000001310000001");
        item.setName(name);
        item.setAddress(address);
        item.setStatus("ON");
        r.setItems(List.of(item));
        return r;
    }
}
