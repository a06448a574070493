package io.github.gb28181.camel.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.github.gb28181.camel.Gb28181RtpConstants;
import io.github.gb28181.camel.Gb28181RtpConsumer;
import io.github.gb28181.camel.media.receive.MediaStatistics;
import io.github.gb28181.camel.test.FreePorts;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * "RTP ingest of 500 concurrent 2 Mbit/s streams over loopback with no loss inside the application."
 * <p>
 * Senders play cameras in real time: every SSRC sends the camera-muxed benchmark stream picture by picture, 25 times
 * a second, each picture's packets back to back as a camera's RTP packetizer does, the streams' start times spread
 * over one GOP so their key frames do not all come at once. They send through connected sockets of a few SSRCs
 * each, from a couple of threads, without any flow control: what the receiver does not keep up with, the kernel
 * drops. The receiver is a gb28181-rtp route that ends in a counting processor, with the component's own threads.
 * <p>
 * Every packet is accounted for: offered by the senders, read from the socket by the receiver, or dropped by the
 * kernel (the socket's drop counter in /proc/net/udp says so independently); every picture is delivered, dropped as
 * damaged, or was never complete.
 */
final class RtpIngest {

    private static final long FRAME_NANOS = 1_000_000_000L / BenchmarkMedia.FPS;
    private static final int MTU = 1400;

    record Settings(int streams, double seconds, double warmUpSeconds, int senderThreads, int ssrcsPerSocket,
            int receiveBufferSize, String extraOptions) {
    }

    private RtpIngest() {
    }

    static void run(BenchmarkReport report, BenchmarkMedia media, Settings settings) throws Exception {
        Template template = Template.of(media.cameraUnits());
        double streamSeconds = template.frames() / (double) BenchmarkMedia.FPS;
        report.section(String.format(Locale.ROOT, "RTP ingest: %d streams at %.1f Mbit/s over loopback UDP into a"
                                                  + " gb28181-rtp route", settings.streams,
                template.bytes() * 8 / streamSeconds / 1e6));
        report.info("setup", String.format(Locale.ROOT, "%d SSRCs each sending the camera PS of the benchmark"
                                                        + " input (%d-byte RTP payloads, %.0f packets a second each)"
                                                        + " for %.0f s, from %d paced sender threads over %d"
                                                        + " connected sockets of %d SSRCs, into one route %s ->"
                                                        + " counting processor",
                settings.streams, MTU, template.packets().size() / streamSeconds, settings.seconds,
                settings.senderThreads, (settings.streams + settings.ssrcsPerSocket - 1) / settings.ssrcsPerSocket,
                settings.ssrcsPerSocket, uri(0, settings).replace(":0?", ":PORT?")));
        report.info("socket receive buffer", receiveBufferLine(settings.receiveBufferSize));
        if (settings.warmUpSeconds > 0) {
            // the JIT compiles Camel's and the receiver's paths during the first seconds: not what 500 cameras cost
            String warm = play(null, template, settings, settings.warmUpSeconds);
            report.info("warm-up, not counted", warm);
        }
        play(report, template, settings, settings.seconds);
    }

    private static String uri(int port, Settings settings) {
        return "gb28181-rtp:127.0.0.1:" + port + "?maxStreams=" + (settings.streams + 16)
               + "&streamIdleTimeout=1000&receiveBufferSize=" + settings.receiveBufferSize + settings.extraOptions;
    }

    /** Plays the cameras into a new route; prints the figures, or without a report returns a one-line summary. */
    private static String play(BenchmarkReport report, Template template, Settings settings, double seconds)
            throws Exception {
        int framesPerStream = (int) Math.round(seconds * BenchmarkMedia.FPS);
        long expectedPackets = 0;
        for (int f = 0; f < framesPerStream; f++) {
            expectedPackets += template.packets(f % template.frames());
        }
        expectedPackets *= settings.streams;
        long expectedFrames = (long) framesPerStream * settings.streams;
        int port = FreePorts.udpAndTcp();
        String uri = uri(port, settings);

        LongAdder frames = new LongAdder();
        LongAdder frameBytes = new LongAdder();
        Map<String, LongAdder> perSsrc = new ConcurrentHashMap<>();
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("ingest").process(e -> {
                    byte[] body = e.getIn().getBody(byte[].class);
                    frames.increment();
                    frameBytes.add(body.length);
                    perSsrc.computeIfAbsent(e.getIn().getHeader(Gb28181RtpConstants.SSRC, String.class),
                            s -> new LongAdder()).increment();
                });
            }
        });
        camel.start();
        try {
            Gb28181RtpConsumer consumer = (Gb28181RtpConsumer) camel.getRoute("ingest").getConsumer();
            InetSocketAddress to = consumer.getLocalAddress();
            Snapshot before = Snapshot.take(port);

            List<Sender> senders = new ArrayList<>();
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            for (int t = 0; t < settings.senderThreads; t++) {
                senders.add(new Sender(t, settings, template, framesPerStream, to, start));
            }
            senders.forEach(Thread::start);
            for (Sender s : senders) {
                s.join();
            }
            long sendEnd = System.nanoTime();
            Snapshot sent = Snapshot.take(port);
            // the streams expire one second after their last packet, which delivers their last pictures
            long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < drainDeadline && consumer.getStatistics().streamsActive() > 0) {
                Thread.sleep(50);
            }
            Thread.sleep(200);
            Snapshot after = Snapshot.take(port);
            MediaStatistics stats = consumer.getStatistics();

            long offered = senders.stream().mapToLong(s -> s.packets).sum();
            long offeredBytes = senders.stream().mapToLong(s -> s.bytes).sum();
            double sendSeconds = (sendEnd - start) / 1e9;
            if (report == null) {
                return String.format(Locale.ROOT, "%.0f s of the same load first: %d packets offered, %d lost in the"
                                                  + " kernel, %d pictures of %d delivered", seconds, offered,
                        offered - stats.packetsReceived(), frames.sum(), expectedFrames);
            }
            long maxLate = senders.stream().mapToLong(s -> s.maxLateNanos).max().orElse(0);
            long late = senders.stream().mapToLong(s -> s.lateFrames).sum();
            double streamSeconds = template.frames() / (double) BenchmarkMedia.FPS;
            report.info("offered", String.format(Locale.ROOT, "%d packets (%d expected), %.1f MB, in %.1f s of"
                                                              + " which the first %.1f spread the streams' starts;"
                                                              + " with all streams sending %.0f Mbit/s, %.0f"
                                                              + " packets/s", offered, expectedPackets,
                    offeredBytes / 1e6, sendSeconds, BenchmarkMedia.GOP / (double) BenchmarkMedia.FPS,
                    settings.streams * template.bytes() * 8 / streamSeconds / 1e6,
                    settings.streams * template.packets().size() / streamSeconds));
            report.info("sender pacing", String.format(Locale.ROOT, "at most %.1f ms behind schedule, %d of %d"
                                                                    + " pictures more than 5 ms late", maxLate / 1e6,
                    late, expectedFrames));
            long read = stats.packetsReceived();
            long kernelLost = offered - read;
            long socketDrops = after.socketDrops - before.socketDrops;
            report.info("read by the receiver", read + " packets (MediaStatistics.packetsReceived)");
            report.info("lost in the kernel (offered - read)", String.format(Locale.ROOT,
                    "%d packets (%.3f%%); the socket's drop counter in /proc/net/udp: %d; whole machine:"
                    + " Udp RcvbufErrors +%d, InErrors +%d", kernelLost, 100.0 * kernelLost / Math.max(1, offered),
                    socketDrops, after.rcvbufErrors - before.rcvbufErrors, after.inErrors - before.inErrors));
            long appDrops = stats.packetsOverloaded() + stats.packetsRejected() + stats.packetsInvalid()
                            + stats.packetsLate() + stats.packetsDuplicate() + stats.framesOversized()
                            + Math.max(0, stats.packetsLost() - kernelLost - stats.packetsOverloaded());
            report.figure("dropped inside the application", appDrops + " packets or frames", "0", appDrops == 0);
            report.note(String.format(Locale.ROOT, "overloaded (maxPendingBytes) %d, rejected (maxStreams) %d,"
                                                   + " invalid %d, late %d, duplicate %d, oversized frames %d;"
                                                   + " reorder window counted %d lost, the kernel dropped %d",
                    stats.packetsOverloaded(), stats.packetsRejected(), stats.packetsInvalid(), stats.packetsLate(),
                    stats.packetsDuplicate(), stats.framesOversized(), stats.packetsLost(), kernelLost));
            long delivered = frames.sum();
            report.figure("pictures delivered to the route", String.format(Locale.ROOT,
                    "%d of %d sent (%d dropped as damaged by lost packets), %.1f MB", delivered, expectedFrames,
                    stats.framesDamaged(), frameBytes.sum() / 1e6), "all", delivered == expectedFrames);
            long fewest = perSsrc.values().stream().mapToLong(LongAdder::sum).min().orElse(0);
            report.note(perSsrc.size() + " SSRCs delivered; the fewest pictures for one SSRC: " + fewest + " of "
                        + framesPerStream);
            Cpu cpu = Cpu.between(before, sent, senders.stream().mapToLong(s -> s.cpuNanos).sum());
            report.info("cpu while sending", cpu.cores(sendSeconds));
            report.note(String.format(Locale.ROOT, "while sending: %d garbage collections, %d ms in them; %d ms of"
                                                   + " JIT compilation", sent.gcs - before.gcs,
                    sent.gcMillis - before.gcMillis, sent.jitMillis - before.jitMillis));
            report.info("cpu per packet", String.format(Locale.ROOT, "receiver %.2f us per packet read (socket"
                                                                     + " thread %.2f, media threads %.2f, GC and JIT"
                                                                     + " %.2f), sender %.2f us per packet offered",
                    (cpu.io + cpu.media + cpu.jvm) / 1e3 / read, cpu.io / 1e3 / read, cpu.media / 1e3 / read,
                    cpu.jvm / 1e3 / read, cpu.sender / 1e3 / offered));
            return null;
        } finally {
            camel.close();
        }
    }

    private static String receiveBufferLine(int asked) {
        String rmemMax = readFirstLine(Path.of("/proc/sys/net/core/rmem_max"));
        int granted = -1;
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.setOption(java.net.StandardSocketOptions.SO_RCVBUF, asked);
            granted = probe.getOption(java.net.StandardSocketOptions.SO_RCVBUF);
        } catch (IOException e) {
            // leave -1
        }
        String line = String.format(Locale.ROOT, "receiveBufferSize=%d asked, the kernel grants %d (and books twice"
                                                 + " that, for its overhead); net.core.rmem_max = %s", asked, granted,
                rmemMax);
        if (granted >= 0 && granted < asked) {
            line += "; CAPPED: run sysctl -w net.core.rmem_max=" + asked + " to get what was asked";
        }
        return line;
    }

    /** CPU time in nanoseconds over an interval, by who spent it. */
    private record Cpu(long process, long io, long media, long sender, long otherJava, long jvm, double machine,
            double seconds) {

        static Cpu between(Snapshot a, Snapshot b, long senderCpu) {
            Map<String, Long> threads = new HashMap<>();
            threads.put("ingest-sender", senderCpu); // ended by now: the thread bean no longer sees them
            long listed = senderCpu;
            for (Map.Entry<String, Long> e : b.threadCpu.entrySet()) {
                long v = e.getValue() - a.threadCpu.getOrDefault(e.getKey(), 0L);
                threads.merge(group(e.getKey()), v, Long::sum);
                listed += v;
            }
            long process = b.processCpu - a.processCpu;
            long busy = b.machineBusy - a.machineBusy;
            long total = busy + b.machineIdle - a.machineIdle;
            int cores = Runtime.getRuntime().availableProcessors();
            return new Cpu(process, threads.getOrDefault("gb28181-rtp-io", 0L),
                    threads.getOrDefault("gb28181-rtp-media", 0L), senderCpu,
                    threads.getOrDefault("other Java threads", 0L), Math.max(0, process - listed),
                    total > 0 ? cores * (double) busy / total : 0, (b.nanoTime - a.nanoTime) / 1e9);
        }

        String cores(double overSeconds) {
            double s = overSeconds * 1e9;
            String jvmCores = String.format(Locale.ROOT, "this JVM %.2f cores (socket thread %.2f, media threads %.2f,"
                                                         + " senders %.2f, other Java threads %.2f, GC, JIT and other"
                                                         + " JVM threads %.2f)",
                    process / s, io / s, media / s, sender / s, otherJava / s, jvm / s);
            double ours = process / 1e9 / seconds;
            if (machine < ours * 0.9) {
                // seen on this VM: its /proc/stat sometimes counts less than one process used
                return jvmCores + "; the machine's /proc/stat counted less than that, so it is not shown";
            }
            return jvmCores + String.format(Locale.ROOT, "; the machine %.2f of %d cores busy, about %.2f of them other"
                                                         + " processes (/proc/stat, which samples ticks: rough)",
                    machine, Runtime.getRuntime().availableProcessors(), Math.max(0, machine - ours));
        }
    }

    private static String group(String thread) {
        for (String g : List.of("gb28181-rtp-io", "gb28181-rtp-media", "ingest-sender")) {
            if (thread.contains(g)) { // Camel names them "Camel (ctx) thread #N - gb28181-rtp-io"
                return g;
            }
        }
        return "other Java threads";
    }

    /** The camera PS cut into RTP packets picture by picture; header fields are filled in when sent. */
    record Template(List<byte[]> packets, int[] firstPacket, long[] pts, long bytes) {

        static Template of(List<CameraPsMuxer.Unit> units) {
            List<byte[]> packets = new ArrayList<>();
            int[] first = new int[units.size() + 1];
            long[] pts = new long[units.size()];
            long bytes = 0;
            for (int u = 0; u < units.size(); u++) {
                first[u] = packets.size();
                pts[u] = units.get(u).pts();
                byte[] ps = units.get(u).ps();
                for (int off = 0; off < ps.length; off += MTU) {
                    int len = Math.min(MTU, ps.length - off);
                    byte[] p = Packetizer.rtp(Arrays.copyOfRange(ps, off, off + len), 0, 0, 0,
                            off + len == ps.length);
                    packets.add(p);
                    bytes += p.length;
                }
            }
            first[units.size()] = packets.size();
            return new Template(packets, first, pts, bytes);
        }

        int frames() {
            return pts.length;
        }

        int packets(int frame) {
            return firstPacket[frame + 1] - firstPacket[frame];
        }
    }

    /** Plays some of the cameras, each picture at its time. */
    private static final class Sender extends Thread {
        private final Template template;
        private final int framesPerStream;
        private final PriorityQueue<Camera> due = new PriorityQueue<>(Comparator.comparingLong(c -> c.due));
        private final List<DatagramChannel> sockets = new ArrayList<>();
        long packets;
        long bytes;
        long maxLateNanos;
        long lateFrames;
        long cpuNanos;

        Sender(int index, Settings settings, Template template, int framesPerStream, InetSocketAddress to, long start)
                throws IOException {
            super("ingest-sender-" + index);
            this.template = template;
            this.framesPerStream = framesPerStream;
            long gopNanos = BenchmarkMedia.GOP * FRAME_NANOS;
            DatagramChannel socket = null;
            int onSocket = 0;
            for (int s = index; s < settings.streams; s += settings.senderThreads) {
                if (socket == null || onSocket == settings.ssrcsPerSocket) {
                    socket = DatagramChannel.open();
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                    socket.connect(to);
                    sockets.add(socket);
                    onSocket = 0;
                }
                onSocket++;
                long ssrc = 0x40000000L + s;
                due.add(new Camera(ssrc, socket, start + gopNanos * s / settings.streams, (int) (ssrc * 7919)));
            }
        }

        @Override
        public void run() {
            ByteBuffer buf = ByteBuffer.allocateDirect(2048);
            try {
                while (!due.isEmpty()) {
                    Camera c = due.poll();
                    long wait = c.due - System.nanoTime();
                    while (wait > 50_000) {
                        LockSupport.parkNanos(wait - 20_000);
                        wait = c.due - System.nanoTime();
                    }
                    if (-wait > maxLateNanos) {
                        maxLateNanos = -wait;
                    }
                    if (-wait > 5_000_000) {
                        lateFrames++;
                    }
                    send(c, buf);
                    c.frame++;
                    if (c.frame < framesPerStream) {
                        c.due = c.start + c.frame * FRAME_NANOS;
                        due.add(c);
                    }
                }
            } catch (PortUnreachableException e) {
                // the receiver went away
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                for (DatagramChannel s : sockets) {
                    try {
                        s.close();
                    } catch (IOException e) {
                        // closing
                    }
                }
            }
        }

        private void send(Camera c, ByteBuffer buf) throws IOException {
            int frame = c.frame % template.frames();
            long loop = c.frame / template.frames();
            int ts = (int) (template.pts[frame] + loop * template.frames() * (90_000L / BenchmarkMedia.FPS));
            for (int p = template.firstPacket[frame]; p < template.firstPacket[frame + 1]; p++) {
                byte[] packet = template.packets.get(p);
                buf.clear();
                buf.put(packet);
                buf.putShort(2, (short) c.seq++);
                buf.putInt(4, ts);
                buf.putInt(8, (int) c.ssrc);
                buf.flip();
                c.socket.write(buf);
                packets++;
                bytes += packet.length;
            }
        }
    }

    private static final class Camera {
        final long ssrc;
        final DatagramChannel socket;
        final long start;
        int seq;
        int frame;
        long due;

        Camera(long ssrc, DatagramChannel socket, long start, int seq) {
            this.ssrc = ssrc;
            this.socket = socket;
            this.start = start;
            this.due = start;
            this.seq = seq & 0xFFFF;
        }
    }

    /** Kernel, socket and CPU counters at one moment. */
    private record Snapshot(long nanoTime, long socketDrops, long rcvbufErrors, long inErrors, long processCpu,
            Map<String, Long> threadCpu, long machineBusy, long machineIdle, long gcs, long gcMillis,
            long jitMillis) {

        static Snapshot take(int port) {
            Map<String, Long> udp = udpCounters();
            long[] machine = machineJiffies();
            long gcs = 0;
            long gcMillis = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                gcs += Math.max(0, gc.getCollectionCount());
                gcMillis += Math.max(0, gc.getCollectionTime());
            }
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            long jitMillis = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime()
                    : 0;
            return new Snapshot(System.nanoTime(), readSocketDrops(port), udp.getOrDefault("RcvbufErrors", 0L),
                    udp.getOrDefault("InErrors", 0L), readProcessCpu(), readThreadCpu(), machine[0], machine[1], gcs,
                    gcMillis, jitMillis);
        }

        /** The drops column of the socket bound to the port, from /proc/net/udp and udp6. */
        private static long readSocketDrops(int port) {
            String local = String.format(Locale.ROOT, ":%04X ", port);
            long drops = 0;
            for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
                try {
                    for (String line : Files.readAllLines(Path.of(table))) {
                        String[] f = line.trim().split("\\s+");
                        if (f.length > 2 && (f[1] + " ").endsWith(local)) {
                            drops += Long.parseLong(f[f.length - 1]);
                        }
                    }
                } catch (IOException | NumberFormatException e) {
                    // not Linux, or a format this does not know
                }
            }
            return drops;
        }

        private static Map<String, Long> udpCounters() {
            Map<String, Long> counters = new HashMap<>();
            try {
                List<String> lines = Files.readAllLines(Path.of("/proc/net/snmp")).stream()
                        .filter(l -> l.startsWith("Udp:")).toList();
                String[] names = lines.get(0).split("\\s+");
                String[] values = lines.get(1).split("\\s+");
                for (int i = 1; i < names.length && i < values.length; i++) {
                    counters.put(names[i], Long.parseLong(values[i]));
                }
            } catch (IOException | RuntimeException e) {
                // not Linux
            }
            return counters;
        }

        private static long[] machineJiffies() {
            String cpu = readFirstLine(Path.of("/proc/stat"));
            if (cpu == null) {
                return new long[2];
            }
            String[] f = cpu.trim().split("\\s+");
            long busy = 0;
            long idle = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                long v = Long.parseLong(f[i]);
                if (i == 4 || i == 5) {
                    idle += v; // idle, iowait
                } else {
                    busy += v;
                }
            }
            return new long[] {busy, idle};
        }

        private static long readProcessCpu() {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getProcessCpuTime();
            }
            return 0;
        }

        private static Map<String, Long> readThreadCpu() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            Map<String, Long> cpu = new HashMap<>();
            for (long id : mx.getAllThreadIds()) {
                ThreadInfo info = mx.getThreadInfo(id);
                long t = mx.getThreadCpuTime(id);
                if (info != null && t >= 0) {
                    cpu.put(info.getThreadName() + "#" + id, t);
                }
            }
            return cpu;
        }
    }

    private static String readFirstLine(Path file) {
        try {
            return Files.readAllLines(file).get(0).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
