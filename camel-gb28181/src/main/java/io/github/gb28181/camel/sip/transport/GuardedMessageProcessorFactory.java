package io.github.gb28181.camel.sip.transport;

import java.io.IOException;
import java.net.InetAddress;

import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * jain-sip's NIO message processors, but TCP connections that devices open are framed by {@link TcpFraming} first,
 * and UDP datagrams pass {@link Admission} control before they wait for a worker. Named by the stack property
 * {@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}.
 */
public class GuardedMessageProcessorFactory extends NioMessageProcessorFactory {

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
                                                   String transport) throws IOException {
        if ("TCP".equalsIgnoreCase(transport)) {
            return new GuardedTcpMessageProcessor(address, stack, port);
        }
        if ("UDP".equalsIgnoreCase(transport) && stack instanceof CountingSipStack ours) {
            return new AdmissionUdpMessageProcessor(address, stack, port, ours.admission(), ours.counters(),
                    ours.workers(), ours.getStackName());
        }
        return super.createMessageProcessor(stack, address, port, transport);
    }
}
