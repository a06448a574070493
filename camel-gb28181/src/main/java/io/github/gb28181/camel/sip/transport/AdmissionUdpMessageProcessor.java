package io.github.gb28181.camel.sip.transport;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.LinkedList;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import io.github.gb28181.camel.sip.log.LogThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jain-sip's UDP listener with admission control in its reader. jain-sip's reader puts every datagram, in a fresh
 * buffer of the largest datagram size, on an unbounded queue that its workers parse and process in arrival order:
 * under a burst the queue grows without limit, keepalives wait behind strangers' REGISTERs, and by the time a
 * worker reaches a request its sender has retransmitted it, so the same work is done twice and the burst feeds
 * itself. Here the reader copies each datagram out of one reused buffer, reads what it is from a few header bytes
 * ({@link DatagramTriage}), lets {@link Admission} decide, and either queues it in the {@link AdmissionQueue} the
 * workers take from or answers 503 with Retry-After on the spot, without parsing it.
 */
final class AdmissionUdpMessageProcessor extends UDPMessageProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(AdmissionUdpMessageProcessor.class);
    private static final int MAX_DATAGRAM = 65_535;
    /**
     * Threads that read the socket. Every datagram passes a reader, and what it does not read waits in the kernel's
     * buffer in arrival order, keepalives behind strangers, before any queue here can put them first. One thread gets
     * one share of a busy machine's cores, not enough for a storm's datagrams; two keep up (Kamailio, likewise, runs
     * several receivers on one UDP socket).
     */
    private static final int READERS = 2;

    private final Admission admission;
    private final SipCounters counters;
    private final AdmissionQueue queue;
    private final int workers;
    private final String stackName;
    private final LogThrottle failureLog = new LogThrottle();

    AdmissionUdpMessageProcessor(InetAddress address, SIPTransactionStack stack, int port, Admission admission,
                                 SipCounters counters, int workers, String stackName) throws IOException {
        super(address, stack, port);
        this.admission = admission;
        this.counters = counters;
        this.workers = workers;
        this.stackName = stackName;
        this.queue = new AdmissionQueue(admission, System::currentTimeMillis, workers, Math.max(1, workers / 4));
        this.messageQueue = queue;
        useListenerSocketForSending(stack);
    }

    /**
     * jain-sip answers from the listening socket only when its own factory made the UDP listener, which it says in a
     * package-private flag; without it every response would leave from a new socket and port.
     */
    private static void useListenerSocketForSending(SIPTransactionStack stack) throws IOException {
        try {
            Field flag = SIPTransactionStack.class.getDeclaredField("udpFlag");
            flag.setAccessible(true);
            flag.setBoolean(stack, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("This jain-sip version cannot send UDP from its listening socket", e);
        }
    }

    @Override
    public void run() {
        messageChannels = new LinkedList<>();
        for (int i = 0; i < workers; i++) {
            messageChannels.add(new Worker(getSIPStack(), this, stackName + "-UDPMessageChannelThread-" + i));
        }
        for (int i = 1; i < READERS; i++) {
            Thread reader = new Thread(this::read, stackName + "-UDPReader-" + i);
            reader.setDaemon(true);
            reader.start();
        }
        read();
    }

    /** One reader's loop, until the processor stops (and closes the socket under it). */
    private void read() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (isRunning) {
            try {
                packet.setData(buffer);
                sock.receive(packet);
                admit(packet);
            } catch (SocketException e) {
                if (!isRunning) {
                    return;
                }
                logFailure(e);
            } catch (IOException | RuntimeException e) {
                logFailure(e);
            }
        }
    }

    private void admit(DatagramPacket packet) throws IOException {
        long now = System.currentTimeMillis();
        int length = packet.getLength();
        DatagramTriage triage = DatagramTriage.of(packet.getData(), length);
        Admission.Verdict verdict = admission.classify(triage, now);
        if (verdict != Admission.Verdict.REFUSE) {
            DatagramPacket copy = new DatagramPacket(Arrays.copyOf(packet.getData(), length), length,
                    packet.getAddress(), packet.getPort());
            if (queue.add(new DatagramQueuedMessageDispatch(copy, now), verdict)) {
                return;
            }
            if (verdict != Admission.Verdict.NORMAL) {
                // a known device retransmits; a 503 could make it think the platform is down and register again
                admission.countDroppedFull();
                return;
            }
        }
        refuse(packet, triage, now);
    }

    private void refuse(DatagramPacket packet, DatagramTriage triage, long now) throws IOException {
        if (triage.method() == null || "ACK".equals(triage.method())) {
            admission.countDroppedFull(); // nothing to answer: a response, an ACK, or not SIP at all
            return;
        }
        StatelessReply reply = StatelessReply.of(packet.getData(), packet.getLength(),
                new InetSocketAddress(packet.getAddress(), packet.getPort()), 503, "Service Unavailable",
                "Retry-After: " + admission.retryAfterSeconds(now));
        admission.countRefused(now);
        if (reply == null) {
            counters.countUnparsable();
            return;
        }
        counters.countAnswered(triage.method(), 503);
        counters.countRejected(503);
        sock.send(new DatagramPacket(reply.bytes(), reply.bytes().length, reply.destination()));
    }

    private void logFailure(Exception e) {
        String more = failureLog.admit();
        if (more != null) {
            LOG.warn("UDP receive on port {} failed: {}{}", getPort(), e.toString(), more);
        }
    }

    /** jain-sip's worker, made here because its constructor is protected; it takes from {@link #messageQueue}. */
    private static final class Worker extends UDPMessageChannel {
        Worker(SIPTransactionStack stack, UDPMessageProcessor processor, String threadName) {
            super(stack, processor, threadName);
        }
    }
}
