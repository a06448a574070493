package io.github.gb28181.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.manscdp.model.DeviceControl;
import io.github.gb28181.camel.manscdp.model.DeviceInfoResponse;
import io.github.gb28181.camel.manscdp.model.DeviceStatusResponse;
import io.github.gb28181.camel.manscdp.model.RecordInfoQuery;
import io.github.gb28181.camel.manscdp.model.RecordInfoResponse;
import io.github.gb28181.camel.manscdp.model.RecordItem;
import io.github.gb28181.camel.media.Ffprobe;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.role.DeviceSession;
import io.github.gb28181.camel.sip.media.MediaSession;
import io.github.gb28181.camel.test.FreePorts;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A route plays a GB28181 device (gb28181:device) and registers to our own platform on another port: the platform
 * lists its channel, asks its info and status, moves it (the control reaches the route), and plays it: a recorded
 * H.264 file streamed by the route through the gb28181-rtp producer arrives as video that decodes frame for frame.
 */
class DeviceRoleTest extends Gb28181TestSupport {

    static final String ROLE_ID = "34020000001320000099";
    static final String ROLE_CHANNEL = "34020000001310000099";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final int devicePort = FreePorts.udpAndTcp();
    private final int mediaPort = FreePorts.udpAndTcp();

    @TempDir
    static Path work;

    static Path sample() {
        Path file = work.resolve("camera.h264");
        try {
            if (!Files.exists(file)) {
                Files.write(file, Samples.bytes(Samples.H264_AUD));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        Path file = sample();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:events?types=REGISTER").to("mock:registered");
                from("gb28181-rtp:127.0.0.1:" + mediaPort).to("mock:frames");

                from("gb28181:device?host=127.0.0.1&port=" + devicePort + "&localId=" + ROLE_ID
                     + "&platformAddress=127.0.0.1:" + sipPort + "&platformId=34020000002000000001"
                     + "&platformPassword=" + PASSWORD + "&channels=" + ROLE_CHANNEL + ":file camera"
                     + "&deviceName=file device&keepaliveInterval=1000")
                        .choice()
                            .when(header(Gb28181Constants.EVENT_TYPE).isEqualTo("CONTROL")).to("mock:controls")
                            .when(header(Gb28181Constants.EVENT_TYPE).isEqualTo("INVITE")).to("seda:stream?waitForTaskToComplete=Never")
                            .when(header(Gb28181Constants.EVENT_TYPE).isEqualTo("BYE")).to("mock:byes")
                            .when(header(Gb28181Constants.EVENT_TYPE).isEqualTo("UPSTREAM_ONLINE")).to("mock:online")
                            // the route answers what the options cannot: its recordings
                            .when(simple("${header.CamelGb28181EventType} == 'QUERY'"
                                         + " && ${header.CamelGb28181CmdType} == 'RecordInfo'"))
                                .process(e -> e.getMessage().setBody(recordings(e.getMessage()
                                        .getBody(RecordInfoQuery.class))))
                        .end();
                from("seda:stream")
                        .split(method(Gb28181MediaFiles.class, "frames(${exchange}, '" + file + "', 25)")).streaming()
                            .to("gb28181-rtp:127.0.0.1:0");
            }
        };
    }

    static RecordInfoResponse recordings(RecordInfoQuery query) {
        RecordInfoResponse answer = new RecordInfoResponse();
        answer.setDeviceId(query.getDeviceId());
        answer.setName("file camera");
        RecordItem item = new RecordItem();
        item.setDeviceId(query.getDeviceId());
        item.setName("lobby");
        item.setStartTime(query.getStartTime());
        item.setEndTime(query.getEndTime());
        item.setType("time");
        answer.setItems(List.of(item));
        answer.setSumNum(1);
        return answer;
    }

