package io.github.gb28181.camel.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.github.gb28181.camel.media.receive.MediaReceiver;
import io.github.gb28181.camel.media.receive.MediaReceiverConfig;
import io.github.gb28181.camel.media.receive.MediaStatistics;
import io.github.gb28181.camel.media.receive.MediaStream;
import io.github.gb28181.camel.media.rtp.RtpPacket;
import io.github.gb28181.camel.media.rtp.RtpParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints the media figures the hardening issue asks for, each next to its target, and a few more without one. Not
 * a test: it asserts nothing and is excluded from the default build (CI times nothing). Run it with
 *
 * <pre>
 * mvn -B -o -q -pl camel-gb28181 -Pbenchmark test
 * </pre>
 *
 * It prints the machine first, then one line per figure, and writes the same to target/media-benchmark.txt.
 * Sections, and the system properties that shorten them for a quick check:
 * <ul>
 * <li>{@code framing}: the committed samples through one stream in memory ({@code -Dbenchmark.seconds=N} per
 * figure, default 5);</li>
 * <li>{@code ffmpeg}: PS framing in memory against ffmpeg's PS demuxer on the same file, a longer stream made with
 * ffmpeg into target/media-benchmark ({@code -Dbenchmark.mediaSeconds=60}, {@code -Dbenchmark.ffmpegRuns=5});</li>
 * <li>{@code loopback}: RTP over loopback UDP with 1 and 50 streams as fast as the receiver keeps up: the senders
 * stay at most 512 KiB ahead of what the media threads have taken, so the figures are the receiver's throughput,
 * not the kernel's drop rate;</li>
 * <li>{@code ingest}: 500 streams at 2 Mbit/s paced in real time into a gb28181-rtp route, every packet accounted
 * for ({@code -Dbenchmark.ingest.streams=500}, {@code -Dbenchmark.ingest.seconds=30}), after
 * {@code -Dbenchmark.ingest.warmUpSeconds=5} of the same load into another route, not counted. The route asks for a
 * 16 MiB socket receive buffer ({@code -Dbenchmark.ingest.receiveBufferSize=...}), which Linux grants only up to
 * net.core.rmem_max: run {@code sysctl -w net.core.rmem_max=16777216} first; the output says when it was capped.
 * {@code -Dbenchmark.ingest.options=&name=value} adds endpoint options.</li>
 * <li>{@code fmp4}: fragmented MP4 muxing in memory against ffmpeg's MP4 muxer on the same input
 * ({@link Fmp4VsFfmpeg}).</li>
 * </ul>
 * By default the sections with targets run, {@code ffmpeg}, {@code fmp4} and {@code ingest}, so that the whole
 * benchmark profile stays under 15 minutes; {@code -Dbenchmark.only=framing,ffmpeg,fmp4,loopback,ingest} runs them
 * all.
 */
@Tag("benchmark")
class MediaBenchmark {

    private static final long SECONDS = Long.getLong("benchmark.seconds", 5);
    private static final long WINDOW = 512 * 1024;
    private static final Set<String> ONLY = Set.of(System.getProperty("benchmark.only",
            "ffmpeg,fmp4,ingest").split(","));

