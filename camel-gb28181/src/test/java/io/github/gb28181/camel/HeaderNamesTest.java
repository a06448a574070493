package io.github.gb28181.camel;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header naming rule of both .adoc files: what identifies a stream on both sides has one name without the
 * component's infix, and the gb28181 component uses the same names; everything else of gb28181-rtp says Rtp.
 */
class HeaderNamesTest {

    private static final Set<String> SHARED = Set.of("CamelGb28181DeviceId", "CamelGb28181ChannelId",
            "CamelGb28181SessionId", "CamelGb28181Ssrc");

    @Test
    void rtpHeadersAreSharedNamesOrCarryTheRtpInfix() throws Exception {
        Set<String> rtp = headers("gb28181-rtp");
        Set<String> sip = headers("gb28181");
        for (String name : rtp) {
            assertThat(SHARED.contains(name) || name.startsWith("CamelGb28181Rtp")).as(name).isTrue();
        }
        assertThat(rtp).containsAll(SHARED);
        assertThat(sip).contains("CamelGb28181DeviceId", "CamelGb28181ChannelId", "CamelGb28181SessionId");
        assertThat(Gb28181RtpConstants.SESSION_ID).isEqualTo(Gb28181Constants.SESSION_ID);
        assertThat(Gb28181RtpConstants.DEVICE_ID).isEqualTo(Gb28181Constants.DEVICE_ID);
        assertThat(Gb28181RtpConstants.CHANNEL_ID).isEqualTo(Gb28181Constants.CHANNEL_ID);
    }

    private static Set<String> headers(String scheme) throws Exception {
        JsonNode schema = new ObjectMapper().readTree(
                Path.of("src/generated/resources/META-INF/io/github/gb28181/camel/" + scheme + ".json").toFile());
        Set<String> names = new HashSet<>();
        for (Iterator<String> it = schema.get("headers").fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
