package io.github.gb28181.camel.sip.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import io.github.gb28181.camel.sip.log.LogThrottle;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device's TCP connection whose bytes pass through {@link TcpFraming} before jain-sip's parser. A message declaring
 * a body beyond the size limit is answered 413 and the connection closed: the stream cannot be framed past it. The
 * {@link TcpConnectionGuard} closes it when a message takes too long or, until a device is accepted on it, when it
 * stays idle.
 */
final class GuardedTcpMessageChannel extends NioTcpMessageChannel {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedTcpMessageChannel.class);
    /** Shared by all connections: an attacker opens many. */
    private static final LogThrottle CLOSED_LOG = new LogThrottle();

    private final TcpFraming framing;
    private final SipCounters counters;
    private final TcpConnectionGuard guard;
    private final NioTcpMessageProcessor processor;
    private final InetAddress peer;
    private volatile long lastBytesAt = System.nanoTime();
    /** when the message in progress began; 0 between messages */
    private volatile long messageStartedAt;
    private volatile boolean device;

    GuardedTcpMessageChannel(NioTcpMessageProcessor processor, SocketChannel socket, SipCounters counters,
                             TcpConnectionGuard guard) throws IOException {
        super(processor, socket);
        this.framing = new TcpFraming(processor.getSIPStack().getMaxMessageSize());
        this.counters = counters;
        this.guard = guard;
        this.processor = processor;
        this.peer = socket.socket().getInetAddress();
        if (guard != null && peer != null) {
            guard.opened(this, peer);
        }
    }

    /** A device was accepted on this connection: it may stay idle between its keepalives. */
    void markDevice() {
        device = true;
    }

    /** @return why the connection must close now, or null */
    String overdue(long now, TcpLimits limits) {
        long started = messageStartedAt;
        if (started != 0 && now - started > limits.messageTimeoutMillis() * 1_000_000) {
            return "a message took more than " + limits.messageTimeoutMillis() + " ms to arrive";
        }
        if (!device && now - lastBytesAt > limits.idleTimeoutMillis() * 1_000_000) {
            return "idle for " + limits.idleTimeoutMillis() + " ms with no device registered on it";
        }
        return null;
    }

    /** Closes from the guard's thread: the selector must wake to let go of the socket, or its peer never hears. */
    void closeGuarded() {
        close(true, true);
        if (processor instanceof GuardedTcpMessageProcessor guarded) {
            guarded.wakeUp();
        }
    }

    @Override
    protected void close(boolean removeSocket, boolean stopKeepAliveTask) {
        try {
            super.close(removeSocket, stopKeepAliveTask);
        } finally {
            if (guard != null && peer != null) {
                guard.closed(this, peer);
            }
        }
    }

    @Override
    protected void addBytes(byte[] bytes) throws Exception {
        long now = System.nanoTime();
        lastBytesAt = now;
        long completedBefore = framing.completed();
        try {
            frame(bytes);
        } finally {
            if (!framing.midMessage()) {
                messageStartedAt = 0;
            } else if (messageStartedAt == 0 || framing.completed() != completedBefore) {
                messageStartedAt = now; // a new message began with these bytes
            }
        }
    }

    private void frame(byte[] bytes) throws Exception {
        byte[] framed;
        try {
            framed = framing.next(bytes);
        } catch (TcpFraming.Oversized e) {
            super.addBytes(e.passed());
            counters.countStreamClosed();
            String more = CLOSED_LOG.admit();
            if (more != null) {
                LOG.warn("Closing the TCP connection of {}:{}: {}{}", getPeerAddress(), getPeerPort(), e.getMessage(),
                        more);
            }
            answerTooLarge(e.head());
            // not an IOException: on one, jain-sip would feed the parser an empty line and dispatch what it holds
            throw new IllegalStateException(e.getMessage());
        }
        try {
            super.addBytes(framed);
        } catch (Exception e) {
            counters.countStreamClosed();
            throw e;
        }
    }

    /**
     * 413 written straight to the socket: jain-sip's own sending queues the bytes for the selector, and the connection
     * is closed before it gets to them.
     */
    private void answerTooLarge(String head) {
        try {
            SIPMessage message = new StringMsgParser().parseSIPMessage(
                    (head + "\r\n").getBytes(StandardCharsets.ISO_8859_1), false, false, null);
            if (message instanceof SIPRequest request && !request.getMethod().equals("ACK")) {
                byte[] answer = request.createResponse(Response.REQUEST_ENTITY_TOO_LARGE).encodeAsBytes("TCP");
                counters.countRejected(Response.REQUEST_ENTITY_TOO_LARGE);
                getSocketChannel().write(ByteBuffer.wrap(answer));
            }
        } catch (Exception e) {
            LOG.debug("Cannot answer the oversized message: {}", e.toString());
        }
    }
}
