package io.github.gb28181.camel.fuzz;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.github.gb28181.camel.media.InMemory;
import io.github.gb28181.camel.media.MediaCase;
import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.MediaFrameListener;
import io.github.gb28181.camel.media.MediaMode;
import io.github.gb28181.camel.media.NettyLeakDetection;
import io.github.gb28181.camel.media.Packetizer;
import io.github.gb28181.camel.media.RtpSender;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.media.receive.MediaReceiver;
import io.github.gb28181.camel.media.receive.MediaReceiverConfig;
import io.github.gb28181.camel.media.receive.MediaStatistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Damaged RTP over loopback UDP into a running receiver, and damaged program streams through the demuxer and both
 * framers in memory. After every batch a valid stream still comes out frame for frame; no buffer leaks (Netty leak
 * detection is PARANOID), the heap stays bounded.
 */
@ExtendWith(NettyLeakDetection.class)
class MediaFuzzTest {

    private static final long SEED = 0x7274702L;
    private static final int BATCHES = 10;
    private static final int PER_BATCH = 1000;
    private static final long FUZZ_SSRC = 0xF0F00000L;
    private static final long VALID_SSRC = 0x7A000000L;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Frames frames = new Frames();
    private MediaReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop();
        }
    }

    @Test
    void mutatedRtpOverUdpLeavesValidStreamsWhole() throws Exception {
        Heap heap = Heap.measure("rtp-udp");
        FuzzReport report = new FuzzReport("rtp-udp");
        receiver = new MediaReceiver(MediaReceiverConfig.builder().host("127.0.0.1").mode(MediaMode.PS)
                .streamIdleTimeoutMillis(300).build(), frames);
        receiver.start();
        RtpSender.Flow flow = RtpSender.flow(receiver);
        List<MediaCase> cases = MediaCase.all().toList();
        List<byte[]> pool = new ArrayList<>();
        cases.forEach(c -> pool.addAll(c.rtp(FUZZ_SSRC)));
        MediaMutator mutator = new MediaMutator(SEED, pool);
        MediaStatistics before = receiver.statistics();

        for (int batch = 0; batch < BATCHES; batch++) {
            List<byte[]> datagrams = new ArrayList<>();
            int mutated = 0;
            while (mutated < PER_BATCH) {
                // a run of one stream, a fraction of it damaged, so damage meets parser state, not just a fresh start
                List<byte[]> run = cases.get(mutator.random().nextInt(cases.size()))
                        .rtp(FUZZ_SSRC + mutator.random().nextInt(8));
                int from = mutator.random().nextInt(run.size());
                int to = Math.min(run.size(), from + 1 + mutator.random().nextInt(200));
                double damage = mutator.random().nextDouble();
                for (byte[] packet : run.subList(from, to)) {
                    if (mutated < PER_BATCH && mutator.random().nextDouble() < damage) {
                        datagrams.add(mutator.rtp(packet));
                        mutated++;
                        report.input();
                    } else {
                        datagrams.add(packet);
                    }
                }
            }
            RtpSender.udp(receiver.localAddress(), datagrams, flow);
            // every damaged stream has ended, so the valid one below does not meet the stream limit
            await().atMost(WAIT).until(() -> receiver.statistics().streamsActive() == 0);

            MediaCase valid = cases.get(batch % cases.size());
            long ssrc = VALID_SSRC + batch;
            RtpSender.udp(receiver.localAddress(), valid.rtp(ssrc), flow);
            await(valid.name()).atMost(WAIT).until(() -> frames.count(ssrc) >= valid.psFrames()
                                                         && receiver.statistics().streamsActive() == 0);
            assertThat(frames.count(ssrc)).as("%s after batch %d", valid.name(), batch).isEqualTo(valid.psFrames());
            assertThat(frames.concatenated(ssrc)).as("%s after batch %d", valid.name(), batch).isEqualTo(valid.ps());
        }

        MediaStatistics after = receiver.statistics();
        report.accept(frames.fuzzFrames.get());
        report.reject("invalid", after.packetsInvalid() - before.packetsInvalid());
        report.reject("rtcp", after.packetsRtcp() - before.packetsRtcp());
        report.reject("lost", after.packetsLost() - before.packetsLost());
        report.reject("damaged frames", after.framesDamaged() - before.framesDamaged());
        report.reject("oversized frames", after.framesOversized() - before.framesOversized());
        report.reject("ps corruptions", after.corruptions() - before.corruptions());
        report.print();
        assertThat(frames.errors).isEmpty();
        assertThat(report.inputs()).isGreaterThanOrEqualTo((long) BATCHES * PER_BATCH);
        assertThat(report.rejected("invalid")).isPositive();
        assertThat(report.rejected("ps corruptions")).isPositive();
        receiver.stop();
        receiver = null;
        frames.clear();
        heap.assertBounded();
    }

    /**
     * RFC 4571 over TCP: damaged packets behind two-byte lengths that may lie too (zero, short, long, the maximum), a
     * connection each few hundred; then a valid stream on a fresh connection comes out whole.
     */
    @Test
    void mutatedRtpOverTcpWithLyingFrameLengths() throws Exception {
        FuzzReport report = new FuzzReport("rtp-tcp");
        receiver = new MediaReceiver(MediaReceiverConfig.builder().host("127.0.0.1").mode(MediaMode.PS)
                .transport(io.github.gb28181.camel.media.MediaTransport.TCP_PASSIVE).streamIdleTimeoutMillis(300)
                .build(), frames);
        receiver.start();
        List<MediaCase> cases = MediaCase.all().toList();
        List<byte[]> pool = new ArrayList<>();
        cases.forEach(c -> pool.addAll(c.rtp(FUZZ_SSRC)));
        MediaMutator mutator = new MediaMutator(SEED + 2, pool);
        MediaStatistics before = receiver.statistics();
        for (int batch = 0; batch < 4; batch++) {
            for (int connection = 0; connection < 10; connection++) {
                java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
                for (int i = 0; i < 50; i++) {
                    byte[] packet = mutator.rtp(pool.get(mutator.random().nextInt(pool.size())));
                    int[] lies = {packet.length, packet.length, packet.length, 0, 1, 0xFFFF,
                                  Math.max(0, packet.length - 1 - mutator.random().nextInt(12)),
                                  Math.min(0xFFFF, packet.length + 1 + mutator.random().nextInt(64))};
                    int length = lies[mutator.random().nextInt(lies.length)];
                    stream.write(length >> 8);
                    stream.write(length);
                    stream.writeBytes(packet);
                    report.input();
                }
                try (java.net.Socket socket = new java.net.Socket(receiver.localAddress().getAddress(),
                        receiver.localAddress().getPort())) {
                    socket.getOutputStream().write(stream.toByteArray());
                } catch (java.io.IOException e) {
                    report.reject("connection reset"); // the receiver gave up on a stream it could not frame
                }
            }
            await().atMost(WAIT).until(() -> receiver.statistics().streamsActive() == 0);
            MediaCase valid = cases.get(batch * 3 % cases.size());
            long ssrc = VALID_SSRC + batch;
            RtpSender.tcp(receiver.localAddress(), valid.rtp(ssrc));
            await(valid.name()).atMost(WAIT).until(() -> frames.count(ssrc) >= valid.psFrames()
                                                         && receiver.statistics().streamsActive() == 0);
            assertThat(frames.count(ssrc)).as("%s after batch %d", valid.name(), batch).isEqualTo(valid.psFrames());
            assertThat(frames.concatenated(ssrc)).as("%s after batch %d", valid.name(), batch).isEqualTo(valid.ps());
        }
        MediaStatistics after = receiver.statistics();
        report.accept(frames.fuzzFrames.get());
        report.reject("invalid", after.packetsInvalid() - before.packetsInvalid());
        report.reject("ps corruptions", after.corruptions() - before.corruptions());
        report.print();
        assertThat(frames.errors).isEmpty();
        assertThat(report.rejected("invalid")).isPositive();
    }

    @Test
    void mutatedProgramStreamsThroughDemuxerAndFramers() {
        Heap heap = Heap.measure("ps");
        FuzzReport report = new FuzzReport("ps");
        List<byte[]> samples = List.of(Samples.bytes(Samples.H264_FFMPEG_E2), Samples.bytes(Samples.H264_FFMPEG_MPEG1),
                Samples.bytes(Samples.H265_FFMPEG_E0), Samples.bytes(Samples.H264_GST_PSM),
                Samples.bytes(Samples.H264_AAC_GST_PSM));
        List<byte[]> pool = new ArrayList<>();
        samples.forEach(s -> pool.add(java.util.Arrays.copyOf(s, 4096)));
        MediaMutator mutator = new MediaMutator(SEED + 1, pool);
        int maxFrameSize = 256 * 1024;
        MediaReceiverConfig ps = MediaReceiverConfig.builder().mode(MediaMode.PS).maxFrameSize(maxFrameSize).build();
        MediaReceiverConfig es = MediaReceiverConfig.builder().mode(MediaMode.ES).maxFrameSize(maxFrameSize).build();
        List<String> failures = new ArrayList<>();
        try (Bounded bounded = new Bounded(Duration.ofSeconds(20))) {
            for (int i = 0; i < BATCHES * PER_BATCH; i++) {
                byte[] sample = samples.get(mutator.random().nextInt(samples.size()));
                int from = mutator.random().nextInt(sample.length);
                if (mutator.random().nextBoolean()) {
                    from = packStart(sample, from); // whole packs, or joined in the middle
                }
                int length = Math.min(sample.length - from, 1024 + mutator.random().nextInt(16 * 1024));
                byte[] input = mutator.ps(java.util.Arrays.copyOfRange(sample, from, from + length));
                List<Packetizer.Chunk> chunks = mutator.random().nextBoolean() ? Packetizer.fixedSize(input, 188 * 7)
                        : Packetizer.alignedToPacks(input, 1400);
                List<byte[]> rtp = Packetizer.rtp(chunks, 1, mutator.random().nextInt(0x10000));
                MediaReceiverConfig config = i % 2 == 0 ? ps : es;
                report.input();
                int index = i;
                Bounded.Outcome<List<MediaFrame>> outcome = bounded.call(() -> InMemory.run(rtp, config));
                if (outcome.hung()) {
                    failures.add("input " + index + " hung");
                } else if (outcome.thrown() != null) {
                    failures.add("input " + index + ": " + outcome.thrown());
                } else if (outcome.value().isEmpty()) {
                    report.reject("no frame");
                } else {
                    for (MediaFrame f : outcome.value()) {
                        if (f.payload().length > maxFrameSize) {
                            failures.add("input " + index + " made a frame of " + f.payload().length + " bytes");
                        }
                    }
                    report.accept();
                }
            }
        }
        report.print();
        assertThat(failures).as("program streams (seed %x) that broke the pipeline", SEED + 1).isEmpty();
        assertThat(report.accepted()).isPositive();
        heap.assertBounded();
    }

    private static int packStart(byte[] ps, int from) {
        for (int i = from; i + 3 < ps.length; i++) {
            if (ps[i] == 0 && ps[i + 1] == 0 && ps[i + 2] == 1 && (ps[i + 3] & 0xFF) == 0xBA) {
                return i;
            }
        }
        return from;
    }

    /** Frames of the valid streams kept whole; the damaged streams' only counted. */
    private static final class Frames implements MediaFrameListener {
        private final Map<Long, List<byte[]>> valid = new ConcurrentHashMap<>();
        private final AtomicLong fuzzFrames = new AtomicLong();
        private final List<Throwable> errors = new CopyOnWriteArrayList<>();

        @Override
        public void onFrame(MediaFrame frame) {
            if (frame.ssrc() >= VALID_SSRC && frame.ssrc() < VALID_SSRC + BATCHES) {
                valid.computeIfAbsent(frame.ssrc(), s -> new CopyOnWriteArrayList<>()).add(frame.payload());
            } else {
                fuzzFrames.incrementAndGet();
            }
        }

        @Override
        public void onError(String message, Throwable cause) {
            errors.add(cause != null ? cause : new IllegalStateException(message));
        }

        int count(long ssrc) {
            return valid.getOrDefault(ssrc, List.of()).size();
        }

        byte[] concatenated(long ssrc) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            valid.getOrDefault(ssrc, List.of()).forEach(out::writeBytes);
            return out.toByteArray();
        }

        void clear() {
            valid.clear();
        }
    }
}
