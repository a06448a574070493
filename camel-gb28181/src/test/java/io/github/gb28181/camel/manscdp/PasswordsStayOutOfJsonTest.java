package io.github.gb28181.camel.manscdp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gb28181.camel.manscdp.model.BasicParam;
import io.github.gb28181.camel.manscdp.model.CatalogItem;
import io.github.gb28181.camel.manscdp.model.ConfigDownloadResponse;
import io.github.gb28181.camel.manscdp.model.DeviceInfoResponse;
import io.github.gb28181.camel.manscdp.model.StandardTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Devices put passwords in ConfigDownload, DeviceInfo and catalog items; the events and REST answers made from them
 * (JSON) must not carry them, while the XML we send keeps them.
 */
class PasswordsStayOutOfJsonTest {

    private final ManscdpCodec codec = StandardTypes.codec();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void passwordsAreDecodedButNeverMarshalledToJson() throws Exception {
        ConfigDownloadResponse config = codec.decode(("<?xml version=\"1.0\"?><Response><CmdType>ConfigDownload</CmdType>"
                + "<SN>1</SN><DeviceID>34020000001320000001</DeviceID><Result>OK</Result><BasicParam><Name>cam</Name>"
                + "<Password>s3cret</Password></BasicParam></Response>").getBytes(), ConfigDownloadResponse.class);
        DeviceInfoResponse info = codec.decode(("<?xml version=\"1.0\"?><Response><CmdType>DeviceInfo</CmdType><SN>2</SN>"
                + "<DeviceID>34020000001320000001</DeviceID><Password>s3cret</Password></Response>").getBytes(),
                DeviceInfoResponse.class);
        CatalogItem item = new CatalogItem();
        item.setPassword("s3cret");

        assertThat(config.getBasicParam().getPassword()).isEqualTo("s3cret");
        for (Object body : new Object[] { config, info, item }) {
            assertThat(json.writeValueAsString(body)).doesNotContain("s3cret").doesNotContainIgnoringCase("password");
        }
        BasicParam outgoing = new BasicParam();
        outgoing.setPassword("n3w");
        assertThat(outgoing.getPassword()).isEqualTo("n3w");
    }
}
