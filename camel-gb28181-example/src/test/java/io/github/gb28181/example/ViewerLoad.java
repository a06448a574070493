package io.github.gb28181.example;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Viewers in a process of their own, for {@link LiveViewBenchmark}: their CPU is not the platform's. Each opens the
 * live WebSocket of a channel (a plain RFC 6455 client on a socket and a thread of its own: the frames are read as
 * the server wrote them, and a malformed one is reported, not hidden), reads every segment, and notes when each
 * fragment arrived and which frame it holds (its tfdt, 90 kHz, over 3600). System.nanoTime is CLOCK_MONOTONIC on
 * Linux, the same clock in every process, so the benchmark compares these times with its sender's.
 * <p>
 * Arguments: the WebSocket URL, the number of viewers, how many seconds to watch, the file to write, the
 * Authorization header of the platform's login. Prints
 * CONNECTED when every viewer is connected. The file has a line per event: {@code open viewer nanos} (the handshake
 * done), {@code frame viewer index nanos}, {@code closed viewer nanos reason}.
 */
public final class ViewerLoad {

    private ViewerLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int viewers = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        Path out = Path.of(args[3]);
        String authorization = args[4];
        Queue<String> events = new ConcurrentLinkedQueue<>();
        for (int v = 0; v < viewers; v++) {
            int id = v;
            CountDownLatch connected = new CountDownLatch(1);
            Thread t = new Thread(() -> watch(uri, authorization, id, events, connected), "viewer-" + v);
            t.setDaemon(true);
            t.start();
            connected.await(30, TimeUnit.SECONDS); // one after another, as viewers arrive
        }
        System.out.println("CONNECTED");
        System.out.flush();
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(seconds));
        List<String> snapshot = new ArrayList<>(events);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            snapshot.forEach(w::println);
        }
        System.out.println("DONE");
        System.out.flush();
        System.exit(0);
    }

    private static void watch(URI uri, String authorization, int id, Queue<String> events, CountDownLatch connected) {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                       + "\r\nAuthorization: " + authorization
                       + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                       + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 256 * 1024));
            String status = headers(in);
            if (!status.startsWith("HTTP/1.1 101")) {
                events.add("closed " + id + " " + System.nanoTime() + " handshake " + status);
                return;
            }
            events.add("open " + id + " " + System.nanoTime());
            connected.countDown();
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                if ((b0 & 0x70) != 0 || (b1 & 0x80) != 0) {
                    events.add("closed " + id + " " + System.nanoTime() + " malformed frame header "
                               + Integer.toHexString(b0) + " " + Integer.toHexString(b1));
                    return;
                }
                long length = b1 & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                int opcode = b0 & 0x0F;
                if (opcode == 8) {
                    events.add("closed " + id + " " + System.nanoTime() + " by the platform");
                    return;
                }
                if (opcode == 2 && (b0 & 0x80) != 0) {
                    long tfdt = videoDecodeTime(payload);
                    if (tfdt >= 0) {
                        events.add("frame " + id + " " + tfdt / 3600 + " " + System.nanoTime());
                    }
                }
            }
        } catch (EOFException e) {
            events.add("closed " + id + " " + System.nanoTime() + " end of stream");
        } catch (IOException e) {
            events.add("closed " + id + " " + System.nanoTime() + " " + e);
        } finally {
            connected.countDown();
        }
    }

    /** Reads the HTTP response head; returns its status line. */
    private static String headers(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("in the handshake");
            }
            head.append((char) c);
            matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        return head.substring(0, head.indexOf("\r\n"));
    }

    /** The baseMediaDecodeTime of a fragment's first traf (the video's), or -1 for an init segment. */
    static long videoDecodeTime(byte[] m) {
        if (m.length < 8 || m[4] != 'm' || m[5] != 'o' || m[6] != 'o' || m[7] != 'f') {
            return -1;
        }
        for (int i = 8; i + 16 <= m.length; i++) {
            if (m[i] == 't' && m[i + 1] == 'f' && m[i + 2] == 'd' && m[i + 3] == 't') {
                ByteBuffer b = ByteBuffer.wrap(m, i + 4, 12);
                int version = b.get() & 0xFF;
                b.position(b.position() + 3);
                return version == 1 ? b.getLong() : b.getInt() & 0xFFFFFFFFL;
            }
        }
        return -1;
    }
}
