package io.github.gb28181.camel.media;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import io.github.gb28181.camel.media.relay.RtpRelay;
import io.github.gb28181.camel.media.send.MediaSender;
import io.github.gb28181.camel.media.send.MediaSenderConfig;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints what relaying media upward costs (cascade: a device's RTP passed on to an upper platform): CPU per relayed
 * packet and the latency the relay adds (p50, p99), for 100 concurrent 2 Mbit/s streams. Anchor in the same run: a
 * bare Netty UDP forwarder on the same event loop (receive a datagram, send its bytes on: the least a relay in this
 * stack can cost), and the loopback path without any relay for the latency. Not a test: it asserts nothing and is
 * excluded from the default build. Run it alone with
 *
 * <pre>
 * mvn -B -o -q -pl camel-gb28181 -Pbenchmark test -Dtest=RelayBenchmark
 * </pre>
 *
 * The three arrangements run in turn, {@code -Dbenchmark.rounds} times (default 3), and each figure is the median
 * of its rounds, so a burst of load on a shared machine moves one round, not the figure. {@code
 * -Dbenchmark.relaySeconds=N} per round (default 5, after 2 s of warming up), {@code -Dbenchmark.streams} (default
 * 100), {@code -Dbenchmark.mbits} per stream (default 2). About a minute; results also go to
 * target/relay-benchmark.txt.
 */
@Tag("benchmark")
class RelayBenchmark {

    private static final double SECONDS = Double.parseDouble(System.getProperty("benchmark.relaySeconds", "5"));
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    private static final double WARM_UP = 2;
    private static final int STREAMS = Integer.getInteger("benchmark.streams", 100);
    private static final double MBITS = Double.parseDouble(System.getProperty("benchmark.mbits", "2"));
    private static final int PAYLOAD = 1400;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** What one arrangement measured. */
    private record Run(long packets, double seconds, long cpuNanos, long[] latencies, long lost) {
        double cpuPerPacketMicros() {
            return cpuNanos / 1e3 / packets;
        }

        long percentile(double p) {
            return latencies.length == 0 ? -1 : latencies[(int) Math.min(latencies.length - 1, p * latencies.length)];
        }
    }

    @Test
    void run() throws Exception {
        BenchmarkReport report = new BenchmarkReport();
        report.header("camel-gb28181 relay benchmark");
        report.info("command", "mvn -B -o -q -pl camel-gb28181 -Pbenchmark test -Dtest=RelayBenchmark");
        int packetsPerSecond = (int) Math.round(STREAMS * MBITS * 1e6 / 8 / (PAYLOAD + 12));
        report.info("load", STREAMS + " streams of " + MBITS + " Mbit/s, " + PAYLOAD + "-byte payloads: "
                            + packetsPerSecond + " packets/s in and out, UDP over loopback, " + SECONDS + " s each"
                            + " after " + WARM_UP + " s of warming up");
        report.note("each packet carries the time it was sent; a sink thread reads what comes out and takes the"
                    + " difference. CPU is the relay's event loop thread's (reading, parsing the RTP header,"
                    + " renumbering, writing), from the JVM's per-thread CPU times");

        List<Run> directs = new ArrayList<>();
        List<Run> bares = new ArrayList<>();
        List<Run> relays = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            directs.add(direct(packetsPerSecond));
            bares.add(bare(packetsPerSecond));
            relays.add(relay(packetsPerSecond));
        }
        report.note(ROUNDS + " rounds, each of the three in turn; the figures are medians of the rounds");

        report.section("Loopback, no relay (the latency's anchor)");
        report.info("latency", latency(directs));

        report.section("Bare Netty forwarder, one event loop (the CPU's anchor)");
        report.info("forwarded", rate(bares));
        report.info("latency", latency(bares));

        report.section("RtpRelay -> MediaSender.forward, " + STREAMS + " relays on one event loop (the cascade's)");
        report.info("relayed", rate(relays));
        report.info("latency", latency(relays));
        double relayCpu = median(relays, Run::cpuPerPacketMicros);
        double bareCpu = median(bares, Run::cpuPerPacketMicros);
        report.info("CPU per relayed packet vs the bare forwarder", String.format(Locale.ROOT,
                "%.2f us vs %.2f us: %.2fx", relayCpu, bareCpu, relayCpu / bareCpu));
        double directP50 = median(directs, r -> r.percentile(0.5) / 1e3);
        double directP99 = median(directs, r -> r.percentile(0.99) / 1e3);
        report.info("latency the relay adds (over loopback without a relay)", String.format(Locale.ROOT,
                "p50 %.1f us, p99 %.1f us", median(relays, r -> r.percentile(0.5) / 1e3) - directP50,
                median(relays, r -> r.percentile(0.99) / 1e3) - directP99));
        report.info("the bare forwarder adds", String.format(Locale.ROOT, "p50 %.1f us, p99 %.1f us",
                median(bares, r -> r.percentile(0.5) / 1e3) - directP50,
                median(bares, r -> r.percentile(0.99) / 1e3) - directP99));

        report.summary();
        report.writeTo(Path.of("target", "relay-benchmark.txt"));
    }

    private static String rate(List<Run> runs) {
        return String.format(Locale.ROOT, "%.0f packets/s, CPU %.2f us per packet (%.0f%% of a core), %d lost in all;"
                                          + " rounds: %s us per packet",
                median(runs, r -> r.packets() / r.seconds()), median(runs, Run::cpuPerPacketMicros),
                median(runs, r -> 100.0 * r.cpuNanos() / 1e9 / r.seconds()), runs.stream().mapToLong(Run::lost).sum(),
                runs.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.cpuPerPacketMicros())).toList());
    }

    private static String latency(List<Run> runs) {
        return String.format(Locale.ROOT, "p50 %.1f us, p99 %.1f us (rounds: p50 %s, p99 %s us; %d packets each)",
                median(runs, r -> r.percentile(0.5) / 1e3), median(runs, r -> r.percentile(0.99) / 1e3),
                runs.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.percentile(0.5) / 1e3)).toList(),
                runs.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.percentile(0.99) / 1e3)).toList(),
                runs.get(0).latencies().length);
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        return values[values.length / 2];
    }

    /** The source sends straight to the sink. */
    private static Run direct(int rate) throws Exception {
        try (Sink sink = new Sink()) {
            List<InetSocketAddress> targets = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                targets.add(sink.address());
            }
            return measure(targets, sink, rate, () -> 0L);
        }
    }

    /** A Netty datagram channel per stream whose handler sends each datagram's bytes on to the sink. */
    private static Run bare(int rate) throws Exception {
        NioEventLoopGroup io = new NioEventLoopGroup(1, new DefaultThreadFactory("bench-relay-io", true));
        List<Channel> channels = new ArrayList<>();
        try (Sink sink = new Sink()) {
            List<InetSocketAddress> targets = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                Channel ch = new Bootstrap().group(io).channel(NioDatagramChannel.class)
                        .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                                ctx.writeAndFlush(new DatagramPacket(packet.content().retain(), sink.address()));
                            }
                        }).bind("127.0.0.1", 0).sync().channel();
                channels.add(ch);
                targets.add((InetSocketAddress) ch.localAddress());
            }
            long ioThread = threadId("bench-relay-io");
            return measure(targets, sink, rate, () -> THREADS.getThreadCpuTime(ioThread));
        } finally {
            channels.forEach(Channel::close);
            io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** What the cascade runs: an RtpRelay per stream, each with a MediaSender towards the sink. */
    private static Run relay(int rate) throws Exception {
        NioEventLoopGroup io = new NioEventLoopGroup(1, new DefaultThreadFactory("bench-relay-io", true));
        List<RtpRelay> relays = new ArrayList<>();
        List<MediaSender> senders = new ArrayList<>();
        try (Sink sink = new Sink()) {
            List<InetSocketAddress> targets = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                RtpRelay relay = new RtpRelay(MediaTransport.UDP, "127.0.0.1", 0, io);
                relay.start();
                MediaSender sender = new MediaSender(MediaSenderConfig.builder().host("127.0.0.1")
                        .remoteHost("127.0.0.1").remotePort(sink.address().getPort()).ssrc(100_000_000L + i)
                        .build(), io);
                sender.start();
                relay.attach("s" + i, sender);
                relays.add(relay);
                senders.add(sender);
                targets.add(relay.localAddress());
            }
            long ioThread = threadId("bench-relay-io");
            return measure(targets, sink, rate, () -> THREADS.getThreadCpuTime(ioThread));
        } finally {
            relays.forEach(RtpRelay::stop);
            senders.forEach(MediaSender::stop);
            io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /**
     * Sends RTP packets round robin to the targets at {@code rate}, warms up, then measures: packets out of the sink,
     * the CPU the supplier counts, and each packet's time from send to sink.
     */
    private static Run measure(List<InetSocketAddress> targets, Sink sink, int rate, CpuClock cpu) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        long[] sent = new long[1];
        Thread source = new Thread(() -> send(targets, rate, running, measuring, sent), "bench-source");
        source.setDaemon(true);
        source.start();
        LockSupport.parkNanos((long) (WARM_UP * 1e9));
        sink.reset();
        long cpu0 = cpu.nanos();
        long start = System.nanoTime();
        measuring.set(true);
        LockSupport.parkNanos((long) (SECONDS * 1e9));
        measuring.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpuUsed = cpu.nanos() - cpu0;
        running.set(false);
        source.join();
        // what was sent while measuring has had time to arrive
        LockSupport.parkNanos(200_000_000L);
        long[] latencies = sink.latencies();
        Arrays.sort(latencies);
        return new Run(latencies.length, seconds, cpuUsed, latencies, Math.max(0, sent[0] - latencies.length));
    }

    @FunctionalInterface
    private interface CpuClock {
        long nanos();
    }

    /** Paced round robin: each packet is an RTP packet whose payload starts with its send time and measure flag. */
    private static void send(List<InetSocketAddress> targets, int rate, AtomicBoolean running,
                             AtomicBoolean measuring, long[] sent) {
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            ByteBuffer packet = ByteBuffer.allocateDirect(12 + PAYLOAD);
            int[] sequence = new int[targets.size()];
            long interval = 1_000_000_000L / rate;
            long next = System.nanoTime();
            int stream = 0;
            while (running.get()) {
                long now = System.nanoTime();
                if (now < next) {
                    LockSupport.parkNanos(Math.min(next - now, 200_000));
                    continue;
                }
                boolean counted = measuring.get();
                packet.clear();
                packet.put((byte) 0x80).put((byte) 96).putShort((short) sequence[stream]++)
                        .putInt((int) (now / 11_111)).putInt(stream);
                packet.putLong(System.nanoTime()).put((byte) (counted ? 1 : 0));
                packet.position(12 + PAYLOAD).flip();
                channel.send(packet, targets.get(stream));
                if (counted) {
                    sent[0]++;
                }
                stream = (stream + 1) % targets.size();
                next += interval;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long threadId(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix))
                .mapToLong(Thread::getId).findFirst().orElseThrow();
    }

    /** Reads what arrives, keeping the latency of each packet sent while measuring. */
    private static final class Sink implements AutoCloseable {
        private final DatagramChannel channel;
        private final Thread thread;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private long[] latencies = new long[1 << 20];
        private int count;

        Sink() throws IOException {
            channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 8 * 1024 * 1024);
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            thread = new Thread(this::read, "bench-sink");
            thread.setDaemon(true);
            thread.start();
        }

        InetSocketAddress address() {
            try {
                return (InetSocketAddress) channel.getLocalAddress();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private void read() {
            ByteBuffer buf = ByteBuffer.allocateDirect(65_536);
            try {
                while (running.get()) {
                    buf.clear();
                    if (channel.receive(buf) == null) {
                        continue;
                    }
                    long now = System.nanoTime();
                    if (buf.position() >= 21 && buf.get(20) == 1) {
                        long sentAt = buf.getLong(12);
                        synchronized (this) {
                            if (count == latencies.length) {
                                latencies = Arrays.copyOf(latencies, count * 2);
                            }
                            latencies[count++] = now - sentAt;
                        }
                    }
                }
            } catch (IOException e) {
                // closed
            }
        }

        synchronized void reset() {
            count = 0;
        }

        synchronized long[] latencies() {
            return Arrays.copyOf(latencies, count);
        }

        @Override
        public void close() throws IOException {
            running.set(false);
            channel.close();
        }
    }
}
