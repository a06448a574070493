package io.github.gb28181.camel.media;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.github.gb28181.camel.media.codec.GrowableBuffer;
import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.NalUnits;
import io.github.gb28181.camel.media.ps.PsMuxer;
import io.github.gb28181.camel.media.send.MediaSender;
import io.github.gb28181.camel.media.send.MediaSenderConfig;
import io.github.gb28181.camel.media.send.OutgoingFrame;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints what sending media costs: the PS muxer's MB/s and frames/s against ffmpeg's PS muxer on the same input in
 * the same run (as a ratio), and the RTP sender's packets/s and CPU per packet. Not a test: it asserts nothing and is
 * excluded from the default build. Run it alone with
 *
 * <pre>
 * mvn -B -o -q -pl camel-gb28181 -Pbenchmark test -Dtest=MediaSendBenchmark
 * </pre>
 *
 * The input is the media benchmark's: 60 s of 1280x720 H.264 at 2 Mbit/s, 25 fps, made by ffmpeg into
 * target/media-benchmark ({@code -Dbenchmark.mediaSeconds}). {@code -Dbenchmark.sendSeconds=N} sets the time per
 * figure (default 3, after 1 s of warming up), {@code -Dbenchmark.ffmpegRuns} the ffmpeg runs (default 5). About
 * 30 s in all, once the input exists. Results also go to target/media-send-benchmark.txt.
 */
@Tag("benchmark")
class MediaSendBenchmark {

    private static final double SECONDS = Double.parseDouble(System.getProperty("benchmark.sendSeconds", "3"));
    private static final double WARM_UP = Math.min(SECONDS, 1);
    private static final int FFMPEG_RUNS = Integer.getInteger("benchmark.ffmpegRuns", 5);
    private static final int REPEAT = 8;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** An access unit with its time, as a route hands it to the producer. */
    private record Unit(byte[] data, long pts, boolean key) {
    }

    @Test
    void run() throws Exception {
        BenchmarkReport report = new BenchmarkReport();
        report.header("camel-gb28181 media send benchmark");
        report.info("command", "mvn -B -o -q -pl camel-gb28181 -Pbenchmark test -Dtest=MediaSendBenchmark"
                               + (System.getProperty("benchmark.sendSeconds") != null
                                       ? " -Dbenchmark.sendSeconds=" + System.getProperty("benchmark.sendSeconds") : ""));
        BenchmarkMedia media = BenchmarkMedia.prepare(Integer.getInteger("benchmark.mediaSeconds", 60), 1280, 720,
                2000);
        byte[] es = BenchmarkMedia.bytes(media.es);
        List<Unit> units = units(es);
        report.info("input", media.description + ", " + String.format(Locale.ROOT, "%.1f MB, %d access units",
                es.length / 1e6, units.size()) + "; " + BenchmarkMedia.ffmpegVersion());

        muxer(report, media, es, units);
        sender(report, units);

        report.summary();
        report.writeTo(Path.of("target", "media-send-benchmark.txt"));
    }

    private static void muxer(BenchmarkReport report, BenchmarkMedia media, byte[] es, List<Unit> units) {
        report.section("PS muxer in memory vs ffmpeg's PS muxer (-c copy -f vob), the same H.264 access units");
        report.note("ours: PsMuxer, one pack per access unit, system header and PSM on key frames, into a reused"
                    + " buffer, one thread; median pass after warming up. MB/s are of elementary stream in");
        report.note("ffmpeg: " + String.join(" ", ffmpegCommand(Path.of("FILE"))) + ", best of " + FFMPEG_RUNS
                    + " runs, the file in the page cache; its steady state leaves out start-up: (" + REPEAT
                    + "x file - 1x file) / (time on " + REPEAT + "x - time on 1x)");
        Path longer = repeated(media.es, es);
        double ffWall = ffmpeg(media.es);
        double ffLonger = ffmpeg(longer);
        double ffSteady = ffLonger - ffWall;
        double ffSteadyMbs = (REPEAT - 1) * es.length / ffSteady / 1e6;
        report.info("ffmpeg, wall clock", String.format(Locale.ROOT, "%.1f MB/s, %.0f frames/s (best %.3f s)",
                es.length / ffWall / 1e6, units.size() / ffWall, ffWall));
        report.info("ffmpeg, steady state", String.format(Locale.ROOT, "%.1f MB/s, %.0f frames/s (%dx file: %.3f s)",
                ffSteadyMbs, (REPEAT - 1) * units.size() / ffSteady, REPEAT, ffLonger));

        GrowableBuffer out = new GrowableBuffer(256 * 1024);
        long[] psBytes = new long[1];
        Runnable pass = () -> {
            PsMuxer muxer = new PsMuxer();
            long total = 0;
            for (Unit u : units) {
                out.clear();
                muxer.mux(MediaCodec.H264, u.data(), 0, u.data().length, u.pts(), PsMuxer.NO_TIMESTAMP, u.key(), out);
                total += out.size();
            }
            psBytes[0] = total;
        };
        double median = medianPass(pass);
        double oursMbs = es.length / median / 1e6;
        report.info("ours", String.format(Locale.ROOT, "%.1f MB/s, %.0f frames/s (median pass %.4f s; %.2f%% PS"
                                                       + " overhead)", oursMbs, units.size() / median, median,
                100.0 * (psBytes[0] - es.length) / es.length));
        report.info("ours vs ffmpeg", String.format(Locale.ROOT, "%.1fx its wall clock, %.1fx its steady state",
                es.length / median / (es.length / ffWall), oursMbs / ffSteadyMbs));
    }

