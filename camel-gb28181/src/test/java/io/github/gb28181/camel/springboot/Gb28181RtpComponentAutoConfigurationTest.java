package io.github.gb28181.camel.springboot;

import java.net.InetSocketAddress;
import java.time.Duration;

import io.github.gb28181.camel.Gb28181RtpComponent;
import io.github.gb28181.camel.Gb28181RtpConfiguration;
import io.github.gb28181.camel.Gb28181RtpConstants;
import io.github.gb28181.camel.Gb28181RtpConsumer;
import io.github.gb28181.camel.test.FreePorts;
import io.github.gb28181.camel.media.InMemoryMediaSessionRegistry;
import io.github.gb28181.camel.media.MediaCase;
import io.github.gb28181.camel.media.MediaSessionInfo;
import io.github.gb28181.camel.media.MediaSessionRegistry;
import io.github.gb28181.camel.media.RtpSender;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.media.Ssrc;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Spring Boot application configured only through {@code camel.component.gb28181-rtp.*}: the properties
 * reach the component, and the route the application starts turns an RTP stream into frames the way they say:
 * elementary-stream mode, labelled from the session registry the reference names.
 */
@CamelSpringBootTest
@SpringBootTest(classes = Gb28181RtpComponentAutoConfigurationTest.Application.class,
                properties = {
                        "camel.component.gb28181-rtp.mode=es",
                        "camel.component.gb28181-rtp.reorder-depth=32",
                        // short, so the stream's last access unit is delivered soon after the last packet
                        "camel.component.gb28181-rtp.stream-idle-timeout=500ms",
                        "camel.component.gb28181-rtp.reorder-latency=PT0.2S",
                        "camel.component.gb28181-rtp.io-threads=2",
                        // two registries in the context, so neither Camel's autowiring nor the component's
                        // fallback picks one: only the reference does
                        "camel.component.gb28181-rtp.registry=#bean:mediaSessions" })
class Gb28181RtpComponentAutoConfigurationTest {

    private static final int PORT = FreePorts.udpAndTcp();
    private static final String CAMERA = "44010000001320000001";
    private static final String CHANNEL = "44010000001310000001";

    @Autowired
    private CamelContext camelContext;

    @Autowired
    @Qualifier("mediaSessions")
    private MediaSessionRegistry mediaSessions;

    @Test
    void propertiesReachTheComponent() {
        Gb28181RtpComponent component = camelContext.getComponent("gb28181-rtp", Gb28181RtpComponent.class);
        Gb28181RtpConfiguration config = component.getConfiguration();

        assertThat(config.getMode()).isEqualTo("es");
        assertThat(config.getReorderDepth()).isEqualTo(32);
        assertThat(config.getStreamIdleTimeout()).isEqualTo(500);
        assertThat(config.getReorderLatency()).isEqualTo(200);
        assertThat(config.getRegistry()).isSameAs(mediaSessions);
        assertThat(component.getIoThreads()).isEqualTo(2);
        // untouched options keep the component's defaults
        Gb28181RtpConfiguration defaults = new Gb28181RtpConfiguration();
        assertThat(config.getTransport()).isEqualTo(defaults.getTransport());
        assertThat(config.getMaxStreams()).isEqualTo(defaults.getMaxStreams());
        assertThat(config.getReconnectDelay()).isEqualTo(defaults.getReconnectDelay());
        assertThat(config.isDropDamagedFrames()).isTrue();
        assertThat(component.getWorkerThreads()).isZero();
    }

    @Test
    void routeStartedByTheApplicationTurnsAnRtpStreamIntoFrames() throws Exception {
        long ssrc = Ssrc.parse("0100000001");
        mediaSessions.announce(ssrc, new MediaSessionInfo(CAMERA, CHANNEL, "call-1"));
        MediaCase camera = MediaCase.camera(Samples.H264_AUD, false, false);
        MockEndpoint frames = camelContext.getEndpoint("mock:frames", MockEndpoint.class);
        frames.expectedMessageCount(camera.videoFrames());
        frames.setResultWaitTime(Duration.ofSeconds(30).toMillis());

        RtpSender.udp(new InetSocketAddress("127.0.0.1", PORT), camera.rtp(ssrc), RtpSender.flow(
                () -> ((Gb28181RtpConsumer) camelContext.getRoute("media").getConsumer()).getStatistics()));

        frames.assertIsSatisfied();
        // es mode: one exchange per access unit, exactly as muxed, not the program stream around them
        assertThat(frames.getExchanges()).extracting(e -> e.getIn().getBody(byte[].class))
                .containsExactlyElementsOf(camera.accessUnits());
        assertThat(frames.getExchanges()).allSatisfy(e -> assertThat(e.getIn().getHeaders())
                .containsEntry(Gb28181RtpConstants.SSRC, "0100000001")
                .containsEntry(Gb28181RtpConstants.CODEC, "H264")
                .containsEntry(Gb28181RtpConstants.DEVICE_ID, CAMERA)
                .containsEntry(Gb28181RtpConstants.CHANNEL_ID, CHANNEL));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        @Bean
        MediaSessionRegistry mediaSessions() {
            return new InMemoryMediaSessionRegistry();
        }

        @Bean
        MediaSessionRegistry otherSessions() {
            return new InMemoryMediaSessionRegistry();
        }

        @Bean
        RouteBuilder media() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("gb28181-rtp:127.0.0.1:" + PORT).routeId("media").to("mock:frames");
                }
            };
        }
    }
}
