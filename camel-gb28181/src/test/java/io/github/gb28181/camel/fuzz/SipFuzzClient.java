package io.github.gb28181.camel.fuzz;

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
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends raw bytes to the SIP server and tallies the status of every response that comes back, whatever it answers.
 * <p>
 * Over UDP the client stays within a window of what the server has read: after a few datagrams it sends an OPTIONS
 * and waits for its answer, so the server's socket buffer never overflows and the simulated devices' packets, sent
 * between batches, are never the ones the kernel drops. Over TCP each batch of messages gets a connection of its own,
 * written in arbitrary pieces; the client then half-closes and reads until the server closes, so a message whose
 * Content-Length lies swallows at most the rest of its own connection.
 */
public final class SipFuzzClient implements AutoCloseable {

    private static final Pattern STATUS = Pattern.compile("^SIP/2\\.0 (\\d{3})");
    private static final Pattern CALL_ID = Pattern.compile("(?im)^(?:call-id|i)\\s*:\\s*(\\S+)");
    private static final int WINDOW_BYTES = 96 * 1024;
    private static final int WINDOW_DATAGRAMS = 48;
    /** What a queued datagram costs the kernel beyond its bytes, roughly. */
    private static final int OVERHEAD = 1024;

    private final int serverPort;
    private final DatagramSocket udp;
    private final Thread udpReader;
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<Integer>> pings = new ConcurrentHashMap<>();
    private final AtomicInteger pingCounter = new AtomicInteger();
    private final AtomicLong connectionsReset = new AtomicLong();
    private final AtomicLong connectionsHung = new AtomicLong();
    private int unacknowledgedBytes;
    private int unacknowledgedDatagrams;
    private volatile boolean closed;

    public SipFuzzClient(int serverPort) throws SocketException {
        this.serverPort = serverPort;
        this.udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.udpReader = new Thread(this::readUdp, "sip-fuzz-udp");
        udpReader.setDaemon(true);
        udpReader.start();
    }

    /** The UDP port responses come back to; the seeds' device addresses are rewritten to it. */
    public int udpPort() {
        return udp.getLocalPort();
    }

