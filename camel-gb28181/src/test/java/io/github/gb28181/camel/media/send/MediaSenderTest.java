package io.github.gb28181.camel.media.send;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.gb28181.camel.media.CameraPsMuxer;
import io.github.gb28181.camel.media.FrameCollector;
import io.github.gb28181.camel.media.InMemory;
import io.github.gb28181.camel.media.MediaFrame;
import io.github.gb28181.camel.media.MediaMode;
import io.github.gb28181.camel.media.MediaTransport;
import io.github.gb28181.camel.media.NettyLeakDetection;
import io.github.gb28181.camel.media.Packetizer;
import io.github.gb28181.camel.media.Samples;
import io.github.gb28181.camel.media.codec.MediaCodec;
import io.github.gb28181.camel.media.codec.MediaStreamType;
import io.github.gb28181.camel.media.codec.NalUnits;
import io.github.gb28181.camel.media.receive.MediaReceiver;
import io.github.gb28181.camel.media.receive.MediaReceiverConfig;
import io.github.gb28181.camel.media.rtp.RtpPacket;
import io.github.gb28181.camel.media.rtp.RtpParser;
import io.github.gb28181.camel.test.FreePorts;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.nio.NioEventLoopGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The sender on real loopback sockets: to our own receiver over all three transports (the access units come back
 * byte for byte), to a bare TCP peer that reads the packets itself (sequence numbers across a reconnect, markers,
 * time stamps, RFC 4571 lengths, key-frame waits), a peer that stops reading, and ports freed on stop.
 */
