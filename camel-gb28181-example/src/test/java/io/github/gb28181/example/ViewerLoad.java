package io.github.gb28181.example;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Viewers in a process of their own, for {@link LiveViewBenchmark}: their CPU is not the platform's. Each opens the
 * live WebSocket of a channel, reads every segment, and notes when each fragment arrived and which frame it holds
 * (its tfdt, 90 kHz, over 3600). System.nanoTime is CLOCK_MONOTONIC on Linux, the same clock in every process, so
 * the benchmark compares these times with its sender's.
 * <p>
 * Arguments: the WebSocket URL, the number of viewers, how many seconds to watch, the file to write. Prints
 * CONNECTED when every viewer is connected. The file has a line per event: {@code open viewer nanos} (the handshake
 * done),
 * {@code frame viewer index nanos}, {@code closed viewer nanos reason}.
 */
public final class ViewerLoad {

    private ViewerLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int viewers = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        Path out = Path.of(args[3]);
        Queue<String> events = new ConcurrentLinkedQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        List<WebSocket> sockets = new ArrayList<>();
        for (int v = 0; v < viewers; v++) {
            sockets.add(client.newWebSocketBuilder().buildAsync(uri, new Viewer(v, events)).get(30, TimeUnit.SECONDS));
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

    private static final class Viewer implements WebSocket.Listener {
        private final int id;
        private final Queue<String> events;
        private final ByteArrayOutputStream message = new ByteArrayOutputStream();

        Viewer(int id, Queue<String> events) {
            this.id = id;
            this.events = events;
        }

        @Override
        public void onOpen(WebSocket socket) {
            events.add("open " + id + " " + System.nanoTime());
            socket.request(1);
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            message.writeBytes(chunk);
            if (last) {
                long now = System.nanoTime();
                long tfdt = videoDecodeTime(message.toByteArray());
                if (tfdt >= 0) {
                    events.add("frame " + id + " " + tfdt / 3600 + " " + now);
                }
                message.reset();
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            events.add("closed " + id + " " + System.nanoTime() + " " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            events.add("closed " + id + " " + System.nanoTime() + " error " + error);
        }
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