    @Test
    void run() throws Exception {
        BenchmarkReport report = new BenchmarkReport();
        report.header("camel-gb28181 media benchmark");
        report.info("command", "mvn -B -o -q -pl camel-gb28181 -Pbenchmark test" + properties());
        if (ONLY.contains("framing")) {
            report.section("Framing the committed samples in memory, one stream, one thread");
            MediaCase camera = MediaCase.camera(Samples.H264_AUD, false, false);
            MediaCase ffmpeg = MediaCase.file(Samples.H264_FFMPEG_E2, "188x7", ps -> Packetizer.fixedSize(ps, 188 * 7));
            inMemory(report, "PS mode, camera H.264 320x240 (1400-byte packets)", camera, MediaMode.PS);
            inMemory(report, "PS mode, ffmpeg H.264 320x240 (188x7, no marker)", ffmpeg, MediaMode.PS);
            inMemory(report, "ES mode, camera H.264 320x240", camera, MediaMode.ES);
            inMemory(report, "ES mode, ffmpeg H.264 320x240 with B-frames", ffmpeg, MediaMode.ES);
        }
        BenchmarkMedia media = null;
        if (ONLY.contains("ffmpeg") || ONLY.contains("ingest") || ONLY.contains("fmp4")) {
            media = BenchmarkMedia.prepare(Integer.getInteger("benchmark.mediaSeconds", 60), 1280, 720, 2000);
        }
        if (ONLY.contains("ffmpeg")) {
            FramingVsFfmpeg.run(report, media, SECONDS, Integer.getInteger("benchmark.ffmpegRuns", 5));
        }
        if (ONLY.contains("fmp4")) {
            Fmp4VsFfmpeg.run(report, media, SECONDS, Integer.getInteger("benchmark.ffmpegRuns", 5));
        }
        if (ONLY.contains("loopback")) {
            report.section("Loopback UDP as fast as the receiver keeps up (flow-controlled senders), H.264 320x240");
            MediaCase camera = MediaCase.camera(Samples.H264_AUD, false, false);
            loopback(report, "PS mode, 1 stream", camera, 1);
            loopback(report, "PS mode, 50 streams", camera, 50);
        }
        if (ONLY.contains("ingest")) {
            RtpIngest.run(report, media, new RtpIngest.Settings(Integer.getInteger("benchmark.ingest.streams", 500),
                    Double.parseDouble(System.getProperty("benchmark.ingest.seconds", "30")),
                    Double.parseDouble(System.getProperty("benchmark.ingest.warmUpSeconds", "5")),
                    Integer.getInteger("benchmark.ingest.senders", 2),
                    Integer.getInteger("benchmark.ingest.ssrcsPerSocket", 10),
                    Integer.getInteger("benchmark.ingest.receiveBufferSize", 16 * 1024 * 1024),
                    System.getProperty("benchmark.ingest.options", "")));
        }
        report.summary();
        report.writeTo(Path.of("target", "media-benchmark.txt"));
    }

