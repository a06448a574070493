package io.github.gb28181.camel.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.gb28181.camel.media.receive.MediaReceiverConfig;
import io.github.gb28181.camel.media.receive.MediaStream;
import io.github.gb28181.camel.media.rtp.RtpParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * "PS framing in memory faster than ffmpeg's PS demuxer on the same file." Ours: the RTP datagrams of the file,
 * already in memory, through what a media thread runs per packet ({@link RtpParser} copying the payload out, then
 * {@link MediaStream}: reorder window, {@code PsDemuxer}, the PS or ES frame assembler), one thread, no network.
 * ffmpeg's: {@code ffmpeg -f mpeg -i file -map 0:v -c copy -f null -}, which demuxes and runs its H.264 parser to
 * cut pictures (as our ES mode does) without decoding, the file in the page cache. ffmpeg's wall clock on a 60 s
 * file is mostly its start-up, so its steady state is worked out too, from a file eight times as long.
 */
final class FramingVsFfmpeg {

    private static final int SSRC = 0x1234;

    private FramingVsFfmpeg() {
    }

    static void run(BenchmarkReport report, BenchmarkMedia media, double seconds, int ffmpegRuns) {
        report.section("PS framing in memory vs ffmpeg's PS demuxer");
        report.info("input", media.description + "; " + BenchmarkMedia.ffmpegVersion());
        report.note("ffmpeg: " + String.join(" ", command(Path.of("FILE"))) + ", wall clock with the file in the page"
                    + " cache, best of " + ffmpegRuns + " runs after one to warm the cache; its steady state leaves"
                    + " out start-up and probing: (" + REPEAT + "x file - 1x file) / (time on " + REPEAT
                    + "x - time on 1x)");
        report.note("ours: the file's RTP datagrams, in memory, through RtpParser and MediaStream (reorder window,"
                    + " PsDemuxer, PS or ES framer) as a media thread runs them, one thread; median pass after"
                    + " warming up");
        Path[] repeated = media.repeated(REPEAT);
        List<CameraPsMuxer.Unit> units = media.cameraUnits();
        compare(report, "camera PS", media.cameraPs, repeated[0], Packetizer.perFrame(units, 1400), seconds,
                ffmpegRuns);
        byte[] vob = BenchmarkMedia.bytes(media.ffmpegPs);
        compare(report, "ffmpeg PS", media.ffmpegPs, repeated[1], Packetizer.fixedSize(vob, 1400), seconds,
                ffmpegRuns);
    }

    private static void compare(BenchmarkReport report, String name, Path file, Path longer,
                                List<Packetizer.Chunk> chunks, double seconds, int ffmpegRuns) {
        long size = BenchmarkMedia.bytes(file).length;
        long longerSize = BenchmarkMedia.bytes(longer).length;
        int pictures = BenchmarkMedia.ffprobeVideoPackets(file);
        int longerPictures = BenchmarkMedia.ffprobeVideoPackets(longer);
        report.info(name + " file", String.format(Locale.ROOT, "%s, %.1f MB, %d pictures (ffprobe), %d RTP packets",
                file, size / 1e6, pictures, chunks.size()));

        Ffmpeg ff = ffmpeg(file, ffmpegRuns);
        Ffmpeg ffLonger = ffmpeg(longer, ffmpegRuns);
        double steady = ffLonger.bestWall - ff.bestWall;
        report.info(name + ", ffmpeg, wall clock",
                String.format(Locale.ROOT, "%.1f MB/s, %.0f frames/s (best %.3f s, median %.3f s)",
                        size / ff.bestWall / 1e6, pictures / ff.bestWall, ff.bestWall, ff.medianWall));
        report.info(name + ", ffmpeg, steady state",
                String.format(Locale.ROOT, "%.1f MB/s, %.0f frames/s (%dx file: best %.3f s, median %.3f s)",
                        (longerSize - size) / steady / 1e6, (longerPictures - pictures) / steady, REPEAT,
                        ffLonger.bestWall, ffLonger.medianWall));
        double steadyPerByte = steady / (longerSize - size);

        List<ByteBuf> datagrams = new ArrayList<>();
        for (byte[] d : Packetizer.rtp(chunks, SSRC, 0)) {
            datagrams.add(Unpooled.wrappedBuffer(d));
        }
        for (MediaMode mode : MediaMode.values()) {
            Ours ours = ours(datagrams, mode, seconds);
            report.info(name + ", ours, " + mode + " mode",
                    String.format(Locale.ROOT, "%.1f MB/s, %.0f frames/s (median of %d passes %.4f s, best %.4f s;"
                                               + " %d frames a pass)", size / ours.medianPass / 1e6,
                            ours.frames / ours.medianPass, ours.passes, ours.medianPass, ours.bestPass,
                            ours.frames));
            double wallRatio = ff.bestWall / ours.medianPass;
            double steadyRatio = steadyPerByte * size / ours.medianPass;
            report.figure(name + ", ours " + mode + " mode vs ffmpeg, wall clock",
                    String.format(Locale.ROOT, "%.2fx", wallRatio), "ours > ffmpeg", wallRatio > 1);
            report.figure(name + ", ours " + mode + " mode vs ffmpeg, steady state",
                    String.format(Locale.ROOT, "%.2fx", steadyRatio), "ours > ffmpeg", steadyRatio > 1);
        }
    }

    private static final int REPEAT = 8;

    private static String[] command(Path file) {
        return new String[] {"ffmpeg", "-hide_banner", "-nostats", "-loglevel", "error", "-f", "mpeg", "-i",
            file.toString(), "-map", "0:v", "-c", "copy", "-f", "null", "-"};
    }

    private record Ffmpeg(double bestWall, double medianWall) {
    }

    private static Ffmpeg ffmpeg(Path file, int runs) {
        double[] wall = BenchmarkMedia.wallClock(command(file), runs);
        return new Ffmpeg(wall[0], wall[runs / 2]);
    }

    private record Ours(double medianPass, double bestPass, int passes, long frames) {
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
        return new Ours(times.get(times.size() / 2), times.get(0), times.size(), framesPerPass);
    }

    private static void pass(List<ByteBuf> datagrams, MediaReceiverConfig config, MediaFrameListener listener) {
        MediaStream stream = MediaStream.standalone(SSRC, config, false, listener);
        for (ByteBuf d : datagrams) {
            stream.receive(RtpParser.parse(d, null, 0));
        }
        stream.finish();
    }
}