    @Test
    void theRouteAnswersWhatItsOptionsCannot() throws Exception {
        await().atMost(WAIT).until(() -> gb28181().getDeviceRegistry().find(ROLE_ID).map(d -> d.isOnline())
                .orElse(false));
        template.requestBody("gb28181:catalog?deviceId=" + ROLE_ID, null, CatalogResponse.class);
        RecordInfoResponse records = template.requestBody("gb28181:recordInfo?channelId=" + ROLE_CHANNEL
                                                          + "&startTime=2024-01-01T00:00:00&endTime=2024-01-01T01:00:00",
                null, RecordInfoResponse.class);
        assertThat(records.getItems()).singleElement().satisfies(item -> {
            assertThat(item.getName()).isEqualTo("lobby");
            assertThat(item.getStartTime()).isEqualTo("2024-01-01T00:00:00");
        });
    }

    @Test
    void aRouteIsADeviceOurPlatformListsMovesAndPlays() throws Exception {
        await().atMost(WAIT).until(() -> gb28181().getDeviceRegistry().find(ROLE_ID).map(d -> d.isOnline())
                .orElse(false));
        await().atMost(WAIT).until(() -> getMockEndpoint("mock:online").getReceivedCounter() == 1);

        CatalogResponse catalog = template.requestBody("gb28181:catalog?deviceId=" + ROLE_ID, null,
                CatalogResponse.class);
        assertThat(catalog.getItems()).singleElement().satisfies(item -> {
            assertThat(item.getDeviceId()).isEqualTo(ROLE_CHANNEL);
            assertThat(item.getName()).isEqualTo("file camera");
            assertThat(item.getStatus()).isEqualTo("ON");
        });
        DeviceInfoResponse info = template.requestBody("gb28181:deviceInfo?deviceId=" + ROLE_ID, null,
                DeviceInfoResponse.class);
        assertThat(info.getDeviceName()).isEqualTo("file device");
        DeviceStatusResponse status = template.requestBody("gb28181:deviceStatus?deviceId=" + ROLE_ID, null,
                DeviceStatusResponse.class);
        assertThat(status.getOnline()).isEqualTo("ONLINE");

        template.sendBody("gb28181:ptz?action=left&speed=50&channelId=" + ROLE_CHANNEL, null);
        MockEndpoint controls = getMockEndpoint("mock:controls");
        await().atMost(WAIT).until(() -> controls.getReceivedCounter() == 1);
        DeviceControl control = controls.getExchanges().get(0).getIn().getBody(DeviceControl.class);
        assertThat(control.getPtzCmd()).isEqualTo(ControlCommandsTest.ptz(0x02, 50, 0, 0));
        assertThat(controls.getExchanges().get(0).getIn().getHeader(Gb28181Constants.CHANNEL_ID))
                .isEqualTo(ROLE_CHANNEL);

        MediaSession session = template.requestBody("gb28181:play?channelId=" + ROLE_CHANNEL + "&mediaPort="
                                                    + mediaPort, null, MediaSession.class);
        MockEndpoint frames = getMockEndpoint("mock:frames");
        int expected = Samples.videoFrames(Samples.H264_AUD);
        await().atMost(WAIT).until(() -> frames.getReceivedCounter() >= expected);
        Path received = work.resolve("received.ps");
        try (var out = Files.newOutputStream(received)) {
            for (Exchange frame : frames.getExchanges().subList(0, expected)) {
                out.write(frame.getIn().getBody(byte[].class));
            }
        }
        assertThat(Ffprobe.videoFrames(received, "mpeg")).isEqualTo(expected);
        assertThat(frames.getExchanges().get(0).getIn().getHeader(Gb28181RtpConstants.SESSION_ID))
                .isEqualTo(session.sessionId());

        template.send("gb28181:bye", e -> e.getIn().setHeader(Gb28181Constants.SESSION_ID, session.sessionId()));
        MockEndpoint byes = getMockEndpoint("mock:byes");
        await().atMost(WAIT).until(() -> byes.getReceivedCounter() == 1);
        assertThat(byes.getExchanges().get(0).getIn().getBody(DeviceSession.class).sessionId())
                .isEqualTo(session.sessionId());
        assertThat(context.getComponent("gb28181-rtp", Gb28181RtpComponent.class).mediaSenders().sessionIds())
                .isEmpty();
        List<Exchange> streamed = getMockEndpoint("mock:frames").getExchanges();
        assertThat(streamed).isNotEmpty();
    }
}
