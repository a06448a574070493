package io.github.gb28181.camel;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.github.gb28181.camel.manscdp.RawMessage;
import io.github.gb28181.camel.manscdp.Resources;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.manscdp.model.DeviceInfoQuery;
import io.github.gb28181.camel.manscdp.model.KeepaliveNotify;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gb28181-manscdp data format, found by name as Camel finds any data format, in Java and YAML routes: real
 * devices' bytes (a lying GB2312 declaration, unescaped ampersands) in, typed documents out, and back in a charset.
 */
class ManscdpDataFormatTest extends CamelTestSupport {

    private static final Charset GB2312 = Charset.forName("GB2312");

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:read").unmarshal().custom("gb28181-manscdp");
                from("direct:write").marshal().custom("gb28181-manscdp");
            }
        };
    }

    @Test
    void realDevicesBytesBecomeTypedDocuments() {
        CatalogResponse catalog = template.requestBody("direct:read",
                Resources.bytes("variants/hik-response-catalog-unescaped-address.xml"), CatalogResponse.class);
        assertThat(catalog.getItems().get(0).getName()).isEqualTo("大门&停车场");
        assertThat(catalog.getItems().get(0).getAddress()).isEqualTo("A&B<C");
        assertThat(catalog.getCharset()).isEqualTo(GB2312);

        CatalogResponse gbk = template.requestBody("direct:read",
                Resources.bytes("variants/dahua2024-response-catalog-gbk-declared-gb2312.xml"), CatalogResponse.class);
        assertThat(gbk.getItems()).isNotEmpty();

        Object keepalive = template.requestBody("direct:read", Resources.bytes("seeds/hik2013-notify-keepalive.xml"));
        assertThat(keepalive).isInstanceOf(KeepaliveNotify.class);
    }

    @Test
    void textAndUnknownDocumentsToo() {
        Object text = template.requestBody("direct:read", "<?xml version=\"1.0\" encoding=\"GB2312\"?><Notify>"
                                                          + "<CmdType>Keepalive</CmdType><SN>5</SN><DeviceID>"
                                                          + "34020000001320000001</DeviceID><Status>OK</Status></Notify>");
        assertThat(text).isInstanceOf(KeepaliveNotify.class);
        assertThat(((KeepaliveNotify) text).getCharset()).isEqualTo(GB2312); // what an answer would be written in

        String vendor = "<Response><CmdType>SensorCatalog</CmdType><SN>1</SN><DeviceID>9</DeviceID></Response>";
        RawMessage raw = template.requestBody("direct:read", vendor.getBytes(StandardCharsets.UTF_8), RawMessage.class);
        assertThat(raw.getCmdType()).isEqualTo("SensorCatalog");
        assertThat(raw.getXml()).isEqualTo(vendor);
    }

    @Test
    void documentsAreWrittenInTheirCharsetAndReadBack() {
        CatalogResponse received = template.requestBody("direct:read",
                Resources.bytes("variants/dahua2024-response-catalog-chinese-gb2312.xml"), CatalogResponse.class);
        byte[] written = template.requestBody("direct:write", received, byte[].class);
        assertThat(new String(written, GB2312)).startsWith("<?xml version=\"1.0\" encoding=\"GB2312\"?>");
        CatalogResponse again = template.requestBody("direct:read", written, CatalogResponse.class);
        assertThat(again.getItems()).extracting(i -> i.getName())
                .isEqualTo(received.getItems().stream().map(i -> i.getName()).toList());

        DeviceInfoQuery query = new DeviceInfoQuery();
        query.setSn(17);
        query.setDeviceId("34020000001320000001");
        String xml = new String(template.requestBody("direct:write", query, byte[].class), GB2312);
        assertThat(xml).contains("<Query>", "<CmdType>DeviceInfo</CmdType>", "<SN>17</SN>");
    }

    @Test
    void yamlRoutesNameItToo() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("manscdp.yaml", """
                - from:
                    uri: direct:yaml
                    steps:
                      - unmarshal:
                          custom:
                            ref: gb28181-manscdp
                """));
        assertThat(template.requestBody("direct:yaml", Resources.bytes("seeds/dahua2024-notify-keepalive.xml")))
                .isInstanceOf(KeepaliveNotify.class);
    }
}