@ExtendWith(NettyLeakDetection.class)
class MediaSenderTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final NioEventLoopGroup GROUP = new NioEventLoopGroup(1);
    private static final long SSRC = 100000001L;

    private final FrameCollector frames = new FrameCollector();
    private final List<AutoCloseable> open = new ArrayList<>();

    /** An access unit or audio frame with its time, as a route would hand it over. */
    record Frame(MediaCodec codec, byte[] data, long pts, boolean key) {
        OutgoingFrame outgoing() {
            return new OutgoingFrame(MediaMode.ES, codec, data, pts, MediaFrame.NO_TIMESTAMP, key,
                    MediaFrame.NO_TIMESTAMP, MediaSenderConfig.FRAME_SSRC);
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        assertThat(frames.errors()).isEmpty();
    }

    @AfterAll
    static void stopLoops() {
        GROUP.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @ParameterizedTest
    @EnumSource(MediaTransport.class)
    void ourReceiverGetsBackEveryAccessUnitAndAudioFrameByteForByte(MediaTransport transport) throws Exception {
        List<Frame> source = h264WithG711();
        MediaReceiver receiver;
        MediaSender sender;
        if (transport == MediaTransport.TCP_PASSIVE) {
            // we listen, the peer (our receiver in tcp-active mode) connects
            sender = sender(MediaSenderConfig.builder().transport(transport).host("127.0.0.1").ssrc(SSRC));
            receiver = receiver(MediaReceiverConfig.builder().transport(MediaTransport.TCP_ACTIVE)
                    .remoteHost("127.0.0.1").remotePort(sender.localAddress().getPort()).reconnectDelayMillis(50));
        } else {
            MediaTransport listening = transport == MediaTransport.UDP ? MediaTransport.UDP
                    : MediaTransport.TCP_PASSIVE;
            receiver = receiver(MediaReceiverConfig.builder().transport(listening).port(0));
            sender = sender(MediaSenderConfig.builder().transport(transport).host("127.0.0.1").ssrc(SSRC)
                    .remoteHost("127.0.0.1").remotePort(receiver.localAddress().getPort()));
        }
        await().atMost(WAIT).until(sender::connected);

        for (Frame f : source) {
            assertThat(sender.send(f.outgoing())).isTrue();
            keepWithin(receiver, sender);
        }

        await().atMost(WAIT).until(() -> frames.count(SSRC) >= source.size());
        for (MediaStreamType type : MediaStreamType.values()) {
            List<byte[]> sent = source.stream().filter(f -> f.codec().type() == type).map(Frame::data).toList();
            List<MediaFrame> got = frames.of(SSRC).stream().filter(f -> f.streamType() == type).toList();
            assertThat(got).as(type.name()).hasSameSizeAs(sent);
            for (int i = 0; i < sent.size(); i++) {
                assertThat(Arrays.equals(got.get(i).payload(), sent.get(i))).as("%s %d", type, i).isTrue();
            }
        }
        assertThat(frames.video(SSRC)).filteredOn(MediaFrame::keyFrame).hasSize(Samples.keyFrames(Samples.H264_AUD));
        assertThat(frames.of(SSRC)).filteredOn(f -> f.codec() == MediaCodec.G711A).isNotEmpty();
        assertThat(frames.of(SSRC)).allSatisfy(f -> assertThat(f.packetsLost()).isZero());
        SenderStatistics stats = sender.statistics();
        assertThat(stats.framesSent()).isEqualTo(source.size());
        assertThat(stats.framesDropped()).isZero();
        assertThat(stats.connections()).isEqualTo(1);
        assertThat(receiver.statistics().packetsReceived()).isEqualTo(stats.packetsSent());
    }

    @Test
    void sequenceNumbersRunOnAcrossAReconnectAndVideoStartsAgainAtAKeyFrame() throws Exception {
        List<Frame> video = annexB();
        int port = FreePorts.udpAndTcp();
        MediaSender sender;
        List<RtpPacket> first;
        try (ServerSocket peer = listen(port)) {
            sender = sender(MediaSenderConfig.builder().transport(MediaTransport.TCP_ACTIVE).host("127.0.0.1")
                    .remoteHost("127.0.0.1").remotePort(port).ssrc(SSRC).reconnectDelayMillis(50));
            Socket connection = peer.accept();
            open.add(connection);
            await().atMost(WAIT).until(sender::connected);
            assertThat(sender.send(video.get(1).outgoing())).as("video waits for a key frame").isFalse();
            for (Frame f : video.subList(0, 10)) {
                assertThat(sender.send(f.outgoing())).isTrue();
            }
            first = read(connection, (int) sender.statistics().packetsSent());
            connection.close();
        }
        // the peer is gone, its port closed: the sender keeps trying, and drops what it is given meanwhile
        await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> !sender.connected());
        assertThat(sender.send(video.get(10).outgoing())).as("no connection").isFalse();

        List<RtpPacket> second;
        try (ServerSocket peer = listen(port); Socket connection = peer.accept()) {
            await().atMost(WAIT).until(sender::connected);
            long before = sender.statistics().packetsSent();
            for (Frame f : video.subList(11, 50)) {
                assertThat(sender.send(f.outgoing())).as("frame %d", video.indexOf(f)).isEqualTo(
                        video.indexOf(f) >= 25);
            }
            second = read(connection, (int) (sender.statistics().packetsSent() - before));
        }

        assertThat(second.get(0).sequence()).as("the sequence runs on")
                .isEqualTo(first.get(first.size() - 1).sequence() + 1 & 0xFFFF);
        assertThat(sender.statistics().framesDropped()).isEqualTo(1 + 1 + 14);
        assertThat(sender.statistics().connections()).isEqualTo(2);
        assertFrames(first, video.subList(0, 10));
        assertFrames(second, video.subList(25, 50));
    }

    /** A peer listening on a port, again after it closed it. */
    private static ServerSocket listen(int port) throws IOException {
        ServerSocket peer = new ServerSocket();
        peer.setReuseAddress(true);
        peer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4);
        peer.setSoTimeout((int) WAIT.toMillis());
        return peer;
    }

    @Test
    void aPeerThatStopsReadingCostsDroppedFramesNotMemory() throws Exception {
        List<Frame> video = annexB();
        try (ServerSocket peer = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            peer.setSoTimeout((int) WAIT.toMillis());
            MediaSender sender = sender(MediaSenderConfig.builder().transport(MediaTransport.TCP_ACTIVE)
                    .remoteHost("127.0.0.1").remotePort(peer.getLocalPort()).ssrc(SSRC).maxQueuedBytes(64 * 1024));
            try (Socket connection = peer.accept()) {
                await().atMost(WAIT).until(sender::connected);
                Frame key = video.get(0);
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (sender.statistics().framesDropped() == 0 && System.nanoTime() < deadline) {
                    sender.send(key.outgoing());
                }
                assertThat(sender.statistics().framesDropped()).isPositive();
                assertThat(sender.statistics().bytesSent()).as("what went into the socket before the drops")
                        .isLessThan(64L * 1024 * 1024);
                // the peer reads again: the stream resumes, at a key frame
                InputStream in = connection.getInputStream();
                long queued = sender.statistics().bytesSent();
                in.readNBytes((int) queued);
                await().atMost(WAIT).until(() -> {
                    assertThat(sender.send(video.get(1).outgoing())).as("not before a key frame").isFalse();
                    return sender.send(key.outgoing());
                });
                assertThat(sender.send(video.get(1).outgoing())).isTrue();
            }
        }
    }

    @Test
    void stoppingFreesTheListeningAndTheSendingPorts() throws Exception {
        int port = FreePorts.udpAndTcp();
        for (MediaTransport transport : List.of(MediaTransport.UDP, MediaTransport.TCP_PASSIVE)) {
            for (int round = 0; round < 2; round++) {
                MediaSender sender = new MediaSender(MediaSenderConfig.builder().transport(transport)
                        .host("127.0.0.1").port(port).remoteHost("127.0.0.1").remotePort(9).ssrc(SSRC).build(),
                        GROUP);
                sender.start();
                assertThat(sender.localAddress().getPort()).isEqualTo(port);
                if (transport == MediaTransport.UDP) {
                    assertThat(sender.connected()).as("a UDP sender can send once started").isTrue();
                }
                sender.stop();
                assertThat(transport == MediaTransport.UDP ? FreePorts.udpFree(port) : FreePorts.tcpFree(port))
                        .as("%s round %d", transport, round).isTrue();
            }
        }
    }

    @Test
    void framesThatCanNeverGoAreRefused() throws Exception {
        MediaSender sender = sender(MediaSenderConfig.builder().remoteHost("127.0.0.1").remotePort(9));
        OutgoingFrame noSsrc = annexB().get(0).outgoing();
        assertThatThrownBy(() -> sender.send(noSsrc)).hasMessageContaining("SSRC");
        assertThatThrownBy(() -> sender.send(new OutgoingFrame(MediaMode.ES, MediaCodec.UNKNOWN, new byte[10], 0, -1,
                true, -1, 5))).hasMessageContaining("UNKNOWN");
        assertThatThrownBy(() -> MediaSenderConfig.builder().transport(MediaTransport.TCP_ACTIVE).build())
                .hasMessageContaining("remoteHost");
    }

    @Test
    void sessionsOpenAtOnceAndCloseByTheirId() throws Exception {
        try (MediaSenders sessions = new MediaSenders(GROUP)) {
            MediaSender passive = sessions.open(new OutgoingSession("call-1", MediaTransport.TCP_PASSIVE, "127.0.0.1",
                    0, null, 0, SSRC, 96));
            int port = passive.localAddress().getPort();
            try (Socket upper = new Socket(InetAddress.getLoopbackAddress(), port)) {
                await().atMost(WAIT).until(passive::connected);
                assertThat(sessions.find("call-1")).isSameAs(passive);
                MediaSender replaced = sessions.open(new OutgoingSession("call-1", MediaTransport.UDP, "127.0.0.1", 0,
                        "127.0.0.1", 9, SSRC, 96));
                assertThat(sessions.find("call-1")).isSameAs(replaced);
                assertThat(FreePorts.tcpFree(port)).as("the replaced sender let go of its port").isTrue();
            }
            assertThat(sessions.close("call-1")).isTrue();
            assertThat(sessions.close("call-1")).isFalse();
            assertThat(sessions.find("call-1")).isNull();
            assertThat(sessions.sessionIds()).isEmpty();
        }
    }

    /** Checks the packets of frames against the frames: marker on each frame's last, its PTS as time stamp. */
    private static void assertFrames(List<RtpPacket> packets, List<Frame> sent) {
        List<List<RtpPacket>> perFrame = new ArrayList<>();
        List<RtpPacket> current = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++) {
            RtpPacket p = packets.get(i);
            if (i > 0) {
                assertThat(p.sequence()).isEqualTo(packets.get(i - 1).sequence() + 1 & 0xFFFF);
            }
            assertThat(p.ssrc()).isEqualTo(SSRC);
            assertThat(p.payloadType()).isEqualTo(96);
            assertThat(p.payload().length).isBetween(1, 1400);
            current.add(p);
            if (p.marker()) {
                perFrame.add(current);
                current = new ArrayList<>();
            }
        }
        assertThat(current).as("every frame ends with a marker").isEmpty();
        assertThat(perFrame).hasSameSizeAs(sent);
        List<byte[]> datagrams = new ArrayList<>();
        for (int k = 0; k < sent.size(); k++) {
            long pts = sent.get(k).pts();
            assertThat(perFrame.get(k)).as("frame %d", k).allMatch(p -> p.timestamp() == pts);
            perFrame.get(k).forEach(p -> datagrams.add(Packetizer.rtp(p.payload(), p.sequence(), p.timestamp(),
                    p.ssrc(), p.marker())));
        }
        List<MediaFrame> back = InMemory.run(datagrams, InMemory.config(MediaMode.ES));
        assertThat(back).hasSameSizeAs(sent);
        for (int k = 0; k < sent.size(); k++) {
            assertThat(Arrays.equals(back.get(k).payload(), sent.get(k).data())).as("access unit %d", k).isTrue();
        }
    }

    /** Reads {@code count} RFC 4571 framed packets. */
    private static List<RtpPacket> read(Socket connection, int count) throws IOException {
        DataInputStream in = new DataInputStream(connection.getInputStream());
        List<RtpPacket> packets = new ArrayList<>();
        while (packets.size() < count) {
            byte[] packet = new byte[in.readUnsignedShort()];
            in.readFully(packet);
            ByteBuf buf = Unpooled.wrappedBuffer(packet);
            packets.add(RtpParser.parse(buf, null, 0));
            buf.release();
        }
        return packets;
    }

    /**
     * Keeps the sender at most a few dozen packets ahead of what the receiver read: UDP has no flow control, and a
     * busy machine's socket buffer would drop what the test never meant to lose.
     */
    private static void keepWithin(MediaReceiver receiver, MediaSender sender) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sender.statistics().packetsSent() - receiver.statistics().packetsReceived() > 64
               && System.nanoTime() < deadline) {
            LockSupport.parkNanos(100_000);
        }
    }

    private MediaSender sender(MediaSenderConfig.Builder config) throws Exception {
        MediaSender sender = new MediaSender(config.build(), GROUP);
        open.add(sender);
        sender.start();
        return sender;
    }

    private MediaReceiver receiver(MediaReceiverConfig.Builder config) throws Exception {
        // the last access unit ends when the stream goes quiet
        MediaReceiver receiver = new MediaReceiver(config.host("127.0.0.1").mode(MediaMode.ES)
                .streamIdleTimeoutMillis(300).build(), frames);
        open.add(receiver);
        receiver.start();
        return receiver;
    }

    /** The H.264 sample's access units, 25 fps. */
    static List<Frame> annexB() {
        List<Frame> frames = new ArrayList<>();
        long pts = 90_000;
        for (byte[] au : CameraPsMuxer.accessUnits(Samples.bytes(Samples.H264_AUD), false)) {
            frames.add(new Frame(MediaCodec.H264, au, pts, NalUnits.anyKeyPicture(MediaCodec.H264, au, 0, au.length)));
            pts += 3600;
        }
        return frames;
    }

    /** The access units with 40 ms of G.711 A-law after each. */
    static List<Frame> h264WithG711() {
        byte[] alaw = Samples.bytes(Samples.G711A);
        List<Frame> frames = new ArrayList<>();
        int at = 0;
        for (Frame v : annexB()) {
            frames.add(v);
            if (at + 320 <= alaw.length) {
                frames.add(new Frame(MediaCodec.G711A, Arrays.copyOfRange(alaw, at, at + 320), v.pts(), false));
                at += 320;
            }
        }
        return frames;
    }
}