    private static String properties() {
        StringBuilder s = new StringBuilder();
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("benchmark.")).sorted()
                .forEach(n -> s.append(" -D").append(n).append('=').append(System.getProperty(n)));
        return s.toString();
    }

    private static void inMemory(BenchmarkReport report, String name, MediaCase c, MediaMode mode) {
        List<RtpPacket> packets = new ArrayList<>();
        for (byte[] d : c.rtp(1)) {
            ByteBuf buf = Unpooled.wrappedBuffer(d);
            packets.add(RtpParser.parse(buf, null, 0));
            buf.release();
        }
        long psBytes = c.ps().length;
        MediaReceiverConfig config = MediaReceiverConfig.builder().mode(mode).build();
        LongAdder frames = new LongAdder();
        measure(1, () -> {
            MediaStream stream = MediaStream.standalone(1, config, false, f -> frames.increment());
            packets.forEach(stream::receive);
            stream.finish();
        });
        frames.reset();
        long start = System.nanoTime();
        long rounds = 0;
        while (System.nanoTime() - start < SECONDS * 1_000_000_000L) {
            MediaStream stream = MediaStream.standalone(1, config, false, f -> frames.increment());
            packets.forEach(stream::receive);
            stream.finish();
            rounds++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        report.info(name, String.format(Locale.ROOT, "%.1f MB/s, %.0f frames/s", rounds * psBytes / seconds / 1e6,
                frames.sum() / seconds));
    }

    private static void measure(int seconds, Runnable warmUp) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            warmUp.run();
        }
    }

    private static void loopback(BenchmarkReport report, String name, MediaCase c, int streams) throws Exception {
        LongAdder frames = new LongAdder();
        LongAdder frameBytes = new LongAdder();
        MediaReceiverConfig config = MediaReceiverConfig.builder().host("127.0.0.1").port(0).mode(MediaMode.PS)
                .maxStreams(streams + 8).build();
        try (MediaReceiver receiver = new MediaReceiver(config, f -> {
            frames.increment();
            frameBytes.add(f.payload().length);
        })) {
            receiver.start();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> senders = new ArrayList<>();
            int senderThreads = Math.min(streams, 2);
            LongAdder sent = new LongAdder();
            for (int t = 0; t < senderThreads; t++) {
                List<Long> ssrcs = new ArrayList<>();
                for (int s = t; s < streams; s += senderThreads) {
                    ssrcs.add(1000L + s);
                }
                Thread sender = new Thread(() -> send(receiver, c, ssrcs, running, sent), "benchmark-sender-" + t);
                senders.add(sender);
                sender.start();
            }
            // warm up, then measure a fixed interval
            LockSupport.parkNanos(1_000_000_000L);
            long frames0 = frames.sum();
            long bytes0 = frameBytes.sum();
            long lost0 = receiver.statistics().packetsLost();
            long start = System.nanoTime();
            LockSupport.parkNanos(SECONDS * 1_000_000_000L);
            double seconds = (System.nanoTime() - start) / 1e9;
            long framesDone = frames.sum() - frames0;
            long bytesDone = frameBytes.sum() - bytes0;
            long lost = receiver.statistics().packetsLost() - lost0;
            running.set(false);
            for (Thread s : senders) {
                s.join();
            }
            System.gc();
            report.info(name, String.format(Locale.ROOT, "%.1f MB/s, %.0f frames/s, %d packets lost; heap in use"
                                                         + " after GC with the receiver open %d MiB",
                    bytesDone / seconds / 1e6, framesDone / seconds, lost,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024)));
        }
    }

    /** Sends the case over and over on each SSRC, interleaved packet by packet, as far ahead as the window allows. */
    private static void send(MediaReceiver receiver, MediaCase c, List<Long> ssrcs, AtomicBoolean running,
                             LongAdder sent) {
        List<List<byte[]>> perStream = new ArrayList<>();
        for (long ssrc : ssrcs) {
            perStream.add(c.rtp(ssrc));
        }
        int length = perStream.get(0).size();
        InetSocketAddress to = receiver.localAddress();
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSendBufferSize(1024 * 1024);
            int seqOffset = 0;
            long tsOffset = 0;
            int count = 0;
            while (running.get()) {
                for (int i = 0; i < length && running.get(); i++) {
                    for (List<byte[]> packets : perStream) {
                        byte[] p = packets.get(i);
                        restamp(p, seqOffset, tsOffset);
                        if ((++count & 15) == 0) {
                            while (running.get() && ahead(receiver, sent) > WINDOW) {
                                Thread.onSpinWait();
                            }
                        }
                        socket.send(new DatagramPacket(p, p.length, to));
                        sent.add(p.length);
                        restamp(p, -seqOffset, -tsOffset);
                    }
                }
                seqOffset += length;
                tsOffset += 90_000L * 3;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How far the senders are ahead of what the media threads have taken. */
    private static long ahead(MediaReceiver receiver, LongAdder sent) {
        MediaStatistics stats = receiver.statistics();
        return sent.sum() - (stats.bytesReceived() - stats.bytesPending());
    }

    // moves a packet's sequence number and timestamp on by one loop of the sample, so the receiver sees one long
    // stream rather than the same packets over again
    private static void restamp(byte[] p, int seqDelta, long tsDelta) {
        int seq = ((p[2] & 0xFF) << 8 | p[3] & 0xFF) + seqDelta;
        p[2] = (byte) (seq >> 8);
        p[3] = (byte) seq;
        long ts = ((p[4] & 0xFFL) << 24 | (p[5] & 0xFF) << 16 | (p[6] & 0xFF) << 8 | p[7] & 0xFF) + tsDelta;
        p[4] = (byte) (ts >> 24);
        p[5] = (byte) (ts >> 16);
        p[6] = (byte) (ts >> 8);
        p[7] = (byte) ts;
    }
}
