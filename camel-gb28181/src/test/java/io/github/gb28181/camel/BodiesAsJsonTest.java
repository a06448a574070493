package io.github.gb28181.camel;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gb28181.camel.event.Presence;
import io.github.gb28181.camel.event.Registration;
import io.github.gb28181.camel.sdp.MediaTransportMode;
import io.github.gb28181.camel.sdp.SessionKind;
import io.github.gb28181.camel.sip.auth.AccessPolicy;
import io.github.gb28181.camel.sip.command.SubscriptionManager;
import io.github.gb28181.camel.sip.media.MediaSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event body and reply body with a time in it marshals with a bare ObjectMapper, no JSR-310 module: the times
 * come out as ISO-8601 strings (the MANSCDP documents keep theirs as the device wrote them, see JsonTest).
 */
class BodiesAsJsonTest {

    private static final Instant AT = Instant.parse("2024-05-04T14:43:16.250Z");
    private final ObjectMapper plain = new ObjectMapper();

    @Test
    void timesAreIsoStringsWithoutAnyModule() throws Exception {
        assertThat(json(new Registration("34020000001320000001", "admin", "192.0.2.7:5060", "UDP", 3600,
                "sip:34020000001320000001@192.0.2.7:5060", "IP Camera", "3.0", false, AT)).get("at").asText())
                .isEqualTo("2024-05-04T14:43:16.250Z");
        assertThat(json(new Presence("34020000001320000001", true, "REGISTERED", AT)).get("at").asText())
                .isEqualTo("2024-05-04T14:43:16.250Z");
        assertThat(json(new AccessPolicy.Lockout("34020000001320000001", "192.0.2.7", 5, AT)).get("until").asText())
                .isEqualTo("2024-05-04T14:43:16.250Z");
        assertThat(json(new SubscriptionManager.Subscription("call-1", "34020000001320000001",
                SubscriptionManager.Kind.CATALOG, 3600, AT)).get("expiresAt").asText())
                .isEqualTo("2024-05-04T14:43:16.250Z");
        JsonNode session = json(MediaSession.builder().of("call-2", "34020000001320000001", "34020000001310000001")
                .kind(SessionKind.PLAYBACK).ssrc("1340200001", "1340200001")
                .platformMedia("192.0.2.1", 30000, MediaTransportMode.TCP_PASSIVE).startedAt(AT)
                .ended(AT.plusSeconds(60), "BYE_SENT").state(MediaSession.State.ENDED).build());
        assertThat(session.get("startedAt").asText()).isEqualTo("2024-05-04T14:43:16.250Z");
        assertThat(session.get("endedAt").asText()).isEqualTo("2024-05-04T14:44:16.250Z");
        assertThat(session.get("kind").asText()).isEqualTo("PLAYBACK");
        assertThat(session.get("transport").asText()).isEqualTo("TCP_PASSIVE");
    }

    @Test
    void aSessionStillRunningHasANullEnd() throws Exception {
        JsonNode session = json(List.of(MediaSession.builder().of("call-3", "34020000001320000001", null)
                .kind(SessionKind.LIVE).startedAt(AT).build())).get(0);
        assertThat(session.get("endedAt").isNull()).isTrue();
        assertThat(session.get("state").asText()).isEqualTo("ACTIVE");
    }

    private JsonNode json(Object body) throws Exception {
        return plain.readTree(plain.writeValueAsString(body));
    }
}