    private static void sender(BenchmarkReport report, List<Unit> units) throws Exception {
        report.section("RTP sender over loopback, as fast as the socket takes it, one sending thread");
        report.note("the frames of the input over and over, 1400-byte payloads; CPU is the sending thread's (muxing,"
                    + " packetizing) plus the Netty I/O thread's (system calls), per packet sent; a sink thread reads"
                    + " and discards (its CPU not counted)");
        List<byte[]> ps = new ArrayList<>();
        PsMuxer muxer = new PsMuxer();
        for (Unit u : units) {
            GrowableBuffer out = new GrowableBuffer(64 * 1024);
            muxer.mux(MediaCodec.H264, u.data(), 0, u.data().length, u.pts(), PsMuxer.NO_TIMESTAMP, u.key(), out);
            ps.add(out.toArray());
        }
        send(report, "udp, PS frames passed through", MediaTransport.UDP, units, ps);
        send(report, "udp, ES frames muxed", MediaTransport.UDP, units, null);
        send(report, "tcp-active, PS frames passed through", MediaTransport.TCP_ACTIVE, units, ps);
    }

    private static void send(BenchmarkReport report, String name, MediaTransport transport, List<Unit> units,
                             List<byte[]> ps) throws Exception {
        NioEventLoopGroup io = new NioEventLoopGroup(1, new DefaultThreadFactory("bench-send-io", true));
        try (Sink sink = transport == MediaTransport.UDP ? Sink.udp() : Sink.tcp()) {
            MediaSender sender = new MediaSender(MediaSenderConfig.builder().transport(transport).host("127.0.0.1")
                    .remoteHost("127.0.0.1").remotePort(sink.port()).ssrc(1).waitForKeyFrame(false).build(), io);
            sender.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!sender.connected() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
            long ioThread = threadId("bench-send-io");
            loop(sender, units, ps, System.nanoTime() + (long) (WARM_UP * 1e9));
            long packets0 = sender.statistics().packetsSent();
            long bytes0 = sender.statistics().bytesSent();
            long frames0 = sender.statistics().framesSent();
            long cpu0 = THREADS.getCurrentThreadCpuTime() + THREADS.getThreadCpuTime(ioThread);
            long start = System.nanoTime();
            loop(sender, units, ps, start + (long) (SECONDS * 1e9));
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = THREADS.getCurrentThreadCpuTime() + THREADS.getThreadCpuTime(ioThread) - cpu0;
            long packets = sender.statistics().packetsSent() - packets0;
            long bytes = sender.statistics().bytesSent() - bytes0;
            long frames = sender.statistics().framesSent() - frames0;
            sender.stop();
            report.info(name, String.format(Locale.ROOT, "%.0f packets/s, %.1f MB/s, %.0f frames/s; CPU %.2f us per"
                                                         + " packet (%.0f%% of a core); the sink read %.0f MB",
                    packets / seconds, bytes / seconds / 1e6, frames / seconds, cpu / 1e3 / packets,
                    100.0 * cpu / 1e9 / seconds, sink.bytes() / 1e6));
        } finally {
            io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Sends until {@code end}; a frame the sender drops because its queue is full is offered again. */
    private static void loop(MediaSender sender, List<Unit> units, List<byte[]> ps, long end) {
        long base = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < units.size() && System.nanoTime() < end; i++) {
                Unit u = units.get(i);
                OutgoingFrame frame = ps != null
                        ? new OutgoingFrame(MediaMode.PS, MediaCodec.H264, ps.get(i), base + u.pts(), -1, u.key(), -1,
                                MediaSenderConfig.FRAME_SSRC)
                        : new OutgoingFrame(MediaMode.ES, MediaCodec.H264, u.data(), base + u.pts(), -1, u.key(), -1,
                                MediaSenderConfig.FRAME_SSRC);
                while (!sender.send(frame)) {
                    LockSupport.parkNanos(20_000);
                }
            }
            base += units.get(units.size() - 1).pts() + 3600;
        }
    }

