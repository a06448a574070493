package io.github.gb28181.camel.media;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.MediaStreamType;
import io.github.gb28181.camel.media.codec.NalUnits;
import io.github.gb28181.camel.media.mp4.AudioPolicy;
import io.github.gb28181.camel.media.mp4.Fmp4Muxer;
import io.github.gb28181.camel.media.mp4.Fmp4Settings;
import io.github.gb28181.camel.media.mp4.Fmp4Streams;
import io.github.gb28181.camel.media.mp4.FragmentMode;
import io.github.gb28181.camel.media.receive.MediaReceiverConfig;
import io.github.gb28181.camel.media.receive.MediaStream;
import io.github.gb28181.camel.media.rtp.RtpParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * "fMP4 muxing at least 5x faster than {@code ffmpeg -c copy -f mp4 -movflags frag_keyframe+empty_moov} on the same
 * input." Ours: the stream's access units in memory, as the receiver hands them over (with the positions of their NAL
 * units), through {@link Fmp4Muxer}, one thread, the fragments' bytes counted and dropped. ffmpeg's: the same H.264
 * elementary stream file (its parser cuts the access units, as our receiver did before the muxer), fragments written
 * to /dev/null, the file in the page cache; its steady state from a file eight times as long, as in
 * {@link FramingVsFfmpeg}. Both in wall clock and in CPU time; the target is judged on CPU time. Also the whole path
 * from the camera's RTP (RTP parsing, PS demuxing, access units, muxing) against ffmpeg from the camera's program
 * stream, without a target.
 */
final class Fmp4VsFfmpeg {

    private static final int REPEAT = 8;
    private static final int SSRC = 0x4D50;

    private Fmp4VsFfmpeg() {
    }

