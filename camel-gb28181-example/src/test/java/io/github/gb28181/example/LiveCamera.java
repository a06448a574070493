package io.github.gb28181.example;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.github.gb28181.camel.media.CameraPsMuxer;
import io.github.gb28181.camel.media.Packetizer;
import io.github.gb28181.camel.media.Samples;

/**
 * A camera's live stream: a committed Annex B sample muxed as PS the way GB/T 28181 cameras do (a pack per picture,
 * PSM on key frames, G.711 in packs of its own), sent over RTP at 25 pictures a second, looped with timestamps that
 * go on, until closed. The pace is the camera's clock, not a wait for anything.
 */
final class LiveCamera implements AutoCloseable {

    private static final long FRAME_NANOS = 40_000_000L;

    private final Thread thread;
    private final AtomicLong framesSent = new AtomicLong();
    private volatile long[] sentAt = new long[25 * 60];
    private volatile boolean running = true;

    /**
     * @param annexB a sample with access unit delimiters (Samples.H264_AUD or H265_AUD)
     * @param g711   whether G.711 A-law audio goes along, as most cameras send
     */
    LiveCamera(String annexB, boolean g711, String ssrc, int rtpPort) {
        this(CameraPsMuxer.accessUnits(Samples.bytes(annexB), annexB.endsWith(".h265")), annexB.endsWith(".h265"),
                g711 ? Samples.bytes(Samples.G711A) : null, ssrc, rtpPort);
    }

    /** @param units access units with delimiters, the first a key frame */
    LiveCamera(List<byte[]> units, boolean h265, byte[] audio, String ssrc, int rtpPort) {
        long ssrcValue = Long.parseLong(ssrc);
        InetSocketAddress to = new InetSocketAddress("127.0.0.1", rtpPort);
        thread = new Thread(() -> send(units, h265, audio, ssrcValue, to), "live-camera-" + ssrc);
        thread.setDaemon(true);
        thread.start();
    }

    private void send(List<byte[]> units, boolean h265, byte[] audio, long ssrc, InetSocketAddress to) {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            long pts = 90_000;
            int seq = 1;
            long next = System.nanoTime();
            while (running) {
                List<CameraPsMuxer.Unit> loop = new CameraPsMuxer(h265, false, audio, 60000).startingAt(pts).mux(units);
                // one picture (and the audio after it) per tick
                List<List<CameraPsMuxer.Unit>> ticks = new ArrayList<>();
                for (CameraPsMuxer.Unit u : loop) {
                    if (u.video() || ticks.isEmpty()) {
                        ticks.add(new ArrayList<>());
                    }
                    ticks.get(ticks.size() - 1).add(u);
                }
                for (List<CameraPsMuxer.Unit> tick : ticks) {
                    if (!running) {
                        return;
                    }
                    for (byte[] packet : Packetizer.rtp(Packetizer.perFrame(tick, 1400), ssrc, seq)) {
                        socket.send(new DatagramPacket(packet, packet.length, to));
                        seq = (seq + 1) & 0xFFFF;
                    }
                    long index = framesSent.getAndIncrement();
                    if (index >= sentAt.length) {
                        sentAt = Arrays.copyOf(sentAt, sentAt.length * 2);
                    }
                    sentAt[(int) index] = System.nanoTime();
                    next += FRAME_NANOS;
                    LockSupport.parkNanos(next - System.nanoTime());
                }
                pts += 3600L * units.size();
            }
        } catch (IOException e) {
            if (running) {
                throw new UncheckedIOException(e);
            }
        }
    }

    long framesSent() {
        return framesSent.get();
    }

    /** When the last packet of picture {@code index} (counted from the first sent, 0) left, System.nanoTime. */
    long sentAt(long index) {
        return index < framesSent.get() ? sentAt[(int) index] : -1;
    }

    /** The sending thread, whose CPU a benchmark leaves out of the platform's. */
    Thread thread() {
        return thread;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
