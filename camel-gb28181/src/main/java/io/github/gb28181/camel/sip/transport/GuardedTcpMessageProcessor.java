package io.github.gb28181.camel.sip.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;

import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * The TCP listener: every accepted connection gets a {@link GuardedTcpMessageChannel}. Connections the platform opens
 * itself are jain-sip's own (its factory method for them is package-private); they carry answers of devices we chose
 * to call, not anyone's input.
 */
final class GuardedTcpMessageProcessor extends NioTcpMessageProcessor {

    GuardedTcpMessageProcessor(InetAddress address, SIPTransactionStack stack, int port) {
        super(address, stack, port);
    }

    /** A channel registered with the selector closes for real only once the selector runs again. */
    void wakeUp() {
        if (selector != null) {
            selector.wakeup();
        }
    }

    @Override
    public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
            throws IOException {
        if (nioHandler.getMessageChannel(client) == null) {
            SIPTransactionStack stack = processor.getSIPStack();
            nioHandler.putMessageChannel(client, new GuardedTcpMessageChannel(processor, client,
                    CountingSipStack.of(stack), CountingSipStack.tcpGuard(stack)));
        }
        // finds ours, and finishes setting it up as it would its own
        return super.createMessageChannel(processor, client);
    }
}
