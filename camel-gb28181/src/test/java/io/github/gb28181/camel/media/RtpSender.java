package io.github.gb28181.camel.media;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import io.github.gb28181.camel.media.receive.MediaReceiver;
import io.github.gb28181.camel.media.receive.MediaStatistics;

/**
 * Sends RTP the way a device does, over loopback: UDP datagrams, or RFC 4571 framed over TCP.
 * <p>
 * UDP has no flow control and a CI machine's socket buffer may be capped at 208 KiB, so a test sender stays within a
 * window of what the receiver has read ({@link Flow}): however busy the machine, no datagram is dropped by the
 * kernel, and every loss a test sees is one it made on purpose.
 */
public final class RtpSender {

    /** What a queued datagram costs the kernel beyond its bytes, roughly (skb overhead). */
    private static final int OVERHEAD = 1024;
    private static final long WINDOW = 128 * 1024;

    private RtpSender() {
    }

    /** A window shared by every sender to one receiver. */
    public static final class Flow {
        private final Supplier<MediaStatistics> statistics;
        private final long baseline;
        private final AtomicLong sent = new AtomicLong();

        private Flow(Supplier<MediaStatistics> statistics) {
            this.statistics = statistics;
            this.baseline = weighted(statistics.get());
        }

        void awaitRoom(int next) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            long read = weighted(statistics.get()) - baseline;
            while (sent.get() + next - read > WINDOW && System.nanoTime() < deadline) {
                // park rather than spin: spinning senders would take the cores the receiver needs to catch up
                LockSupport.parkNanos(50_000);
                read = weighted(statistics.get()) - baseline;
            }
            sent.addAndGet(next);
        }

        private static long weighted(MediaStatistics s) {
            return s == null ? 0 : s.bytesReceived() + OVERHEAD * s.packetsReceived();
        }
    }

    public static Flow flow(MediaReceiver receiver) {
        return new Flow(receiver::statistics);
    }

    public static Flow flow(Supplier<MediaStatistics> statistics) {
        return new Flow(statistics);
    }

    public static void udp(InetSocketAddress to, List<byte[]> packets, Flow flow) {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (byte[] p : packets) {
                flow.awaitRoom(p.length + OVERHEAD);
                socket.send(new DatagramPacket(p, p.length, to));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends to a receiver in another process, whose progress cannot be watched: a pause after every packet keeps
     * the kernel's socket buffer from overflowing.
     */
    public static void udpPaced(InetSocketAddress to, List<byte[]> packets, long pauseNanos) {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (byte[] p : packets) {
                socket.send(new DatagramPacket(p, p.length, to));
                LockSupport.parkNanos(pauseNanos);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects, sends every packet with its two-byte length, and closes. */
    public static void tcp(InetSocketAddress to, List<byte[]> packets) {
        try (Socket socket = new Socket(to.getAddress(), to.getPort())) {
            writeFramed(socket.getOutputStream(), packets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plays a device in TCP active mode: waits for the platform to connect, sends, closes. */
    public static void tcpAccepting(ServerSocket device, List<byte[]> packets) {
        try (Socket socket = device.accept()) {
            writeFramed(socket.getOutputStream(), packets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeFramed(OutputStream out, List<byte[]> packets) throws IOException {
        DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(out, 64 * 1024));
        for (byte[] p : packets) {
            data.writeShort(p.length);
            data.write(p);
        }
        data.flush();
    }
}
