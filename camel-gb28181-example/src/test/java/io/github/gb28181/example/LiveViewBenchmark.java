package io.github.gb28181.example;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.gb28181.camel.media.BenchmarkReport;
import io.github.gb28181.camel.media.CameraPsMuxer;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Prints what live viewing costs the platform, next to the targets of the live-video issue. Not a test: it asserts
 * nothing and runs only in the benchmark profile:
 *
 * <pre>
 * mvn -B -o -q -pl camel-gb28181,camel-gb28181-example -am -Pbenchmark test -Dtest=LiveViewBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * The example platform runs in this JVM, a simulated camera sends a 4 Mbit/s H.264 stream (1920x1080, 25 fps, GOP 2 s)
 * in real time, and the viewers are WebSocket clients in another process ({@link ViewerLoad}), so their CPU is not
 * counted. For 0, 1, 10 and 100 viewers: the platform's CPU (process CPU time less the camera's sending thread) over
 * {@code -Dbenchmark.live.seconds} (default 15), after {@code -Dbenchmark.live.warmUpSeconds} (default 5); and from
 * the moment a picture's last RTP packet left the camera to the moment its fragment reached a viewer (fragments per
 * frame, so a picture waits for the first packet of the next one: one frame interval), p50 and p99.
 */
@Tag("benchmark")
class LiveViewBenchmark extends PlatformTestSupport {

    private static final Path DIR = Path.of("target", "live-benchmark");
    private static final long SECONDS = Long.getLong("benchmark.live.seconds", 15);
    private static final long WARM_UP = Long.getLong("benchmark.live.warmUpSeconds", 5);
    private static final int[] VIEWERS = java.util.Arrays.stream(System.getProperty("benchmark.live.viewers",
            "0,1,10,100").split(",")).mapToInt(Integer::parseInt).toArray();

    @RegisterExtension
    Camera camera = new Camera("34020000001320000061", "34020000001310000061", PASSWORD);

