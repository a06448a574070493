package io.github.gb28181.camel;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.media.Ffprobe;
import io.github.gb28181.camel.media.CameraPsMuxer;
import io.github.gb28181.camel.media.Packetizer;
import io.github.gb28181.camel.media.RtpSender;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.media.mp4.Mp4FileReader;
import io.github.gb28181.camel.media.mp4.Mp4FileSummary;
import io.github.gb28181.camel.test.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A recording survives its recorder's crash: a separate JVM records a camera's stream as fragmented MP4 and is killed
 * with SIGKILL in the middle of the stream; the file it leaves decodes, up to its last complete fragment.
 */
class KilledRecorderTest {

    @TempDir
    Path dir;

    private Process recorder;

    @AfterEach
    void kill() {
        if (recorder != null) {
            recorder.destroyForcibly();
        }
    }

    @Test
    void aRecorderKilledMidStreamLeavesAPlayableFile() throws Exception {
        int port = FreePorts.udpAndTcp();
        Path file = dir.resolve("camera.mp4");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        recorder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classPath, Fmp4RecorderProcess.class.getName(), String.valueOf(port), file.toString())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(recorder.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
            // the recorder's start-up log
        }
        assertThat(line).as("the recorder started").isEqualTo("READY");
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "recorder-output");
        drain.setDaemon(true);
        drain.start();

        // two GOPs and ten frames of a third, with G.711: the first two fragments are written, the third waits in
        // the muxer for the key frame that would end it
        List<byte[]> units = CameraPsMuxer.accessUnits(Samples.bytes(Samples.H264_AUD), false).subList(0, 60);
        List<CameraPsMuxer.Unit> muxed = new CameraPsMuxer(false, false, Samples.bytes(Samples.G711A), 4000)
                .mux(units);
        List<byte[]> rtp = Packetizer.rtp(Packetizer.perFrame(muxed, 1400), 31, 0);
        RtpSender.udpPaced(new InetSocketAddress("127.0.0.1", port), rtp, TimeUnit.MILLISECONDS.toNanos(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(file)
                                                          && Mp4FileReader.read(file).fragments() == 2);

        recorder.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed
        assertThat(recorder.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(recorder.exitValue()).as("killed by signal 9").isEqualTo(128 + 9);

        Mp4FileSummary summary = Mp4FileReader.read(file);
        assertThat(summary.fragments()).isEqualTo(2);
        assertThat(summary.videoFrames()).isEqualTo(50);
        assertThat(Ffprobe.videoFrames(file, "mp4")).isEqualTo(50);
        assertThat(Ffprobe.keyFrames(file, "mp4")).isEqualTo(2);
        assertThat(Ffprobe.audioFrames(file, "mp4")).isPositive();
    }
}
