package io.github.gb28181.example;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.media.Ffprobe;
import io.github.gb28181.camel.media.Samples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The YAML example examples/file-camera.yaml, dropped in the routes folder, turns a recorded H.264 file into a camera
 * that registers to the platform and plays when the platform plays it; and the platform, configured with
 * gb28181.upstream.*, is a lower platform of another one, which sees that camera's channel in its catalog.
 */
class FileCameraAndCascadeTest extends PlatformTestSupport {

    static final String CAMERA = "34020000001320000100";
    static final String CAMERA_CHANNEL = "34020000001310000100";
    static final String PLATFORM_ID = "34020000002000000001";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theFileCameraOfTheYamlExampleIsAChannelThatPlays() throws Exception {
        await().atMost(WAIT).until(() -> cameraListed(get("/api/devices").json()));

        Reply played = post("/api/channels/" + CAMERA_CHANNEL + "/play", null);
        assertThat(played.status()).as(played.text()).isEqualTo(201);
        String streamId = played.json().path("streamId").asText();
        Path file = Path.of(played.json().path("file").asText());
        int frames = Samples.videoFrames(Samples.H264_AUD);
        // the file plays at its 25 frames a second, looped: one pass and a little more
        await().atMost(WAIT).until(() -> framesOf(get("/api/streams").json(), streamId) > frames + 5);
        Reply stopped = call("DELETE", "/api/streams/" + streamId, null);
        assertThat(stopped.status()).isEqualTo(200);
        // the recording is an MP4, its last GOP written when the stream closed
        assertThat(Ffprobe.videoFrames(file, "mp4")).isGreaterThan(frames);
    }

    @Test
    void theUpperPlatformSeesThePlatformsChannels() throws Exception {
        await().atMost(WAIT).until(() -> UpperPlatform.REGISTRY.find(PLATFORM_ID).map(d -> d.isOnline())
                .orElse(false));
        await().atMost(WAIT).until(() -> cameraListed(get("/api/devices").json()));
        CatalogResponse catalog = UpperPlatform.catalog(PLATFORM_ID);
        assertThat(catalog.getItems()).anySatisfy(item -> {
            assertThat(item.getDeviceId()).isEqualTo(CAMERA_CHANNEL);
            assertThat(item.getName()).isEqualTo("file camera");
            assertThat(item.getStatus()).isEqualTo("ON");
        });
    }

    /** The camera registered and its catalog (asked by the built-in first-queries route) is known. */
    private static boolean cameraListed(JsonNode devices) {
        for (JsonNode device : devices) {
            if (CAMERA.equals(device.path("deviceId").asText())) {
                return device.path("online").asBoolean() && device.path("channelCount").asInt() == 1;
            }
        }
        return false;
    }

    private static long framesOf(JsonNode streams, String streamId) {
        for (JsonNode stream : streams) {
            if (streamId.equals(stream.path("streamId").asText())) {
                return stream.path("frames").asLong();
            }
        }
        return 0;
    }
}
