package io.github.gb28181.camel.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Many simulated devices over a few UDP sockets on loopback: digest registrations and keepalive MESSAGEs written as
 * bytes, answers matched by Call-ID on reader threads, a window of requests in flight. Written for throughput:
 * nothing here parses more of a response than its status, Call-ID and challenge.
 */
public final class LoadClient implements AutoCloseable {

    static final String SERVER_ID = "34020000002000000001";
    static final String DOMAIN = "3402000000";

    private final InetSocketAddress server;
    private final String password;
    private final DatagramChannel[] channels;
    private final Thread[] readers;
    private final Semaphore window;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    public final AtomicLong ok = new AtomicLong();
    public final AtomicLong failed = new AtomicLong();
    private volatile boolean closed;
    private final Thread reaper;

    /** A request waiting for its answer, with what to send again if the answer does not come. */
    private static final class Pending {
        private final String deviceId;
        private final long sentNanos;
        private final int socket;
        private final boolean register;
        private final LongConsumer onOk;
        private volatile byte[] lastSent;
        private volatile long lastSentNanos;
        private volatile int retransmissions;

        private Pending(String deviceId, long sentNanos, int socket, boolean register, LongConsumer onOk) {
            this.deviceId = deviceId;
            this.sentNanos = sentNanos;
            this.socket = socket;
            this.register = register;
            this.onOk = onOk;
            this.lastSentNanos = sentNanos;
        }
    }

