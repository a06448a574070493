package io.github.gb28181.camel.sip.transport;

import java.io.IOException;
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
 * a body beyond the size limit is answered 413 and the connection closed: the stream cannot be framed past it.
 */
final class GuardedTcpMessageChannel extends NioTcpMessageChannel {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedTcpMessageChannel.class);
    /** Shared by all connections: an attacker opens many. */
    private static final LogThrottle CLOSED_LOG = new LogThrottle();

    private final TcpFraming framing;
    private final SipCounters counters;

    GuardedTcpMessageChannel(NioTcpMessageProcessor processor, SocketChannel socket, SipCounters counters)
            throws IOException {
        super(processor, socket);
        this.framing = new TcpFraming(processor.getSIPStack().getMaxMessageSize());
        this.counters = counters;
    }

    @Override
    protected void addBytes(byte[] bytes) throws Exception {
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
