package io.github.gb28181.example;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.gb28181.camel.media.Ffprobe;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.media.mp4.Mp4FileReader;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one-file recorder of jbang/ run the way {@code camel run} runs it: Camel Main, the YAML file and its
 * application.properties, no Spring. Its consumer sees the camera register, its producer asks for the catalog and
 * plays the camera channel, and its RTP consumer (mode=fmp4) records the video as an MP4 that ffprobe decodes.
 */
class JBangRecorderTest {

    static final Path ROUTES = Path.of("jbang", "gb28181-recorder.camel.yaml");
    static final Path PROPERTIES = Path.of("jbang", "application.properties");

    @RegisterExtension
    Camera camera = new Camera("34020000001320000041", "34020000001310000041", "");

    @TempDir
    Path recordings;

    private Main main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void recorderAsksForTheCatalogPlaysTheCameraAndWritesItsVideo() throws Exception {
        int sipPort = FreePorts.udpAndTcp();
        int rtpPort = FreePorts.udpAndTcp();
        main = new Main();
        main.configure().withRoutesIncludePattern("file:" + ROUTES.toAbsolutePath());
        main.setPropertyPlaceholderLocations("file:" + PROPERTIES.toAbsolutePath());
        // what `camel run ... --prop=...` would override
        main.addOverrideProperty("camel.component.gb28181.port", Integer.toString(sipPort));
        main.addOverrideProperty("camel.component.gb28181.host", "127.0.0.1");
        main.addOverrideProperty("recorder.rtp-port", Integer.toString(rtpPort));
        main.addOverrideProperty("recorder.dir", recordings.toString());
        // the stream's last GOP is written when it ends: here half a second after the camera's last packet
        main.addOverrideProperty("camel.component.gb28181-rtp.stream-idle-timeout", "500");
        main.start();

        camera.device.connect(sipPort, "UDP");
        assertThat(camera.device.register(3600).status()).isEqualTo(200); // no password configured
        camera.answerCatalog(camera.nextMessage(Camera.withCmdType("Catalog")));

        SipText invite = camera.device.peer().awaitRequest("INVITE", Camera.WAIT);
        assertThat(invite.requestUri()).startsWith("sip:" + camera.channelId + "@");
        assertThat(invite.bodyText()).contains("m=video " + rtpPort + " RTP/AVP");
        String ssrc = camera.acceptInvite(invite, SimulatedDevice.newId());
        Camera.streamSample(Samples.H264_GST_PSM, ssrc, rtpPort);

        Path file = recordings.resolve(camera.deviceId).resolve(camera.channelId + "-" + ssrc + ".mp4");
        int frames = Samples.videoFrames(Samples.H264_GST_PSM);
        await().atMost(Camera.WAIT).until(() -> Files.exists(file) && Mp4FileReader.read(file).videoFrames() == frames);
        assertThat(Ffprobe.videoFrames(file, "mp4")).isEqualTo(frames);
        assertThat(Ffprobe.keyFrames(file, "mp4")).isEqualTo(Samples.keyFrames(Samples.H264_GST_PSM));
    }
}
