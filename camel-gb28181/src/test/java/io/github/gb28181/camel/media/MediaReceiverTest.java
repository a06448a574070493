package io.github.gb28181.camel.media;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.media.MediaMode;
import io.github.gb28181.camel.media.NettyLeakDetection;
import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.MediaStreamType;
import io.github.gb28181.camel.media.receive.MediaEventLoops;
import io.github.gb28181.camel.media.receive.MediaReceiver;
import io.github.gb28181.camel.media.receive.MediaReceiverConfig;
import io.github.gb28181.camel.media.receive.MediaStatistics;
import io.github.gb28181.camel.test.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The receiver on real loopback sockets: every sample at once on one UDP port, TCP both ways, damage, garbage,
 * limits, and a restart on the same port.
 */
@ExtendWith(NettyLeakDetection.class)
class MediaReceiverTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final FrameCollector frames = new FrameCollector();
    private final List<MediaReceiver> receivers = new ArrayList<>();

    @AfterEach
    void stopReceivers() {
        receivers.forEach(MediaReceiver::stop);
        assertThat(frames.errors).isEmpty();
    }

    private MediaReceiver start(MediaReceiverConfig.Builder config) throws Exception {
        MediaReceiver receiver = new MediaReceiver(config.host("127.0.0.1").build(), frames);
        receivers.add(receiver);
        receiver.start();
        return receiver;
    }

    private static MediaReceiverConfig.Builder udp(MediaMode mode) {
        return MediaReceiverConfig.builder().mode(mode).streamIdleTimeoutMillis(400);
    }

    private static void sendAll(List<Runnable> senders) {
        CompletableFuture.allOf(senders.stream().map(CompletableFuture::runAsync).toArray(CompletableFuture[]::new))
                .join();
    }

    @Test
    void oneUdpPortCarriesEverySampleAtOnceInPsMode() throws Exception {
        // ten senders share two cores here: one may stall for longer than the 400 ms the other tests idle out after,
        // which would split its stream in two
        MediaReceiver receiver = start(udp(MediaMode.PS).streamIdleTimeoutMillis(3_000));
        List<MediaCase> cases = MediaCase.all().toList();
        List<Runnable> senders = new ArrayList<>();
        RtpSender.Flow flow = RtpSender.flow(receiver); // one window for all ten senders
        for (int i = 0; i < cases.size(); i++) {
            List<byte[]> packets = cases.get(i).rtp(1000 + i);
            senders.add(() -> RtpSender.udp(receiver.localAddress(), packets, flow));
        }
        sendAll(senders);

        for (int i = 0; i < cases.size(); i++) {
            MediaCase c = cases.get(i);
            long ssrc = 1000 + i;
            await(c.name()).atMost(WAIT).until(() -> frames.count(ssrc) >= c.psFrames());
            assertThat(frames.of(ssrc)).as(c.name()).hasSize(c.psFrames());
            assertThat(frames.concatenated(ssrc)).as(c.name()).isEqualTo(c.ps());
            assertThat(frames.of(ssrc)).allSatisfy(f -> {
                assertThat(f.source().getAddress()).isEqualTo(LOOPBACK);
                assertThat(f.packetsLost()).isZero();
            });
        }
        await().atMost(WAIT).until(() -> receiver.statistics().streamsActive() == 0);
        MediaStatistics stats = receiver.statistics();
        assertThat(stats.streamsOpened()).isEqualTo(cases.size());
        assertThat(stats.streamsExpired()).isEqualTo(cases.size());
        assertThat(stats.packetsLost()).isZero();
        assertThat(stats.framesDamaged()).isZero();
        assertThat(stats.packetsReceived()).isEqualTo(cases.stream().mapToLong(c -> c.chunks().size()).sum());
    }

    @Test
    void esModeGivesAccessUnitsAndAudioPerSsrc() throws Exception {
        MediaReceiver receiver = start(udp(MediaMode.ES));
        RtpSender.Flow receiverFlow = RtpSender.flow(receiver);
        MediaCase camera = MediaCase.camera(Samples.H264_AUD, false, true);
        MediaCase aac = MediaCase.file(Samples.H264_AAC_GST_PSM, "188x7", ps -> Packetizer.fixedSize(ps, 188 * 7));
        sendAll(List.of(() -> RtpSender.udp(receiver.localAddress(), camera.rtp(1), receiverFlow),
                () -> RtpSender.udp(receiver.localAddress(), aac.rtp(2), receiverFlow)));

        await().atMost(WAIT).until(() -> frames.count(1) >= camera.videoFrames() + camera.audioFrames()
                                         && frames.count(2) >= aac.videoFrames() + aac.audioFrames());
        assertThat(frames.video(1)).extracting(MediaFrame::payload).containsExactlyElementsOf(camera.accessUnits());
        assertThat(frames.of(1)).filteredOn(f -> f.streamType() == MediaStreamType.AUDIO).hasSize(75)
                .allSatisfy(f -> assertThat(f.codec()).isEqualTo(MediaCodec.G711A));
        assertThat(frames.video(2)).hasSize(aac.videoFrames());
        assertThat(frames.of(2)).filteredOn(f -> f.codec() == MediaCodec.AAC).hasSize(aac.audioFrames());
    }

    @Test
    void reorderedDuplicatedAndLossyUdp() throws Exception {
        // the latency must outlast a busy CI machine's scheduling hiccups, or late packets count as lost
        MediaReceiver receiver = start(udp(MediaMode.ES).reorderLatencyMillis(300));
        RtpSender.Flow receiverFlow = RtpSender.flow(receiver);
        MediaCase c = MediaCase.camera(Samples.H264_AUD, false, false);
        List<byte[]> packets = c.rtp(7);
        List<byte[]> lossy = Packetizer.lose(packets, 0.01, 3);
        long lost = packets.size() - lossy.size();
        sendAll(List.of(
                () -> RtpSender.udp(receiver.localAddress(), Packetizer.reorder(c.rtp(5), 8, 1), receiverFlow),
                () -> RtpSender.udp(receiver.localAddress(), Packetizer.duplicate(c.rtp(6), 0.05, 2), receiverFlow),
                () -> RtpSender.udp(receiver.localAddress(), Packetizer.reorder(lossy, 4, 3), receiverFlow)));

        await().atMost(WAIT).until(() -> receiver.statistics().streamsExpired() == 3);
        assertThat(frames.video(5)).as("reordered").hasSameSizeAs(c.accessUnits());
        assertThat(frames.video(6)).as("duplicated").hasSameSizeAs(c.accessUnits());
        assertThat(frames.video(5)).extracting(MediaFrame::payload).containsExactlyElementsOf(c.accessUnits());
        assertThat(frames.video(6)).extracting(MediaFrame::payload).containsExactlyElementsOf(c.accessUnits());
        Set<ByteBuffer> intact = new HashSet<>();
        c.accessUnits().forEach(au -> intact.add(ByteBuffer.wrap(au)));
        assertThat(frames.video(7)).isNotEmpty()
                .allSatisfy(f -> assertThat(intact).contains(ByteBuffer.wrap(f.payload())));
        MediaStatistics stats = receiver.statistics();
        assertThat(stats.packetsLost()).isEqualTo(lost);
        assertThat(stats.packetsDuplicate()).isPositive();
        assertThat(stats.framesDamaged()).isPositive();
    }

    @Test
    void garbageIsDroppedAndCountedAndTheStreamGoesOn() throws Exception {
        MediaReceiver receiver = start(udp(MediaMode.PS));
        RtpSender.Flow receiverFlow = RtpSender.flow(receiver);
        Random random = new Random(5);
        List<byte[]> junk = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[1 + random.nextInt(1500)];
            random.nextBytes(b);
            b[0] = (byte) (i % 2 == 0 ? 0x40 : 0x00); // not version 2
            junk.add(b);
        }
        junk.add(new byte[] {(byte) 0x80, (byte) 200, 0, 6, 0, 0, 0, 1}); // RTCP sender report
        junk.add(new byte[] {(byte) 0x80, 96, 0, 1}); // truncated header
        junk.add(new byte[] {(byte) 0x8F, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 9}); // 15 CSRCs claimed, none there
        byte[] garbagePayload = new byte[1400];
        random.nextBytes(garbagePayload);
        for (int seq = 0; seq < 100; seq++) {
            junk.add(Packetizer.rtp(garbagePayload, seq, 0, 99, false)); // valid RTP, garbage PS
        }
        MediaCase c = MediaCase.file(Samples.H264_GST_PSM, "packs", ps -> Packetizer.alignedToPacks(ps, 1400));
        RtpSender.udp(receiver.localAddress(), junk, receiverFlow);
        RtpSender.udp(receiver.localAddress(), c.rtp(1), receiverFlow);

        await().atMost(WAIT).until(() -> frames.count(1) >= c.psFrames());
        assertThat(frames.concatenated(1)).isEqualTo(c.ps());
        assertThat(frames.of(99)).isEmpty();
        MediaStatistics stats = receiver.statistics();
        assertThat(stats.packetsInvalid()).isEqualTo(202);
        assertThat(stats.packetsRtcp()).isEqualTo(1);
    }

    @Test
    void ssrcFilterAndStreamLimit() throws Exception {
        MediaReceiver filtered = start(udp(MediaMode.PS).ssrcs(Set.of(11L, 12L)));
        RtpSender.Flow filteredFlow = RtpSender.flow(filtered);
        // streams 21 and 22 stay open, so the third one finds the limit reached
        MediaReceiver limited = start(udp(MediaMode.PS).maxStreams(2).streamIdleTimeoutMillis(60_000));
        RtpSender.Flow limitedFlow = RtpSender.flow(limited);
        MediaCase c = MediaCase.camera(Samples.H265_AUD, false, false);
        sendAll(List.of(
                () -> RtpSender.udp(filtered.localAddress(), c.rtp(11), filteredFlow),
                () -> RtpSender.udp(filtered.localAddress(), c.rtp(13), filteredFlow),
                () -> RtpSender.udp(limited.localAddress(), c.rtp(21), limitedFlow),
                () -> RtpSender.udp(limited.localAddress(), c.rtp(22), limitedFlow)));
        // the last frame of 21 and 22 waits for the stream to end, which it does not here
        await().atMost(WAIT).until(() -> frames.count(11) == c.psFrames() && frames.count(21) == c.psFrames() - 1
                                         && frames.count(22) == c.psFrames() - 1);
        RtpSender.udp(limited.localAddress(), c.rtp(23).subList(0, 10), limitedFlow);
        await().atMost(WAIT).until(() -> limited.statistics().packetsRejected() == 10);

        assertThat(frames.of(13)).isEmpty();
        assertThat(frames.of(23)).isEmpty();
        assertThat(filtered.statistics().packetsFiltered()).isEqualTo(c.chunks().size());
        assertThat(frames.of(11)).allSatisfy(f -> assertThat(f.codec()).isEqualTo(MediaCodec.H265));
    }

    @Test
    void tcpPassiveDeliversTheLastFrameWhenTheDeviceHangsUp() throws Exception {
        MediaReceiver receiver = start(MediaReceiverConfig.builder().transport(MediaTransport.TCP_PASSIVE)
                .mode(MediaMode.ES).streamIdleTimeoutMillis(60_000));
        MediaCase camera = MediaCase.camera(Samples.H264_AUD, true, false);
        MediaCase ffmpeg = MediaCase.file(Samples.H265_FFMPEG_E0, "packs", ps -> Packetizer.alignedToPacks(ps, 1400));
        sendAll(List.of(() -> RtpSender.tcp(receiver.localAddress(), camera.rtp(31)),
                () -> RtpSender.tcp(receiver.localAddress(), ffmpeg.rtp(32))));

        // well before the 60 s idle timeout: the closed connection ended the streams
        await().atMost(WAIT).until(() -> frames.count(31) == camera.videoFrames()
                                         && frames.count(32) == ffmpeg.videoFrames());
        assertThat(frames.video(31)).extracting(MediaFrame::payload).containsExactlyElementsOf(camera.accessUnits());
        assertThat(frames.video(32)).allSatisfy(f -> assertThat(f.codec()).isEqualTo(MediaCodec.H265));
        assertThat(receiver.statistics().packetsLost()).isZero();
    }

    @Test
    void tcpActiveConnectsToTheDeviceAndReconnects() throws Exception {
        try (ServerSocket device = new ServerSocket(0, 1, LOOPBACK)) {
            MediaCase c = MediaCase.camera(Samples.H264_AUD, false, true);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> RtpSender.tcpAccepting(device, c.rtp(41)));
            start(MediaReceiverConfig.builder().transport(MediaTransport.TCP_ACTIVE).host("127.0.0.1")
                    .remoteHost("127.0.0.1").remotePort(device.getLocalPort()).reconnectDelayMillis(50)
                    .mode(MediaMode.PS));
            first.get(20, TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> frames.count(41) == c.psFrames());

            // the device hung up; the platform connects again and the next session flows
            RtpSender.tcpAccepting(device, c.rtp(42));
            await().atMost(WAIT).until(() -> frames.count(42) == c.psFrames());
            assertThat(frames.concatenated(41)).isEqualTo(c.ps());
            assertThat(frames.concatenated(42)).isEqualTo(c.ps());
        }
    }

    @Test
    void stopFreesThePortAndStartWorksAgain() throws Exception {
        int port = FreePorts.udpAndTcp();
        MediaCase c = MediaCase.camera(Samples.H265_AUD, false, false);
        for (MediaTransport transport : List.of(MediaTransport.UDP, MediaTransport.TCP_PASSIVE)) {
            MediaReceiver receiver = new MediaReceiver(MediaReceiverConfig.builder().transport(transport)
                    .host("127.0.0.1").port(port).streamIdleTimeoutMillis(300).build(), frames);
            receivers.add(receiver);
            for (int round = 0; round < 2; round++) {
                long ssrc = 50 + round + (transport == MediaTransport.UDP ? 0 : 10);
                receiver.start();
                RtpSender.Flow receiverFlow = RtpSender.flow(receiver);
                assertThat(receiver.localAddress().getPort()).isEqualTo(port);
                if (transport == MediaTransport.UDP) {
                    RtpSender.udp(receiver.localAddress(), c.rtp(ssrc), receiverFlow);
                } else {
                    RtpSender.tcp(receiver.localAddress(), c.rtp(ssrc));
                }
                await().atMost(WAIT).until(() -> frames.count(ssrc) == c.psFrames());
                receiver.stop();
                assertThat(transport == MediaTransport.UDP ? FreePorts.udpFree(port) : FreePorts.tcpFree(port))
                        .as("%s port free after stop", transport).isTrue();
            }
        }
    }

    @Test
    void aStopReleasesThePortBeforeItReturns() throws Exception {
        // a JDK socket closes for real only when its selector next runs, after close() has returned; with threads
        // shared as the Camel component shares them, nothing else makes that happen before the next bind
        int port = FreePorts.udpAndTcp();
        try (MediaEventLoops shared = MediaEventLoops.create(1, 1)) {
            for (MediaTransport transport : List.of(MediaTransport.UDP, MediaTransport.TCP_PASSIVE)) {
                MediaReceiver receiver = new MediaReceiver(MediaReceiverConfig.builder().transport(transport)
                        .host("127.0.0.1").port(port).build(), shared, frames);
                for (int i = 0; i < 100; i++) {
                    receiver.start();
                    receiver.stop();
                }
            }
        }
    }

    @Test
    void aSlowListenerCannotExhaustMemory() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<MediaFrame> seen = new ArrayList<>();
        MediaReceiver receiver = new MediaReceiver(udp(MediaMode.PS).host("127.0.0.1").maxPendingBytes(64 * 1024)
                .build(), frame -> {
                    synchronized (seen) {
                        seen.add(frame);
                    }
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        receivers.add(receiver);
        receiver.start();
        RtpSender.Flow receiverFlow = RtpSender.flow(receiver);
        MediaCase c = MediaCase.file(Samples.H264_FFMPEG_E2, "packs", ps -> Packetizer.alignedToPacks(ps, 1400));
        RtpSender.udp(receiver.localAddress(), c.rtp(61), receiverFlow);
        await().atMost(WAIT).until(() -> receiver.statistics().packetsOverloaded() > 0);
        release.countDown();
        await().atMost(WAIT).until(() -> receiver.statistics().streamsActive() == 0);
        MediaStatistics stats = receiver.statistics();
        assertThat(stats.packetsOverloaded()).isLessThan(c.chunks().size());
        assertThat(stats.framesDelivered()).isPositive();
    }
}
