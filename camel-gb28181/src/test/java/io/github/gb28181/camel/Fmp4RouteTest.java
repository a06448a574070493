package io.github.gb28181.camel;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.gb28181.camel.media.Ffprobe;
import io.github.gb28181.camel.media.InMemoryMediaSessionRegistry;
import io.github.gb28181.camel.media.MediaCase;
import io.github.gb28181.camel.media.MediaSessionInfo;
import io.github.gb28181.camel.media.NettyLeakDetection;
import io.github.gb28181.camel.media.RtpSender;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.media.Ssrc;
import io.github.gb28181.camel.media.mp4.Mp4FileReader;
import io.github.gb28181.camel.media.mp4.Mp4FileSummary;
import io.github.gb28181.camel.test.FreePorts;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * mode=fmp4 in routes: an exchange per init segment and fragment with the headers the docs promise, and MP4 files
 * written by the routes of gb28181-rtp-component.adoc (Java and YAML) that ffprobe decodes to the source's frames.
 */
@ExtendWith(NettyLeakDetection.class)
class Fmp4RouteTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CAMERA = "34020000001320000001";
    private static final String CHANNEL = "34020000001310000001";

    @TempDir
    Path recordings;

    private final int javaPort = FreePorts.udpAndTcp();
    private final InMemoryMediaSessionRegistry sessions = new InMemoryMediaSessionRegistry();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("mediaSessions", sessions);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the Java example of gb28181-rtp-component.adoc, with the port and folder of the test
                from("gb28181-rtp:127.0.0.1:" + javaPort + "?mode=fmp4&audio=all&streamIdleTimeout=300")
                        .routeId("mp4-files")
                        .wireTap("mock:segments")
                        .toD("file:" + recordings + "?fileName=${header.CamelGb28181ChannelId}"
                             + "-${header.CamelGb28181SessionId}.mp4&fileExist=Append");
            }
        };
    }

    @Test
    void h264WithG711BecomesAnMp4FileWithBothTracks() throws Exception {
        sessions.announce(Ssrc.parse("0100000021"), new MediaSessionInfo(CAMERA, CHANNEL, "call-21"));
        MediaCase camera = MediaCase.camera(Samples.H264_AUD, false, true);
        MockEndpoint segments = getMockEndpoint("mock:segments");
        segments.expectedMinimumMessageCount(1 + camera.keyFrames());
        segments.setResultWaitTime(WAIT.toMillis());

        RtpSender.udp(new InetSocketAddress("127.0.0.1", javaPort), camera.rtp(100000021L), flow("mp4-files"));
        segments.assertIsSatisfied();

        Path file = recordings.resolve(CHANNEL + "-call-21.mp4");
        // the last GOP goes out when the stream ends, after streamIdleTimeout
        await().atMost(WAIT).until(() -> Files.exists(file)
                                         && Mp4FileReader.read(file).videoFrames() == camera.videoFrames());
        assertThat(Ffprobe.videoFrames(file, "mp4")).isEqualTo(camera.videoFrames());
        assertThat(Ffprobe.keyFrames(file, "mp4")).isEqualTo(camera.keyFrames());
        assertThat(Ffprobe.audioFrames(file, "mp4")).as("G.711 kept in the file").isEqualTo(camera.audioFrames());
        Mp4FileSummary summary = Mp4FileReader.read(file);
        assertThat(summary.audioCodec()).isEqualTo("alaw");
        assertThat(summary.durationMillis()).isEqualTo(3000);

        List<Exchange> exchanges = segments.getExchanges();
        Exchange init = exchanges.get(0);
        assertThat(init.getIn().getHeaders())
                .containsEntry(Gb28181RtpConstants.SEGMENT, "INIT")
                .containsEntry(Gb28181RtpConstants.CODEC, "H264")
                .containsEntry(Gb28181RtpConstants.MIME_TYPE, "video/mp4; codecs=\"avc1.64000d,alaw\"")
                .containsEntry(Gb28181RtpConstants.SSRC, "0100000021")
                .containsEntry(Gb28181Constants.SESSION_ID, "call-21")
                .containsEntry(Gb28181RtpConstants.DEVICE_ID, CAMERA)
                .containsEntry(Gb28181RtpConstants.CHANNEL_ID, CHANNEL);
        Exchange first = exchanges.get(1);
        assertThat(first.getIn().getHeaders())
                .containsEntry(Gb28181RtpConstants.SEGMENT, "FRAGMENT")
                .containsEntry(Gb28181RtpConstants.KEY_FRAME, true)
                .containsEntry(Gb28181RtpConstants.SEQUENCE, 1L)
                .containsEntry(Gb28181RtpConstants.FRAGMENT_START, 0L)
                .containsEntry(Gb28181RtpConstants.FRAGMENT_DURATION, 1000L);
        assertThat(exchanges.subList(1, exchanges.size()))
                .allMatch(e -> e.getIn().getHeader(Gb28181RtpConstants.KEY_FRAME, Boolean.class));
    }

    @Test
    void aYamlRouteWritesH265PerFrameFragments() throws Exception {
        int port = FreePorts.udpAndTcp();
        // the YAML example of gb28181-rtp-component.adoc, with the port and folder of the test
        String yaml = """
                - route:
                    id: yaml-mp4
                    from:
                      uri: gb28181-rtp:127.0.0.1:%d
                      parameters:
                        mode: fmp4
                        fragment: frame
                        streamIdleTimeout: 300
                      steps:
                        - toD:
                            uri: "file:%s?fileName=${header.CamelGb28181Ssrc}.mp4&fileExist=Append"
                """.formatted(port, recordings);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("mp4.yaml", yaml));
        MediaCase camera = MediaCase.camera(Samples.H265_AUD, true, false);

        RtpSender.udp(new InetSocketAddress("127.0.0.1", port), camera.rtp(22), flow("yaml-mp4"));

        Path file = recordings.resolve("0000000022.mp4");
        await().atMost(WAIT).until(() -> Files.exists(file)
                                         && Mp4FileReader.read(file).videoFrames() == camera.videoFrames());
        assertThat(Ffprobe.videoFrames(file, "mp4")).isEqualTo(camera.videoFrames());
        assertThat(Ffprobe.keyFrames(file, "mp4")).isEqualTo(camera.keyFrames());
        Mp4FileSummary summary = Mp4FileReader.read(file);
        assertThat(summary.videoCodec()).isEqualTo("hvc1");
        // one fragment per frame, but the first: it holds what came while the init segment waited for audio
        assertThat(summary.fragments()).isGreaterThan(camera.videoFrames() - 15);
    }

    private RtpSender.Flow flow(String routeId) {
        return RtpSender.flow(() -> ((Gb28181RtpConsumer) context.getRoute(routeId).getConsumer()).getStatistics());
    }
}