    private static long threadId(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix))
                .mapToLong(Thread::getId).findFirst().orElseThrow();
    }

    private static double medianPass(Runnable pass) {
        long warmUpEnd = System.nanoTime() + (long) (WARM_UP * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            pass.run();
        }
        List<Double> times = new ArrayList<>();
        long end = System.nanoTime() + (long) (SECONDS * 1e9);
        while (System.nanoTime() < end || times.size() < 3) {
            long start = System.nanoTime();
            pass.run();
            times.add((System.nanoTime() - start) / 1e9);
        }
        times.sort(null);
        return times.get(times.size() / 2);
    }

    private static List<Unit> units(byte[] es) {
        List<Unit> units = new ArrayList<>();
        long pts = 90_000;
        for (byte[] au : CameraPsMuxer.accessUnits(es, false)) {
            units.add(new Unit(au, pts, NalUnits.anyKeyPicture(MediaCodec.H264, au, 0, au.length)));
            pts += 90_000 / BenchmarkMedia.FPS;
        }
        return units;
    }

    private static String[] ffmpegCommand(Path es) {
        return new String[] {"ffmpeg", "-hide_banner", "-nostats", "-loglevel", "error", "-f", "h264", "-framerate",
            String.valueOf(BenchmarkMedia.FPS), "-i", es.toString(), "-c", "copy", "-f", "vob", "-y", "/dev/null"};
    }

    /** The best wall clock of ffmpeg's runs, after one to bring the file into the page cache. */
    private static double ffmpeg(Path es) {
        return BenchmarkMedia.wallClock(ffmpegCommand(es), FFMPEG_RUNS)[0];
    }

    private static Path repeated(Path es, byte[] bytes) {
        Path longer = es.resolveSibling(es.getFileName().toString().replace(".h264", "-x" + REPEAT + ".h264"));
        if (!Files.exists(longer)) {
            try (OutputStream out = Files.newOutputStream(longer)) {
                for (int i = 0; i < REPEAT; i++) {
                    out.write(bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return longer;
    }

    /** Reads and discards what the sender sends, on a thread of its own. */
    private static final class Sink implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong bytes = new AtomicLong();
        private final java.nio.channels.Channel channel;
        private final int port;
        private final Thread thread;

        private Sink(java.nio.channels.Channel channel, int port, Runnable body) {
            this.channel = channel;
            this.port = port;
            this.thread = new Thread(body, "bench-sink");
            thread.setDaemon(true);
            thread.start();
        }

        static Sink udp() throws IOException {
            DatagramChannel ch = DatagramChannel.open();
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 8 * 1024 * 1024);
            ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Sink[] self = new Sink[1];
            self[0] = new Sink(ch, ((InetSocketAddress) ch.getLocalAddress()).getPort(), () -> {
                ByteBuffer buf = ByteBuffer.allocateDirect(65_536);
                try {
                    while (self[0] == null || self[0].running.get()) {
                        buf.clear();
                        if (ch.receive(buf) != null && self[0] != null) {
                            self[0].bytes.addAndGet(buf.position());
                        }
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            return self[0];
        }

        static Sink tcp() throws IOException {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Sink[] self = new Sink[1];
            self[0] = new Sink(server, ((InetSocketAddress) server.getLocalAddress()).getPort(), () -> {
                ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
                try (SocketChannel connection = server.accept()) {
                    int read;
                    while ((read = connection.read(buf)) >= 0) {
                        buf.clear();
                        if (self[0] != null) {
                            self[0].bytes.addAndGet(read);
                        }
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            return self[0];
        }

        int port() {
            return port;
        }

        long bytes() {
            return bytes.get();
        }

        @Override
        public void close() throws IOException {
            running.set(false);
            channel.close();
        }
    }
}
