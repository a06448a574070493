package io.github.gb28181.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gb28181.camel.media.Ffprobe;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Watching cameras in a real headless Chromium: live H.264 through Media Source Extensions, two pages sharing one
 * INVITE, the BYE after the last page left, an H.265 camera the browser cannot decode said so plainly, recordings
 * played in the page and downloaded, and a recording on the device played back with pause. Screenshots go to
 * target/ (docs/images/ holds copies).
 */
class LiveVideoPageTest extends PlatformTestSupport {

    @RegisterExtension
    Camera gate = new Camera("34020000001320000051", "34020000001310000051", PASSWORD);
    @RegisterExtension
    Camera hevc = new Camera("34020000001320000052", "34020000001310000052", PASSWORD);
    @RegisterExtension
    Camera yard = new Camera("34020000001320000053", "34020000001310000053", PASSWORD);
    @RegisterExtension
    Camera nvr = new Camera("34020000001320000054", "34020000001310000054", PASSWORD);

    @Test
    void twoPagesWatchOneInviteOfTheCameraLive() throws Exception {
        gate.registerAndAnswerFirstQueries(SIP_PORT);
        String toTag = SimulatedDevice.newId();
        SipText invite;
        try (Browser first = new Browser().open(httpPort).choose(gate)) {
            first.click("#watch");
            invite = gate.device.peer().awaitRequest("INVITE", Camera.WAIT);
            String ssrc = gate.acceptInvite(invite, toTag);
            try (LiveCamera camera = new LiveCamera(Samples.H264_AUD, true, ssrc, RTP_PORT)) {
                // the page plays: more than 50 pictures shown while the playback position moves on
                first.wait.until(d -> first.playback().frames() > 10);
                Browser.Playback early = first.playback();
                first.wait.until(d -> first.playback().frames() > 50
                                      && first.playback().currentTime() > early.currentTime() + 1);
                System.out.printf(Locale.ROOT, "LIVE first page: first picture %.0f ms after Watch (INVITE included),"
                                               + " %d frames shown%n", first.firstFrameDelay(),
                        first.playback().frames());
                assertThat(first.find("#video-panel").getAttribute("data-state")).isEqualTo("playing");
                assertThat(first.find("#video-note").getText()).contains("G.711 A-law", "kept in the recording");
                assertThat(first.find("#video-status").getText()).contains("H.264", "320×240");

                // a second page joins the same stream: it starts at the last key frame, no new INVITE
                try (Browser second = new Browser().open(httpPort).choose(gate)) {
                    second.click("#watch");
                    second.wait.until(d -> second.playback().frames() > 10);
                    Browser.Playback joined = second.playback();
                    second.wait.until(d -> second.playback().frames() > 50
                                           && second.playback().currentTime() > joined.currentTime() + 1);
                    System.out.printf(Locale.ROOT, "LIVE second page (late joiner, kept GOP): first picture %.0f ms"
                                                   + " after Watch%n", second.firstFrameDelay());
                    JsonNode streams = get("/api/streams").json();
                    assertThat(streams).hasSize(1);
                    assertThat(streams.get(0).path("viewers").asInt()).isEqualTo(2);
                    assertThat(streams.get(0).path("mimeType").asText()).startsWith("video/mp4; codecs=\"avc1.");
                    first.screenshot(Path.of("target", "live-view.png"));
                }
                assertThat(first.playback().frames()).isGreaterThan(50);
            }
        }
        // both pages gone: after gb28181.live-linger the camera is hung up; the first request it gets after the
        // INVITE is that BYE, so there was no second INVITE
        SipText next = gate.device.peer().await(m -> !m.isResponse() && ("INVITE".equals(m.method())
                                                                      || "BYE".equals(m.method())), Camera.WAIT);
        assertThat(next.method()).isEqualTo("BYE");
        assertThat(next.header("Call-ID")).isEqualTo(invite.header("Call-ID"));
        gate.device.answer(next, 200, "OK", toTag, "");
        await().atMost(Camera.WAIT).until(() -> get("/api/streams").json().isEmpty());
    }

