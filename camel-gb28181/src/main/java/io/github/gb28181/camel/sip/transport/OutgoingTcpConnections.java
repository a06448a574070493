package io.github.gb28181.camel.sip.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;

import gov.nist.javax.sip.stack.NIOHandler;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * jain-sip's cache of TCP connections, with two of its faults in the connections we open ourselves (to an upper
 * platform, to a device that has none open to us) put right:
 * <ul>
 * <li>it forgets every connection it has just opened (a flag meant to say "connected" is never set; RestComm/jain-sip
 * #188), so the next request to the same peer opens another, and the message channel drops the one before;</li>
 * <li>a connection opened to send a message is tied to its message channel only after the message is queued on it;
 * the selector thread, woken by the queueing, finds no channel for the socket, takes it for dead and drops the
 * message, and any answer on it later (usnistgov/jsip #77). Over loopback the selector nearly always wins: a
 * REGISTER to an upper platform that was not listening when we first tried was never answered again.</li>
 * </ul>
 * So a connection we open stays cached under its peer until it closes, and is tied to the channel it was opened for
 * before a byte is queued on it.
 */
final class OutgoingTcpConnections extends NIOHandler {

    /** The message channel whose message the current thread is sending. */
    private final ThreadLocal<NioTcpMessageChannel> sending = new ThreadLocal<>();

    OutgoingTcpConnections(SIPTransactionStack stack, NioTcpMessageProcessor processor) {
        super(stack, processor);
    }

    @Override
    public SocketChannel createOrReuseSocket(InetAddress address, int port) throws IOException {
        return kept(address, port, super.createOrReuseSocket(address, port));
    }

    @Override
    public SocketChannel sendBytes(InetAddress senderAddress, InetAddress receiverAddress, int contactPort,
                                   String transport, byte[] bytes, boolean retry, NioTcpMessageChannel channel)
            throws IOException {
        sending.set(channel);
        try {
            return kept(receiverAddress, contactPort,
                    super.sendBytes(senderAddress, receiverAddress, contactPort, transport, bytes, retry, channel));
        } finally {
            sending.remove();
        }
    }

    /** Called once a new connection is open, before anything is written to it. */
    @Override
    protected void putSocket(String key, SocketChannel socket) {
        NioTcpMessageChannel channel = sending.get();
        if (channel != null && getMessageChannel(socket) == null) {
            putMessageChannel(socket, channel);
        }
        super.putSocket(key, socket);
    }

    private SocketChannel kept(InetAddress address, int port, SocketChannel socket) {
        if (socket != null && socket.isOpen() && getSocket(makeKey(address, port)) != socket) {
            super.putSocket(makeKey(address, port), socket);
        }
        return socket;
    }
}