    public LoadClient(int serverPort, String password, int sockets, int windowSize) throws IOException {
        this.server = new InetSocketAddress("127.0.0.1", serverPort);
        this.password = password;
        this.window = new Semaphore(windowSize);
        channels = new DatagramChannel[sockets];
        readers = new Thread[sockets];
        for (int i = 0; i < sockets; i++) {
            DatagramChannel channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 * 1024 * 1024);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, 4 * 1024 * 1024);
            channel.bind(new InetSocketAddress("127.0.0.1", 0));
            channels[i] = channel;
            int socket = i;
            readers[i] = new Thread(() -> read(socket), "load-reader-" + i);
            readers[i].setDaemon(true);
            readers[i].start();
        }
        // UDP loses packets under load: a request unanswered for 5 s is counted failed and frees its window slot
        reaper = new Thread(this::reap, "load-reaper");
        reaper.setDaemon(true);
        reaper.start();
    }

    public final AtomicLong timedOut = new AtomicLong();
    public final AtomicLong retransmitted = new AtomicLong();

    /** Like a device: resend what got no answer after a second, give up after three tries. */
    private void reap() {
        while (!closed) {
            long now = System.nanoTime();
            pending.forEach((callId, p) -> {
                if (now - p.lastSentNanos < TimeUnit.SECONDS.toNanos(1)) {
                    return;
                }
                if (p.retransmissions >= 3) {
                    if (pending.remove(callId, p)) {
                        timedOut.incrementAndGet();
                        window.release();
                    }
                    return;
                }
                p.retransmissions++;
                retransmitted.incrementAndGet();
                p.lastSentNanos = now;
                try {
                    channels[p.socket].send(ByteBuffer.wrap(p.lastSent), server);
                } catch (IOException e) {
                    failed.incrementAndGet();
                }
            });
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Starts a digest registration; {@code onOk} gets the round trip time in nanoseconds of the whole exchange. */
    public void register(String deviceId, int expires, LongConsumer onOk) throws Exception {
        window.acquire();
        String callId = "r" + sequence.incrementAndGet();
        int socket = Math.floorMod(deviceId.hashCode(), channels.length);
        Pending p = new Pending(deviceId, System.nanoTime(), socket, true, onOk);
        pending.put(callId, p);
        send(p, register(deviceId, callId, 1, expires, null));
    }

    /** Sends one keepalive; {@code onOk} gets its round trip time in nanoseconds. */
    public void keepalive(String deviceId, LongConsumer onOk) throws Exception {
        window.acquire();
        long n = sequence.incrementAndGet();
        String callId = "k" + n;
        int socket = Math.floorMod(deviceId.hashCode(), channels.length);
        Pending p = new Pending(deviceId, System.nanoTime(), socket, false, onOk);
        pending.put(callId, p);
        String body = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n<SN>"
                      + (n % 1_000_000) + "</SN>\r\n<DeviceID>" + deviceId + "</DeviceID>\r\n<Status>OK</Status>\r\n</Notify>\r\n";
        send(p, "MESSAGE sip:" + SERVER_ID + "@" + DOMAIN + " SIP/2.0\r\n"
                     + via(socket, callId)
                     + "From: <sip:" + deviceId + "@" + DOMAIN + ">;tag=" + callId + "\r\n"
                     + "To: <sip:" + SERVER_ID + "@" + DOMAIN + ">\r\n"
                     + "Call-ID: " + callId + "\r\n"
                     + "CSeq: 20 MESSAGE\r\n"
                     + "Content-Type: Application/MANSCDP+xml\r\n"
                     + "Max-Forwards: 70\r\n"
                     + "Content-Length: " + body.length() + "\r\n\r\n" + body);
    }

    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return pending.isEmpty();
    }

    int inFlight() {
        return pending.size();
    }

    private String register(String deviceId, String callId, int cseq, int expires, String authorization) {
        int socket = Math.floorMod(deviceId.hashCode(), channels.length);
        return "REGISTER sip:" + SERVER_ID + "@" + DOMAIN + " SIP/2.0\r\n"
               + via(socket, callId + "-" + cseq)
               + "From: <sip:" + deviceId + "@" + DOMAIN + ">;tag=" + callId + "\r\n"
               + "To: <sip:" + deviceId + "@" + DOMAIN + ">\r\n"
               + "Call-ID: " + callId + "\r\n"
               + "CSeq: " + cseq + " REGISTER\r\n"
               + "Contact: <sip:" + deviceId + "@" + local(socket) + ">\r\n"
               + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
               + "Max-Forwards: 70\r\n"
               + "Expires: " + expires + "\r\n"
               + "Content-Length: 0\r\n\r\n";
    }

    private String via(int socket, String branch) {
        return "Via: SIP/2.0/UDP " + local(socket) + ";rport;branch=z9hG4bK" + branch + "\r\n";
    }

    private String local(int socket) {
        try {
            InetSocketAddress address = (InetSocketAddress) channels[socket].getLocalAddress();
            return "127.0.0.1:" + address.getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(Pending p, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        p.lastSent = bytes;
        p.lastSentNanos = System.nanoTime();
        channels[p.socket].send(ByteBuffer.wrap(bytes), server);
    }

    private void read(int socket) {
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        while (!closed) {
            try {
                buffer.clear();
                channels[socket].receive(buffer);
                buffer.flip();
                String text = StandardCharsets.US_ASCII.decode(buffer).toString();
                answered(text);
            } catch (IOException e) {
                if (!closed) {
                    failed.incrementAndGet();
                }
                return;
            } catch (Exception e) {
                failed.incrementAndGet();
            }
        }
    }

    private void answered(String text) throws Exception {
        if (!text.startsWith("SIP/2.0 ")) {
            return; // a request from the platform: not part of this load
        }
        int status = Integer.parseInt(text.substring(8, 11));
        String callId = header(text, "Call-ID");
        if (status < 200 || callId == null) {
            return;
        }
        Pending p = pending.get(callId);
        if (p == null) {
            return; // an answer to a retransmission
        }
        if (status == 401 && p.register) {
            String challenge = header(text, "WWW-Authenticate");
            String authorization = authorization(p.deviceId, challenge);
            String cseq = header(text, "CSeq");
            int next = Integer.parseInt(cseq.substring(0, cseq.indexOf(' ')).trim()) + 1;
            String expires = header(text, "Expires");
            send(p, register(p.deviceId, callId, next, expires == null ? 3600 : Integer.parseInt(expires),
                    authorization));
            return;
        }
        if (pending.remove(callId) == null) {
            return;
        }
        window.release();
        if (status == 200) {
            ok.incrementAndGet();
            p.onOk.accept(System.nanoTime() - p.sentNanos);
        } else {
            failed.incrementAndGet();
            statuses.merge(status, 1L, Long::sum);
        }
    }

    /** Failure statuses seen, for the report. */
    public final Map<Integer, Long> statuses = new ConcurrentHashMap<>();

    private String authorization(String deviceId, String challenge) throws Exception {
        String realm = param(challenge, "realm");
        String nonce = param(challenge, "nonce");
        String uri = "sip:" + SERVER_ID + "@" + DOMAIN;
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        HexFormat hex = HexFormat.of();
        String ha1 = hex.formatHex(md5.digest((deviceId + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8)));
        String ha2 = hex.formatHex(md5.digest(("REGISTER:" + uri).getBytes(StandardCharsets.UTF_8)));
        String response = hex.formatHex(md5.digest((ha1 + ":" + nonce + ":" + ha2).getBytes(StandardCharsets.UTF_8)));
        return "Digest username=\"" + deviceId + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
               + "\", response=\"" + response + "\", algorithm=MD5";
    }

    private static String header(String text, String name) {
        int at = text.indexOf("\r\n" + name + ":");
        if (at < 0) {
            return null;
        }
        int start = at + name.length() + 3;
        int end = text.indexOf("\r\n", start);
        return text.substring(start, end).trim();
    }

    private static String param(String header, String name) {
        int at = header.indexOf(name + "=\"");
        if (at < 0) {
            return null;
        }
        int start = at + name.length() + 2;
        return header.substring(start, header.indexOf('"', start));
    }

    @Override
    public void close() throws IOException {
        closed = true;
        for (DatagramChannel channel : channels) {
            channel.close();
        }
    }
}
