package io.github.gb28181.camel.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.gb28181.camel.media.rtp.RtpParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * "PS framing in memory faster than ffmpeg's PS demuxer on the same file." Ours: the RTP datagrams of the file,
 * already in memory, through what a media thread runs per packet ({@link RtpParser} copying the payload out, then
 * {@link MediaStream}: reorder window, {@code PsDemuxer}, the PS or ES frame assembler), one thread, no network.
 * ffmpeg's: {@code ffmpeg -f mpeg -i file -map 0:v -c copy -f null -}, which demuxes and runs its H.264 parser to
 * cut pictures (as our ES mode does) without decoding, the file in the page cache.
 */
final class FramingVsFfmpeg {

    private static final Pattern BENCH = Pattern.compile("bench: utime=([0-9.]+)s stime=([0-9.]+)s rtime=([0-9.]+)s");
    private static final int SSRC = 0x1234;

    private FramingVsFfmpeg() {
    }

    static void run(BenchmarkReport report, BenchmarkMedia media, double seconds, int ffmpegRuns) {
        report.section("PS framing in memory vs ffmpeg's PS demuxer");
        report.info("input", media.description + "; " + BenchmarkMedia.ffmpegVersion());
        List<CameraPsMuxer.Unit> units = media.cameraUnits();
        compare(report, "camera PS", media.cameraPs, Packetizer.perFrame(units, 1400), seconds, ffmpegRuns);
        byte[] vob = BenchmarkMedia.bytes(media.ffmpegPs);
        compare(report, "ffmpeg PS", media.ffmpegPs, Packetizer.fixedSize(vob, 1400), seconds, ffmpegRuns);
    }

    private static void compare(BenchmarkReport report, String name, Path file, List<Packetizer.Chunk> chunks,
                                double seconds, int ffmpegRuns) {
        long size = BenchmarkMedia.bytes(file).length;
        int pictures = BenchmarkMedia.ffprobeVideoPackets(file);
        report.info(name + " file", String.format(Locale.ROOT, "%s, %.1f MB, %d pictures (ffprobe), %d RTP packets",
                file, size / 1e6, pictures, chunks.size()));

        Ffmpeg ff = ffmpeg(file, ffmpegRuns);
        double ffMb = size / ff.bestWall / 1e6;
        report.info(name + ", ffmpeg demux, wall clock",
                String.format(Locale.ROOT, "%.1f MB/s, %.0f frames/s (best of %d runs, %.3f s; median %.3f s)", ffMb,
                        pictures / ff.bestWall, ffmpegRuns, ff.bestWall, ff.medianWall));
        report.info(name + ", ffmpeg demux, its own -benchmark rtime",
                String.format(Locale.ROOT, "%.1f MB/s, %.0f frames/s (best %.3f s; leaves out start-up and the"
                                           + " probing of the first seconds)", size / ff.bestRtime / 1e6,
                        pictures / ff.bestRtime, ff.bestRtime));

        List<ByteBuf> datagrams = new ArrayList<>();
        for (byte[] d : Packetizer.rtp(chunks, SSRC, 0)) {
            datagrams.add(Unpooled.wrappedBuffer(d));
        }
        for (MediaMode mode : MediaMode.values()) {
            Ours ours = ours(datagrams, mode, seconds);
            double mb = size / ours.medianPass / 1e6;
            report.info(name + ", ours, " + mode + " mode",
                    String.format(Locale.ROOT, "%.1f MB/s, %.0f frames/s (median of %d passes, %.4f s; %d frames a"
                                               + " pass)", mb, ours.frames / ours.medianPass, ours.passes,
                            ours.medianPass, ours.frames));
            double ratio = ff.bestWall / ours.medianPass;
            report.figure(name + ", ours " + mode + " mode vs ffmpeg", String.format(Locale.ROOT,
                    "%.1fx ffmpeg's wall clock, %.1fx its rtime", ratio, ff.bestRtime / ours.medianPass),
                    "ours > ffmpeg", ratio > 1);
        }
    }

    private record Ffmpeg(double bestWall, double medianWall, double bestRtime) {
    }

    private static Ffmpeg ffmpeg(Path file, int runs) {
        String[] command = {"ffmpeg", "-hide_banner", "-nostats", "-loglevel", "info", "-benchmark", "-f", "mpeg",
            "-i", file.toString(), "-map", "0:v", "-c", "copy", "-f", "null", "-"};
        BenchmarkMedia.run(command); // into the page cache
        double[] wall = new double[runs];
        double bestRtime = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            String out = BenchmarkMedia.run(command);
            wall[i] = (System.nanoTime() - start) / 1e9;
            Matcher m = BENCH.matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("no bench: line from ffmpeg: " + out);
            }
            bestRtime = Math.min(bestRtime, Double.parseDouble(m.group(3)));
        }
        Arrays.sort(wall);
        return new Ffmpeg(wall[0], wall[runs / 2], bestRtime);
    }

    private record Ours(double medianPass, int passes, long frames) {
    }

    private static Ours ours(List<ByteBuf> datagrams, MediaMode mode, double seconds) {
        MediaReceiverConfig config = MediaReceiverConfig.builder().mode(mode).build();
        long[] frames = new long[1];
        long[] bytes = new long[1];
        MediaFrameListener count = f -> {
            frames[0]++;
            bytes[0] += f.payload().length;
        };
        long warmUpEnd = System.nanoTime() + (long) (seconds * 1e9);
        int warmUps = 0;
        while (System.nanoTime() < warmUpEnd || warmUps < 3) {
            pass(datagrams, config, count);
            warmUps++;
        }
        List<Double> times = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long framesPerPass = 0;
        while (System.nanoTime() < end || times.size() < 3) {
            frames[0] = 0;
            long start = System.nanoTime();
            pass(datagrams, config, count);
            times.add((System.nanoTime() - start) / 1e9);
            framesPerPass = frames[0];
        }
        times.sort(null);
        return new Ours(times.get(times.size() / 2), times.size(), framesPerPass);
    }

    private static void pass(List<ByteBuf> datagrams, MediaReceiverConfig config, MediaFrameListener listener) {
        MediaStream stream = MediaStream.standalone(SSRC, config, false, listener);
        for (ByteBuf d : datagrams) {
            stream.receive(RtpParser.parse(d, null, 0));
        }
        stream.finish();
    }
}
