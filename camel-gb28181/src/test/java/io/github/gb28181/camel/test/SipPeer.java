package io.github.gb28181.camel.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A raw SIP endpoint on loopback, over UDP or TCP, that sends bytes exactly as given and queues whatever comes back.
 * It is the "device" side of tests: no SIP stack in between, so what the platform sends is what the test sees.
 */
public final class SipPeer implements AutoCloseable {

    private final String transport;
    private final InetSocketAddress server;
    private final DatagramSocket udp;
    private final Socket tcp;
    private final BlockingQueue<SipText> received = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean closed;

    private SipPeer(String transport, InetSocketAddress server, InetAddress local) throws IOException {
        this.transport = transport;
        this.server = server;
        if ("UDP".equals(transport)) {
            udp = new DatagramSocket(new InetSocketAddress(local, 0));
            tcp = null;
            reader = new Thread(this::readUdp, "sip-peer-udp-" + udp.getLocalPort());
        } else {
            udp = null;
            tcp = new Socket();
            tcp.bind(new InetSocketAddress(local, 0));
            tcp.connect(server, 5000);
            tcp.setTcpNoDelay(true);
            reader = new Thread(this::readTcp, "sip-peer-tcp-" + tcp.getLocalPort());
        }
        reader.setDaemon(true);
        reader.start();
    }

    public static SipPeer udp(int serverPort) throws IOException {
        return udp(serverPort, InetAddress.getLoopbackAddress());
    }

    public static SipPeer tcp(int serverPort) throws IOException {
        return tcp(serverPort, InetAddress.getLoopbackAddress());
    }

    /** From another loopback address (127.0.0.2, say): on Linux all of 127/8 is this machine. */
    public static SipPeer udp(int serverPort, InetAddress local) throws IOException {
        return new SipPeer("UDP", new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort), local);
    }

    public static SipPeer tcp(int serverPort, InetAddress local) throws IOException {
        return new SipPeer("TCP", new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort), local);
    }

    public String transport() {
        return transport;
    }

    public int localPort() {
        return udp != null ? udp.getLocalPort() : tcp.getLocalPort();
    }

    public String localHost() {
        return (udp != null ? udp.getLocalAddress() : tcp.getLocalAddress()).getHostAddress();
    }

    public int serverPort() {
        return server.getPort();
    }

    public void send(String message) throws IOException {
        send(message.getBytes(StandardCharsets.UTF_8));
    }

    public synchronized void send(byte[] bytes) throws IOException {
        if (udp != null) {
            udp.send(new DatagramPacket(bytes, bytes.length, server));
        } else {
            OutputStream out = tcp.getOutputStream();
            out.write(bytes);
            out.flush();
        }
    }

    /** Sends a datagram elsewhere than the server this peer talks to (UDP only). */
    public synchronized void sendTo(String host, int port, byte[] bytes) throws IOException {
        if (udp == null) {
            throw new IllegalStateException("sendTo is for UDP peers");
        }
        udp.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(host, port)));
    }

    /** The next message that matches, skipping (and dropping) others; fails after the timeout. */
    public SipText await(Predicate<SipText> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            SipText next = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                throw new AssertionError("No matching SIP message within " + timeout);
            }
            if (match.test(next)) {
                return next;
            }
        }
    }

    public SipText awaitResponse(String callId, Duration timeout) throws InterruptedException {
        return await(m -> m.isResponse() && callId.equals(m.header("Call-ID")) && m.status() >= 200, timeout);
    }

    /**
     * Sends a request, and again every T1 (500 ms) while it is unanswered, as a UDP client does (Timer E), up to nine
     * copies: a copy the server dropped, or whose answer was lost, is followed by the next. Returns the final answer.
     */
    public SipText sendUntilAnswered(byte[] request, String callId) throws Exception {
        for (int copy = 0; copy < 9; copy++) {
            send(request);
            try {
                return awaitResponse(callId, Duration.ofMillis(500));
            } catch (AssertionError late) {
                // unanswered within T1: send it again
            }
        }
        throw new AssertionError("No answer to " + callId + " after 9 copies");
    }

    public SipText sendUntilAnswered(String request, String callId) throws Exception {
        return sendUntilAnswered(request.getBytes(StandardCharsets.UTF_8), callId);
    }

    public SipText awaitRequest(String method, Duration timeout) throws InterruptedException {
        return await(m -> !m.isResponse() && method.equals(m.method()), timeout);
    }

    /** The next message, or null when none arrives in time: for asserting that nothing is sent. */
    public SipText poll(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void readUdp() {
        byte[] buffer = new byte[65535];
        while (!closed) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                if (packet.getLength() > 4) { // keep-alive CRLFs carry nothing
                    received.add(SipText.parse(packet.getData(), packet.getLength()));
                }
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void readTcp() {
        try {
            InputStream in = tcp.getInputStream();
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) > 0) {
                pending.write(chunk, 0, n);
                drainFrames(pending);
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void drainFrames(ByteArrayOutputStream pending) {
        while (true) {
            byte[] data = pending.toByteArray();
            int start = 0;
            while (start < data.length && (data[start] == '\r' || data[start] == '\n')) {
                start++;
            }
            int headerEnd = indexOf(data, start, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (headerEnd < 0) {
                return;
            }
            String head = new String(data, start, headerEnd - start, StandardCharsets.UTF_8);
            int contentLength = 0;
            for (String line : head.split("\r\n")) {
                String lower = line.toLowerCase();
                if (lower.startsWith("content-length:") || lower.startsWith("l:")) {
                    contentLength = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            int end = headerEnd + 4 + contentLength;
            if (data.length < end) {
                return;
            }
            byte[] message = new byte[end - start];
            System.arraycopy(data, start, message, 0, message.length);
            received.add(SipText.parse(message, message.length));
            pending.reset();
            pending.write(data, end, data.length - end);
        }
    }

    private static int indexOf(byte[] data, int from, byte[] pattern) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (udp != null) {
                udp.close();
            } else {
                tcp.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }
}