    /** Sends one datagram, first waiting for the server to catch up if the window is full. */
    public void sendUdp(byte[] datagram) throws Exception {
        int size = Math.min(datagram.length, 65_507);
        if (unacknowledgedBytes + size + OVERHEAD > WINDOW_BYTES || unacknowledgedDatagrams >= WINDOW_DATAGRAMS) {
            syncUdp();
        }
        udp.send(new DatagramPacket(datagram, size, new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort)));
        unacknowledgedBytes += size + OVERHEAD;
        unacknowledgedDatagrams++;
    }

    /** Waits until the server answered an OPTIONS sent after everything so far. */
    public void syncUdp() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            String callId = "ping-" + pingCounter.incrementAndGet();
            BlockingQueue<Integer> answer = new LinkedBlockingQueue<>();
            pings.put(callId, answer);
            byte[] options = options("UDP", udp.getLocalPort(), callId);
            udp.send(new DatagramPacket(options, options.length,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort)));
            Integer status = answer.poll(2, TimeUnit.SECONDS);
            pings.remove(callId);
            if (status != null) {
                unacknowledgedBytes = 0;
                unacknowledgedDatagrams = 0;
                return;
            }
        }
        throw new AssertionError("The SIP server stopped answering OPTIONS over UDP");
    }

    /**
     * Sends one message on its own (a datagram, or a connection of its own) and returns the final status answered for
     * its Call-ID, or 0 when none came within {@code wait}.
     */
    public int exchange(String transport, byte[] message, String callId, Duration wait) throws Exception {
        BlockingQueue<Integer> answer = new LinkedBlockingQueue<>();
        pings.put(callId, answer);
        try {
            if ("UDP".equals(transport)) {
                syncUdp();
                udp.send(new DatagramPacket(message, message.length,
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort)));
                return finalStatus(answer, wait);
            }
            // the connection stays open until the answer came, as a device's does
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort), 5000);
                Thread reader = new Thread(() -> readTcp(socket), "sip-fuzz-tcp");
                reader.setDaemon(true);
                reader.start();
                socket.getOutputStream().write(message);
                return finalStatus(answer, wait);
            }
        } finally {
            pings.remove(callId);
        }
    }

    private static int finalStatus(BlockingQueue<Integer> answer, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Integer status;
        do {
            status = answer.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } while (status != null && status < 200);
        return status == null ? 0 : status;
    }

    /**
     * Opens a connection, writes the messages in random pieces with garbage between some of them, half-closes and
     * reads the answers until the server closes or goes quiet.
     */
    public void sendTcp(List<byte[]> messages, Random random, byte[] garbage) throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (byte[] m : messages) {
            stream.writeBytes(m);
            if (garbage.length > 0 && random.nextInt(8) == 0) {
                int from = random.nextInt(garbage.length);
                stream.write(garbage, from, Math.min(garbage.length - from, 1 + random.nextInt(64)));
            } else if (garbage.length > 0 && random.nextInt(8) == 0) {
                stream.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII)); // keep-alive between messages
            }
        }
        byte[] bytes = stream.toByteArray();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort), 5000);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(5000);
            Thread reader = new Thread(() -> readTcp(socket), "sip-fuzz-tcp");
            reader.setDaemon(true);
            reader.start();
            try {
                OutputStream out = socket.getOutputStream();
                for (int at = 0; at < bytes.length; ) {
                    // merged and split segments: anywhere from a few bytes to several messages per write
                    int n = Math.min(bytes.length - at, random.nextInt(4) == 0 ? 1 + random.nextInt(16)
                            : 1 + random.nextInt(4096));
                    out.write(bytes, at, n);
                    out.flush();
                    at += n;
                }
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server closed a connection it could no longer frame: the next batch opens a fresh one
                connectionsReset.incrementAndGet();
            }
            reader.join(10_000);
            if (reader.isAlive()) {
                connectionsHung.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readTcp(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) > 0) {
                pending.write(chunk, 0, n);
                drainResponses(pending);
            }
        } catch (SocketTimeoutException e) {
            connectionsHung.incrementAndGet();
        } catch (IOException e) {
            // reset by the server after it gave up on the stream
        }
    }

    private void drainResponses(ByteArrayOutputStream pending) {
        String text = pending.toString(StandardCharsets.ISO_8859_1);
        int consumed = 0;
        while (true) {
            int end = text.indexOf("\r\n\r\n", consumed);
            if (end < 0) {
                break;
            }
            String head = text.substring(consumed, end);
            Matcher length = Pattern.compile("(?im)^(?:content-length|l)\\s*:\\s*(\\d+)").matcher(head);
            int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
            if (end + 4 + bodyLength > text.length()) {
                break;
            }
            tally(head.strip());
            consumed = end + 4 + bodyLength;
        }
        byte[] rest = pending.toByteArray();
        pending.reset();
        pending.write(rest, consumed, rest.length - consumed);
    }

    private void readUdp() {
        byte[] buffer = new byte[65_535];
        while (!closed) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                tally(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void tally(String message) {
        Matcher status = STATUS.matcher(message);
        if (!status.find()) {
            return; // a request or a keep-alive: the platform asks devices things, never fuzzers
        }
        int code = Integer.parseInt(status.group(1));
        Matcher callId = CALL_ID.matcher(message);
        BlockingQueue<Integer> ping = callId.find() ? pings.get(callId.group(1)) : null;
        if (ping != null) {
            ping.add(code);
        } else {
            statuses.computeIfAbsent(code, c -> new LongAdder()).increment();
        }
    }

    /** The status of every response to a fuzzed message, counted. */
    public Map<Integer, Long> statuses() {
        Map<Integer, Long> out = new TreeMap<>();
        statuses.forEach((code, count) -> out.put(code, count.sum()));
        return out;
    }

    public long connectionsReset() {
        return connectionsReset.get();
    }

    public long connectionsHung() {
        return connectionsHung.get();
    }

    static byte[] options(String transport, int localPort, String callId) {
        return ("OPTIONS sip:34020000002000000001@3402000000 SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:" + localPort + ";rport;branch=z9hG4bK" + callId + "\r\n"
                + "From: <sip:fuzzer@127.0.0.1>;tag=" + callId + "\r\n"
                + "To: <sip:34020000002000000001@3402000000>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        closed = true;
        udp.close();
    }
}
