package io.github.gb28181.example.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gb28181.camel.media.mp4.Fmp4Segment;
import io.github.gb28181.example.streams.StreamRecording;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One page watching a stream over a WebSocket. Segments are queued and sent one at a time with the container's
 * asynchronous send, so no thread waits on a viewer's network: the media thread only queues. A viewer that falls
 * more than {@link #MAX_QUEUED_BYTES} behind is disconnected (its page reconnects and starts at the last key frame),
 * so a slow viewer costs memory, never the others' video.
 * <p>
 * Messages: a JSON text message before each init segment ({@code {"type":"init","mimeType":...}}), the segments as
 * binary messages, and {@code {"type":"ended"}} or {@code {"type":"error"}} before the platform closes.
 */
final class LiveViewer implements StreamRecording.Watcher {

    private static final Logger LOG = LoggerFactory.getLogger(LiveViewer.class);
    static final long MAX_QUEUED_BYTES = 32L * 1024 * 1024;

    private final Session session;
    private final ObjectMapper json;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean sending;
    private boolean closing;
    private boolean dead;
    private CloseReason.CloseCode closeCode;
    private String closeText;
    private volatile StreamRecording stream;
    private volatile boolean closed;

    LiveViewer(Session session, ObjectMapper json) {
        this.session = session;
        this.json = json;
    }

    String id() {
        return session.getId();
    }

    void stream(StreamRecording stream) {
        this.stream = stream;
    }

    StreamRecording stream() {
        return stream;
    }

    /** The page went away. */
    void closed() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void send(Fmp4Segment segment) {
        if (segment.isInit()) {
            StreamRecording s = stream;
            text(InitMessage.of(s, segment));
        }
        if (!enqueue(ByteBuffer.wrap(segment.data()), segment.data().length)) {
            throw new IllegalStateException("viewer " + id() + " is gone"); // the fan-out drops a viewer that throws
        }
    }

    @Override
    public void ended(String reason) {
        text(Map.of("type", "ended", "reason", reason));
        closeAfterSending(CloseReason.CloseCodes.NORMAL_CLOSURE, "stream ended");
    }

    /** Tells the page why it gets no video, then closes. */
    void fail(String message) {
        text(Map.of("type", "error", "message", message));
        closeAfterSending(CloseReason.CloseCodes.TRY_AGAIN_LATER, "no stream");
    }

    void text(Object message) {
        try {
            String text = json.writeValueAsString(message);
            enqueue(text, text.length());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return false when the connection failed: the viewer is gone */
    private synchronized boolean enqueue(Object message, long size) {
        if (dead) {
            return false;
        }
        if (closing || !session.isOpen()) {
            return true;
        }
        if (queuedBytes + size > MAX_QUEUED_BYTES) {
            LOG.info("Viewer {} of stream {} is {} bytes behind: disconnected", id(), streamId(), queuedBytes);
            queue.clear();
            queuedBytes = 0;
            close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow");
            return true;
        }
        queue.add(message);
        queuedBytes += size;
        if (!sending) {
            sendNext();
        }
        return true;
    }

    private synchronized void sendNext() {
        Object next = queue.poll();
        if (next == null) {
            sending = false;
            if (closing) {
                close(closeCode, closeText);
            }
            return;
        }
        sending = true;
        queuedBytes -= next instanceof ByteBuffer b ? b.remaining() : ((String) next).length();
        try {
            if (next instanceof ByteBuffer b) {
                session.getAsyncRemote().sendBinary(b, this::sent);
            } else {
                session.getAsyncRemote().sendText((String) next, this::sent);
            }
        } catch (RuntimeException e) {
            // the connection went away between the check and the send
            gone();
        }
    }

    private void sent(SendResult result) {
        if (!result.isOK()) {
            LOG.debug("Viewer {} gone: {}", id(), result.getException() == null ? "" : result.getException().toString());
            synchronized (this) {
                gone();
            }
            return;
        }
        sendNext();
    }

    /** The connection failed: nothing more is queued, and the fan-out drops this viewer at its next segment. */
    private void gone() {
        dead = true;
        sending = false;
        queue.clear();
        queuedBytes = 0;
    }

    private synchronized void closeAfterSending(CloseReason.CloseCode code, String text) {
        closing = true;
        closeCode = code;
        closeText = text;
        if (!sending) {
            close(code, text);
        }
    }

    private void close(CloseReason.CloseCode code, String text) {
        try {
            session.close(new CloseReason(code, text));
        } catch (IOException | IllegalStateException e) {
            // already closed
        }
    }

    private String streamId() {
        StreamRecording s = stream;
        return s == null ? "-" : s.streamId();
    }

    @Override
    public String toString() {
        return "viewer " + id();
    }
}