    @Test
    void run() throws Exception {
        BenchmarkReport report = new BenchmarkReport();
        report.header("camel-gb28181 live view benchmark");
        report.info("command", "mvn -B -o -q -pl camel-gb28181,camel-gb28181-example -am -Pbenchmark test"
                               + " -Dtest=LiveViewBenchmark -Dsurefire.failIfNoSpecifiedTests=false");
        Path es = media();
        List<byte[]> units = CameraPsMuxer.accessUnits(Files.readAllBytes(es), false);
        report.section("One camera at 4 Mbit/s watched live in the example platform (WebSocket, fragment per frame)");
        report.info("stream", String.format(Locale.ROOT, "1920x1080 H.264, 25 fps, key frame every 2 s, %.2f Mbit/s"
                                                         + " (%s), camera-style PS over RTP/UDP, looped",
                Files.size(es) * 8.0 / (units.size() / 25.0) / 1e6, es.getFileName()));
        report.note("CPU: the platform's process CPU time (every thread) less the camera sender's thread, over "
                    + SECONDS + " s after " + WARM_UP + " s of warm-up; viewers in a separate JVM; the stream is"
                    + " recorded (MP4 per GOP) and muxed for viewers (MP4 per frame) in every phase");
        report.note("latency: camera sent a picture's last RTP packet -> a viewer read its fragment; both"
                    + " System.nanoTime, CLOCK_MONOTONIC, one clock for every process on the machine");

        camera.registerAndAnswerFirstQueries(SIP_PORT);
        // a recording opened from the REST API keeps the stream up whether anyone watches or not
        CompletableFuture<HttpResponse<String>> record = callAsync("POST", "/api/channels/" + camera.channelId
                                                                          + "/play", "{\"transport\":\"udp\"}");
        SipText invite = camera.device.peer().awaitRequest("INVITE", Camera.WAIT);
        String toTag = SimulatedDevice.newId();
        String ssrc = camera.acceptInvite(invite, toTag);
        record.get(30, TimeUnit.SECONDS);
        try (LiveCamera sender = new LiveCamera(units, false, null, ssrc, RTP_PORT)) {
            phase(sender, 10); // warms up the JIT on every path the phases take; not reported
            double baseline = 0;
            for (int viewers : VIEWERS) {
                Phase phase = phase(sender, viewers);
                if (viewers == 0) {
                    baseline = phase.cores;
                    report.info("platform CPU, stream recorded, no viewer", percent(phase.cores) + " of a core");
                    continue;
                }
                double perViewer = (phase.cores - baseline) / viewers;
                String name = viewers + (viewers == 1 ? " viewer" : " viewers");
                report.info("platform CPU, " + name, String.format(Locale.ROOT, "%s of a core, %s per viewer above"
                                                                                + " the stream's own; each viewer got %d-%d fragments of %d"
                                                                                + " pictures sent%s",
                        percent(phase.cores), percent(perViewer), phase.minFragments, phase.maxFragments,
                        phase.picturesSent, phase.closed.isEmpty() ? "" : ", disconnected: " + phase.closed));
                if (viewers == 100) {
                    report.figure("platform CPU, 100 viewers of one 4 Mbit/s stream", percent(phase.cores)
                                                                                      + " of a core",
                            "under one core", phase.cores < 1.0);
                }
                double p50 = percentile(phase.latencies, 50);
                double p99 = percentile(phase.latencies, 99);
                String latency = String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d fragments)",
                        p50, p99, percentile(phase.latencies, 100), phase.latencies.size());
                report.figure("picture on the RTP port -> its fragment at the viewer, " + name, latency,
                        "p99 < 100 ms + one frame interval (140 ms)", p99 < 140);
                report.info("joining, " + name, String.format(Locale.ROOT, "WebSocket handshake done -> first"
                                                                          + " fragment (after the init segment: the kept GOP) p50 %.1f ms, p99 %.1f ms",
                        percentile(phase.joins, 50), percentile(phase.joins, 99)));
            }
        }
        SipText bye = camera.device.requestInDialog("BYE", invite, toTag, "", null, null);
        report.info("camera hung up", "SIP " + bye.status());
        report.summary();
        report.writeTo(Path.of("target", "live-benchmark.txt"));
    }

    private record Phase(double cores, List<Double> latencies, List<Double> joins, long minFragments,
                         long maxFragments, long picturesSent, List<String> closed) {
    }

    private Phase phase(LiveCamera sender, int viewers) throws Exception {
        Process load = null;
        Path events = DIR.resolve("viewers-" + viewers + ".txt");
        Files.deleteIfExists(events);
        if (viewers > 0) {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            load = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    classPath, ViewerLoad.class.getName(), "ws://127.0.0.1:" + httpPort + "/api/live/channels/"
                                                           + camera.channelId, String.valueOf(viewers), String.valueOf(WARM_UP + SECONDS + 2),
                    events.toString(), basicAuth()).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(load.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("CONNECTED")) {
                System.out.println("viewers: " + line);
            }
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "viewer-load-output");
            drain.setDaemon(true);
            drain.start();
        }
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(WARM_UP)); // warm-up: the measured window comes after
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        long senderId = sender.thread().getId();
        long cpu0 = os.getProcessCpuTime() - threads.getThreadCpuTime(senderId);
        long t0 = System.nanoTime();
        long sent0 = sender.framesSent();
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(SECONDS)); // the measured window
        long cpu1 = os.getProcessCpuTime() - threads.getThreadCpuTime(senderId);
        long t1 = System.nanoTime();
        long sent = sender.framesSent() - sent0;
        double cores = (cpu1 - cpu0) / (double) (t1 - t0);
        List<Double> latencies = new ArrayList<>();
        List<Double> joins = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        long min = 0;
        long max = 0;
        if (load != null) {
            if (!load.waitFor(WARM_UP + SECONDS + 60, TimeUnit.SECONDS)) {
                load.destroyForcibly();
            }
            Map<Integer, Long> opened = new HashMap<>();
            Map<Integer, Long> first = new HashMap<>();
            Map<Integer, Long> counts = new HashMap<>();
            for (String line : Files.readAllLines(events)) {
                String[] f = line.split(" ");
                int viewer = Integer.parseInt(f[1]);
                switch (f[0]) {
                    case "open" -> opened.put(viewer, Long.parseLong(f[2]));
                    case "frame" -> {
                        long index = Long.parseLong(f[2]);
                        long at = Long.parseLong(f[3]);
                        first.merge(viewer, at, Math::min);
                        long sentAt = sender.sentAt(index);
                        if (at >= t0 && at <= t1 && sentAt > 0) {
                            latencies.add((at - sentAt) / 1e6);
                            counts.merge(viewer, 1L, Long::sum);
                        }
                    }
                    default -> closed.add(line);
                }
            }
            opened.forEach((viewer, at) -> {
                Long f = first.get(viewer);
                if (f != null) {
                    joins.add((f - at) / 1e6);
                }
            });
            min = counts.values().stream().mapToLong(Long::longValue).min().orElse(0);
            max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
            if (counts.size() < viewers) {
                min = 0;
            }
        }
        return new Phase(cores, latencies, joins, min, max, sent, closed);
    }

    /** 20 s of 1920x1080 at 4 Mbit/s, made once with ffmpeg (noise keeps the encoder at its rate, as a real scene). */
    private static Path media() throws Exception {
        Path es = DIR.resolve("h264-1920x1080-4000k-20s.h264");
        if (Files.exists(es)) {
            return es;
        }
        Files.createDirectories(DIR);
        Path tmp = DIR.resolve("h264.tmp");
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=1920x1080:rate=25", "-vf", "noise=alls=12:allf=t", "-t", "20", "-c:v", "libx264",
                "-preset", "ultrafast", "-x264-params", "keyint=50:min-keyint=50:scenecut=0:bframes=0:aud=1", "-b:v",
                "4000k", "-maxrate", "4000k", "-bufsize", "2000k", "-pix_fmt", "yuv420p", "-f", "h264",
                tmp.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + out);
        }
        Files.move(tmp, es, StandardCopyOption.REPLACE_EXISTING);
        return es;
    }

    private static String percent(double cores) {
        return String.format(Locale.ROOT, "%.1f%%", cores * 100);
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
