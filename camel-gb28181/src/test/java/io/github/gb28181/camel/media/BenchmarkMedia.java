package io.github.gb28181.camel.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The benchmarks' larger input, made with ffmpeg at benchmark time into target/media-benchmark and kept there for
 * the next run: an H.264 elementary stream of a noisy test pattern (noise keeps the encoder at its bit rate, as a
 * camera looking at a real scene is), no B-frames, a key frame every 2 s, an access unit delimiter per picture, 25
 * fps; and two program streams of it:
 * <ul>
 * <li>{@code .camera.ps}: muxed the way GB/T 28181 cameras do (one pack per picture, system header and PSM on key
 * frames, a PES per picture where it fits in 64 KiB), by the tests' {@link CameraPsMuxer};</li>
 * <li>{@code .ffmpeg.ps}: ffmpeg's own MPEG-2 program stream muxer ({@code -f vob}, 2 KiB packs).</li>
 * </ul>
 */
final class BenchmarkMedia {

    static final Path DIR = Path.of("target", "media-benchmark");
    static final int FPS = 25;
    static final int GOP = 50;
    /** What a camera puts in one PES at most: the 16-bit PES length less the header with a PTS. */
    static final int MAX_PES_PAYLOAD = 65_000;

    final String description;
    final Path es;
    final Path cameraPs;
    final Path ffmpegPs;
    final int pictures;

    private BenchmarkMedia(String description, Path es, Path cameraPs, Path ffmpegPs, int pictures) {
        this.description = description;
        this.es = es;
        this.cameraPs = cameraPs;
        this.ffmpegPs = ffmpegPs;
        this.pictures = pictures;
    }

    /** Makes the files unless an earlier run left them. */
    static BenchmarkMedia prepare(int seconds, int width, int height, int kbps) {
        String base = String.format(Locale.ROOT, "h264-%dx%d-%dk-%ds", width, height, kbps, seconds);
        Path es = DIR.resolve(base + ".h264");
        Path camera = DIR.resolve(base + ".camera.ps");
        Path ffmpeg = DIR.resolve(base + ".ffmpeg.ps");
        try {
            Files.createDirectories(DIR);
            if (!Files.exists(es)) {
                Path tmp = DIR.resolve(base + ".h264.tmp");
                run("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                        "testsrc2=size=" + width + "x" + height + ":rate=" + FPS, "-vf", "noise=alls=12:allf=t", "-t",
                        String.valueOf(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-x264-params",
                        "keyint=" + GOP + ":min-keyint=" + GOP + ":scenecut=0:bframes=0:aud=1", "-b:v", kbps + "k",
                        "-maxrate", kbps + "k", "-bufsize", kbps / 2 + "k", "-pix_fmt", "yuv420p", "-f", "h264",
                        tmp.toString());
                Files.move(tmp, es, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.exists(camera)) {
                ByteArrayOutputStream ps = new ByteArrayOutputStream();
                cameraUnits(es).forEach(u -> ps.writeBytes(u.ps()));
                Files.write(camera, ps.toByteArray());
            }
            if (!Files.exists(ffmpeg)) {
                Path tmp = DIR.resolve(base + ".ffmpeg.ps.tmp");
                run("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "h264", "-framerate",
                        String.valueOf(FPS), "-i", es.toString(), "-c", "copy", "-f", "vob", tmp.toString());
                Files.move(tmp, ffmpeg, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int pictures = CameraPsMuxer.accessUnits(bytes(es), false).size();
        String description = String.format(Locale.ROOT, "%d s of %dx%d H.264 at %d kbit/s, %d fps, GOP %d, no B-frames",
                seconds, width, height, kbps, FPS, GOP);
        return new BenchmarkMedia(description, es, camera, ffmpeg, pictures);
    }

    /**
     * The same input repeated {@code times} over, muxed both ways again (time stamps run on): for ffmpeg's
     * throughput without its start-up, from the difference between the two lengths.
     *
     * @return the camera PS and the ffmpeg PS, in that order
     */
    Path[] repeated(int times) {
        String base = es.getFileName().toString().replace(".h264", "") + "-x" + times;
        Path camera = DIR.resolve(base + ".camera.ps");
        Path ffmpeg = DIR.resolve(base + ".ffmpeg.ps");
        try {
            byte[] one = bytes(es);
            if (!Files.exists(camera)) {
                List<byte[]> units = CameraPsMuxer.accessUnits(one, false);
                List<byte[]> all = new ArrayList<>();
                for (int i = 0; i < times; i++) {
                    all.addAll(units);
                }
                ByteArrayOutputStream ps = new ByteArrayOutputStream();
                new CameraPsMuxer(false, false, null, MAX_PES_PAYLOAD).mux(all).forEach(u -> ps.writeBytes(u.ps()));
                Files.write(camera, ps.toByteArray());
            }
            if (!Files.exists(ffmpeg)) {
                Path longEs = DIR.resolve(base + ".h264.tmp");
                try (OutputStream out = Files.newOutputStream(longEs)) {
                    for (int i = 0; i < times; i++) {
                        out.write(one);
                    }
                }
                Path tmp = DIR.resolve(base + ".ffmpeg.ps.tmp");
                run("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "h264", "-framerate",
                        String.valueOf(FPS), "-i", longEs.toString(), "-c", "copy", "-f", "vob", tmp.toString());
                Files.move(tmp, ffmpeg, StandardCopyOption.REPLACE_EXISTING);
                Files.delete(longEs);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Path[] {camera, ffmpeg};
    }

    /** The elementary stream muxed picture by picture the way cameras do. */
    List<CameraPsMuxer.Unit> cameraUnits() {
        return cameraUnits(es);
    }

    private static List<CameraPsMuxer.Unit> cameraUnits(Path es) {
        return new CameraPsMuxer(false, false, null, MAX_PES_PAYLOAD).mux(CameraPsMuxer.accessUnits(bytes(es), false));
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The video packets ffprobe's demuxer and parser make of a program stream: one per picture. */
    static int ffprobeVideoPackets(Path ps) {
        String out = run("ffprobe", "-v", "error", "-f", "mpeg", "-count_packets", "-select_streams", "v:0",
                "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", ps.toString()).trim();
        return Integer.parseInt(out);
    }

    static String ffmpegVersion() {
        String first = run("ffmpeg", "-hide_banner", "-version").lines().findFirst().orElse("ffmpeg");
        return first.replace(" Copyright", ",").replaceAll(",.*", "");
    }

    /**
     * Times a command: one run first to bring its input into the page cache, then {@code runs} timed runs.
     *
     * @return the wall clock of each timed run in seconds, fastest first
     */
    static double[] wallClock(String[] command, int runs) {
        run(command);
        double[] wall = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run(command);
            wall[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(wall);
        return wall;
    }

    /** Runs a command and returns what it wrote to stdout and stderr; fails when it fails. */
    static String run(String... command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("The media benchmarks need ffmpeg and ffprobe (Debian package ffmpeg)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