    static void run(BenchmarkReport report, BenchmarkMedia media, double seconds, int ffmpegRuns) {
        report.section("fMP4 muxing in memory vs ffmpeg -c copy -f mp4 -movflags frag_keyframe+empty_moov");
        report.info("input", media.description + "; " + BenchmarkMedia.ffmpegVersion());
        report.note("ours: the access units in memory, with the NAL unit positions the receiver's framer found, through"
                    + " Fmp4Muxer, one thread, a fresh muxer per pass: median wall clock and median CPU time of a pass"
                    + " after warming up");
        report.note("ffmpeg: best of " + ffmpegRuns + " runs, the file in the page cache; its steady state leaves out"
                    + " start-up: (" + REPEAT + "x file - 1x file) / " + (REPEAT - 1) + "; its CPU time is user +"
                    + " system of every thread (bash's times). The target is on CPU time, which a busy shared"
                    + " machine does not distort the way it distorts wall clocks");
        byte[] es = BenchmarkMedia.bytes(media.es);
        Path longEs = repeatedEs(media.es, es);
        List<MediaFrame> frames = frames(es);
        long esBytes = es.length;

        Ffmpeg ff = ffmpeg(media.es, "h264", ffmpegRuns);
        Ffmpeg ffLong = ffmpeg(longEs, "h264", ffmpegRuns);
        double steady = (ffLong.best - ff.best) / (REPEAT - 1);
        double steadyCpu = (ffLong.cpu - ff.cpu) / (REPEAT - 1);
        report.info("ffmpeg, H.264 file -> fMP4, wall clock", String.format(Locale.ROOT,
                "%.1f MB/s, %.0f frames/s (best %.3f s, median %.3f s)", esBytes / ff.best / 1e6,
                frames.size() / ff.best, ff.best, ff.median));
        report.info("ffmpeg, H.264 file -> fMP4, steady state", String.format(Locale.ROOT,
                "%.1f MB/s, %.0f frames/s", esBytes / steady / 1e6, frames.size() / steady));
        report.info("ffmpeg, H.264 file -> fMP4, CPU time", String.format(Locale.ROOT,
                "%.3f s for the file (%.1f MB/s), steady state %.1f MB/s of CPU", ff.cpu, esBytes / ff.cpu / 1e6,
                esBytes / steadyCpu / 1e6));
        for (FragmentMode mode : FragmentMode.values()) {
            Ours ours = mux(frames, mode, seconds);
            report.info("ours, access units -> fMP4, fragment per " + mode, String.format(Locale.ROOT,
                    "%.1f MB/s, %.0f frames/s (median pass %.4f s, CPU %.4f s, over %d passes; %d fragments,"
                    + " %.2f MB out; %.0f bytes allocated per frame besides the fragments)", esBytes / ours.median / 1e6,
                    frames.size() / ours.median, ours.median, ours.cpu, ours.passes, ours.fragments,
                    ours.outBytes / 1e6, ours.extraAllocationPerFrame));
            double wall = ff.best / ours.median;
            double steadyRatio = steady / ours.median;
            double cpuRatio = steadyCpu / ours.cpu;
            report.info("fMP4 per " + mode + ", ours vs ffmpeg", String.format(Locale.ROOT,
                    "%.1fx wall clock with ffmpeg's start-up, %.1fx wall clock steady state", wall, steadyRatio));
            report.figure("fMP4 per " + mode + ", ours vs ffmpeg, CPU time, steady state",
                    String.format(Locale.ROOT, "%.1fx", cpuRatio), ">= 5x", cpuRatio >= 5);
        }

        // the whole path, from the camera's RTP
        Path[] longPs = media.repeated(REPEAT);
        Ffmpeg ffPs = ffmpeg(media.cameraPs, "mpeg", ffmpegRuns);
        Ffmpeg ffPsLong = ffmpeg(longPs[0], "mpeg", ffmpegRuns);
        long psBytes = BenchmarkMedia.bytes(media.cameraPs).length;
        long psLongBytes = BenchmarkMedia.bytes(longPs[0]).length;
        double psSteadyCpu = (ffPsLong.cpu - ffPs.cpu) / (psLongBytes - psBytes) * psBytes;
        List<ByteBuf> datagrams = new ArrayList<>();
        for (byte[] d : Packetizer.rtp(Packetizer.perFrame(media.cameraUnits(), 1400), SSRC, 0)) {
            datagrams.add(Unpooled.wrappedBuffer(d));
        }
        Timing ours = fromRtp(datagrams, seconds);
        report.info("ffmpeg, camera PS file -> fMP4", String.format(Locale.ROOT,
                "wall clock %.1f MB/s (best %.3f s); CPU steady state %.1f MB/s", psBytes / ffPs.best / 1e6,
                ffPs.best, psBytes / psSteadyCpu / 1e6));
        report.info("ours, camera RTP -> ES -> fMP4 per GOP", String.format(Locale.ROOT,
                "%.1f MB/s, %.0f frames/s (median pass %.4f s, CPU %.4f s)", psBytes / ours.wall / 1e6,
                frames.size() / ours.wall, ours.wall, ours.cpu));
        report.info("whole path, ours vs ffmpeg", String.format(Locale.ROOT,
                "%.1fx wall clock with ffmpeg's start-up, %.1fx CPU time steady state", ffPs.best / ours.wall,
                psSteadyCpu / ours.cpu));
    }

    /**
     * The access units as the receiver's ES mode delivers them: Annex B with the positions of their NAL units, PTS
     * 40 ms apart, key frames marked.
     */
    private static List<MediaFrame> frames(byte[] es) {
        List<MediaFrame> frames = new ArrayList<>();
        long pts = 90_000;
        for (byte[] au : CameraPsMuxer.accessUnits(es, false)) {
            boolean key = NalUnits.anyKeyPicture(MediaCodec.H264, au, 0, au.length);
            frames.add(new MediaFrame(SSRC, pts, pts, MediaFrame.NO_TIMESTAMP, key, MediaCodec.H264,
                    MediaStreamType.VIDEO, au, 0, false, null, null, CameraPsMuxer.nalHeaders(au)));
            pts += 3600;
        }
        return frames;
    }

    /** Our median wall clock and median CPU time per pass. */
    private record Ours(double median, double cpu, int passes, long fragments, long outBytes,
                        double extraAllocationPerFrame) {
    }

