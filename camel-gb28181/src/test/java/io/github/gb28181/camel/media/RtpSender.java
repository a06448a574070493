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
import java.util.concurrent.locks.LockSupport;

/**
 * Sends RTP the way a device does, over loopback: UDP datagrams paced like a sender with a rate limit (a burst
 * bigger than the kernel's socket buffer would be lost before the receiver sees it), or RFC 4571 framed over TCP.
 */
public final class RtpSender {

    /** Fast enough for short tests, slow enough for a 208 KiB default socket buffer. */
    public static final long TEST_RATE = 16L * 1024 * 1024;

    private RtpSender() {
    }

    public static void udp(InetSocketAddress to, List<byte[]> packets) {
        udp(to, packets, TEST_RATE);
    }

    public static void udp(InetSocketAddress to, List<byte[]> packets, long bytesPerSecond) {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Pacer pacer = new Pacer(bytesPerSecond);
            for (byte[] p : packets) {
                socket.send(new DatagramPacket(p, p.length, to));
                pacer.sent(p.length);
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

    private static final class Pacer {
        private final long bytesPerSecond;
        private final long start = System.nanoTime();
        private long sent;

        Pacer(long bytesPerSecond) {
            this.bytesPerSecond = bytesPerSecond;
        }

        void sent(int bytes) {
            // a datagram costs the kernel more than its payload: count a fixed overhead per packet
            sent += bytes + 512;
            long due = start + sent * 1_000_000_000L / bytesPerSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }
}