    @Test
    void anH265CameraIsNamedAndItsMp4Offered() throws Exception {
        hevc.registerAndAnswerFirstQueries(SIP_PORT);
        String hevcTag;
        try (Browser page = new Browser().open(httpPort).choose(hevc)) {
            assertThat(page.script("return MediaSource.isTypeSupported('video/mp4; codecs=\"hvc1.1.6.L60.90\"')"))
                    .as("this Chromium decodes no H.265; the test would need another camera").isEqualTo(false);
            page.click("#watch");
            SipText invite = hevc.device.peer().awaitRequest("INVITE", Camera.WAIT);
            String toTag = SimulatedDevice.newId();
            String ssrc = hevc.acceptInvite(invite, toTag);
            try (LiveCamera camera = new LiveCamera(Samples.H265_AUD, false, ssrc, RTP_PORT)) {
                hevcTag = toTag;
                page.wait.until(ExpectedConditions.attributeToBe(By.id("video-panel"), "data-state", "unsupported"));
                assertThat(page.find("#video-message").getText())
                        .contains("This browser cannot play H.265 (HEVC) video", "download it", "VLC");
                String href = page.find("#unsupported-download").getAttribute("href");
                page.screenshot(Path.of("target", "live-view-h265.png"));

                // the MP4 offered is the stream's recording, growing as the camera sends
                HttpResponse<byte[]> mp4 = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                        .header("Authorization", basicAuth()).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(mp4.statusCode()).isEqualTo(200);
                assertThat(mp4.headers().firstValue("Content-Type")).contains("video/mp4");
                assertThat(mp4.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
                assertThat(new String(mp4.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
            }
        }
        SipText bye = hevc.device.peer().awaitRequest("BYE", Camera.WAIT);
        hevc.device.answer(bye, 200, "OK", hevcTag, "");
    }

    @Test
    void aRecordingIsListedPlayedInThePageAndDownloaded() throws Exception {
        yard.registerAndAnswerFirstQueries(SIP_PORT);
        CompletableFuture<HttpResponse<String>> record = callAsync("POST", "/api/channels/" + yard.channelId + "/play",
                "{\"transport\":\"udp\"}");
        SipText invite = yard.device.peer().awaitRequest("INVITE", Camera.WAIT);
        String toTag = SimulatedDevice.newId();
        String ssrc = yard.acceptInvite(invite, toTag);
        String streamId = json.readTree(record.get(10, TimeUnit.SECONDS).body()).path("streamId").asText();
        try (LiveCamera camera = new LiveCamera(Samples.H264_AUD, true, ssrc, RTP_PORT)) {
            await().atMost(Camera.WAIT).until(() -> camera.framesSent() >= 100);
        }
        assertThat(yard.device.requestInDialog("BYE", invite, toTag, "", null, null).status()).isEqualTo(200);
        await().atMost(Camera.WAIT).until(() -> get("/api/streams").json().isEmpty());

        String name = streamId + ".mp4";
        JsonNode info = get("/api/recordings/" + name + "/info").json();
        assertThat(info.path("durationMillis").asLong()).isGreaterThanOrEqualTo(3000);
        assertThat(info.path("videoCodec").asText()).isEqualTo("avc1");
        assertThat(info.path("audioCodec").asText()).isEqualTo("alaw");
        assertThat(info.path("channelId").asText()).isEqualTo(yard.channelId);
        Path file = DATA_DIR.resolve("streams").resolve(name);
        assertThat(info.path("bytes").asLong()).isEqualTo(Files.size(file));
        int frames = Ffprobe.videoFrames(file, "mp4");
        assertThat(frames).isEqualTo(info.path("durationMillis").asLong() / 40);

        try (Browser page = new Browser().open(httpPort)) {
            String row = "#recordings tr[data-name='" + name + "']";
            page.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row)));
            assertThat(page.find(row).getText()).contains(yard.channelId, "LIVE", "avc1 + alaw");
            page.click(row + " button.play");
            page.wait.until(d -> page.playback().frames() > 50);
            assertThat(page.find("#video-panel").getAttribute("data-state")).isEqualTo("playing");
            String download = page.find(row + " a.button").getAttribute("href");
            HttpResponse<byte[]> mp4 = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(download))
                    .header("Authorization", basicAuth()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(mp4.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", name);
            assertThat(mp4.body()).isEqualTo(Files.readAllBytes(file));
            page.screenshot(Path.of("target", "recording.png"));
        }
    }

    @Test
    void aRecordingOnTheDeviceIsPlayedBackAndPaused() throws Exception {
        nvr.registerAndAnswerFirstQueries(SIP_PORT);
        try (Browser page = new Browser().open(httpPort).choose(nvr)) {
            page.script("document.getElementById('records-start').value = '2024-05-04T00:00:00';"
                        + " document.getElementById('records-end').value = '2024-05-05T00:00:00';");
            page.click("#records-search");
            SipText query = nvr.nextMessage(Camera.withCmdType("RecordInfo"));
            assertThat(Camera.tag(query.bodyText(), "StartTime")).isEqualTo("2024-05-04T00:00:00");
            nvr.device.sendManscdp("<?xml version=\"1.0\"?><Response><CmdType>RecordInfo</CmdType><SN>"
                                   + Camera.sn(query) + "</SN><DeviceID>" + nvr.channelId + "</DeviceID>"
                                   + "<SumNum>1</SumNum><RecordList Num=\"1\"><Item><DeviceID>" + nvr.channelId
                                   + "</DeviceID><Name>Gate</Name><StartTime>2024-05-04T14:43:16</StartTime>"
                                   + "<EndTime>2024-05-04T15:16:26</EndTime><Type>time</Type></Item></RecordList>"
                                   + "</Response>", StandardCharsets.UTF_8);
            page.click("#records tbody tr button.playback");
            SipText invite = nvr.device.peer().awaitRequest("INVITE", Camera.WAIT);
            assertThat(invite.bodyText()).contains("s=Playback\r\n", "t=");
            String toTag = SimulatedDevice.newId();
            String ssrc = nvr.acceptInvite(invite, toTag);
            try (LiveCamera camera = new LiveCamera(Samples.H264_AUD, false, ssrc, RTP_PORT)) {
                page.wait.until(d -> page.playback().frames() > 25);
                assertThat(page.find("#playback-controls").isDisplayed()).isTrue();

                page.click("#playback-pause");
                SipText pause = nvr.device.peer().awaitRequest("INFO", Camera.WAIT);
                assertThat(pause.bodyText()).contains("PAUSE RTSP/1.0");
                nvr.device.answer(pause, 200, "OK", toTag, "");
                page.wait.until(ExpectedConditions.textToBe(By.id("playback-pause"), "Resume"));

                page.click("#video-stop");
                SipText bye = nvr.device.peer().awaitRequest("BYE", Camera.WAIT);
                assertThat(bye.header("Call-ID")).isEqualTo(invite.header("Call-ID"));
                nvr.device.answer(bye, 200, "OK", toTag, "");
            }
        }
    }
}