    private static Ours mux(List<MediaFrame> frames, FragmentMode mode, double seconds) {
        Fmp4Settings settings = Fmp4Settings.of(mode, AudioPolicy.AAC);
        long[] out = new long[2];
        Fmp4Muxer.Sink sink = s -> {
            out[0]++;
            out[1] += s.data().length;
        };
        Runnable pass = () -> {
            Fmp4Muxer muxer = new Fmp4Muxer(settings, "benchmark", sink);
            for (MediaFrame f : frames) {
                muxer.frame(f);
            }
            muxer.finish();
        };
        warmUp(pass, seconds);
        out[0] = 0;
        out[1] = 0;
        long allocatedBefore = allocated();
        pass.run();
        long allocated = allocated() - allocatedBefore;
        long fragments = out[0];
        long outBytes = out[1];
        double extra = (allocated - outBytes) / (double) frames.size();
        Timing t = time(pass, seconds);
        return new Ours(t.wall, t.cpu, t.passes, fragments, outBytes, extra);
    }

    private record Timing(double wall, double cpu, int passes) {
    }

    private static void warmUp(Runnable pass, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        for (int passes = 0; System.nanoTime() < end || passes < 3; passes++) {
            pass.run();
        }
    }

    /** Median wall clock and median CPU time of the passes run in {@code seconds}. */
    private static Timing time(Runnable pass, double seconds) {
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end || wall.size() < 3) {
            long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long start = System.nanoTime();
            pass.run();
            wall.add((System.nanoTime() - start) / 1e9);
            cpu.add((ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9);
        }
        wall.sort(null);
        cpu.sort(null);
        return new Timing(wall.get(wall.size() / 2), cpu.get(cpu.size() / 2), wall.size());
    }

    private static Timing fromRtp(List<ByteBuf> datagrams, double seconds) {
        MediaReceiverConfig config = MediaReceiverConfig.builder().mode(MediaMode.ES).build();
        Fmp4Streams.Listener drop = (latest, segment) -> {
        };
        Runnable pass = () -> {
            Fmp4Streams muxers = new Fmp4Streams(Fmp4Settings.of(FragmentMode.GOP, AudioPolicy.AAC), drop);
            MediaStream stream = MediaStream.standalone(SSRC, config, false, muxers);
            for (ByteBuf d : datagrams) {
                stream.receive(RtpParser.parse(d, null, 0));
            }
            stream.finish();
        };
        warmUp(pass, seconds);
        return time(pass, seconds);
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** ffmpeg's best and median wall clock, and its least CPU time (user and system, every thread). */
    private record Ffmpeg(double best, double median, double cpu) {
    }

    private static Ffmpeg ffmpeg(Path input, String format, int runs) {
        String command = "ffmpeg -hide_banner -nostats -loglevel error -f " + format
                         + ("h264".equals(format) ? " -framerate 25" : "") + " -i '" + input + "' -map 0:v -c copy"
                         + " -f mp4 -movflags frag_keyframe+empty_moov -y /dev/null";
        // bash's times: the CPU its children used, the only way to get ffmpeg's own after it exited
        String[] withTimes = {"bash", "-c", command + " && times"};
        BenchmarkMedia.run(withTimes); // into the page cache
        double[] wall = new double[runs];
        double cpu = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            String out = BenchmarkMedia.run(withTimes);
            wall[i] = (System.nanoTime() - start) / 1e9;
            cpu = Math.min(cpu, childrenCpu(out));
        }
        Arrays.sort(wall);
        return new Ffmpeg(wall[0], wall[runs / 2], cpu);
    }

    /** The second line of bash's times: user and system time of the children, as 0m0.078s 0m0.029s. */
    private static double childrenCpu(String times) {
        String[] lines = times.strip().split("\\R");
        String[] fields = lines[lines.length - 1].trim().split("\\s+");
        return seconds(fields[0]) + seconds(fields[1]);
    }

    private static double seconds(String bashTime) {
        int m = bashTime.indexOf('m');
        return Integer.parseInt(bashTime.substring(0, m)) * 60
               + Double.parseDouble(bashTime.substring(m + 1, bashTime.length() - 1));
    }

    private static Path repeatedEs(Path es, byte[] one) {
        Path file = es.resolveSibling(es.getFileName().toString().replace(".h264", "-x" + REPEAT + ".h264"));
        if (!Files.exists(file)) {
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int i = 0; i < REPEAT; i++) {
                    out.write(one);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }
}
