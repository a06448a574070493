package io.github.gb28181.camel.sip.transport;

import java.util.Properties;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import javax.sip.PeerUnavailableException;

/**
 * A jain-sip stack that carries what its server's parser and listeners need ({@link SipCounters}, {@link Admission},
 * the {@link TcpConnectionGuard}, who answers colliding requests):
 * the stack instantiates our parser and message processor factories by class name, and hands them nothing but
 * itself.
 */
final class CountingSipStack extends SipStackImpl {

    private final SipCounters counters;
    private final TcpConnectionGuard tcpGuard;
    private final Admission admission;
    private final int workers;
    private volatile CollidingRequestHandler collidingRequests;

    CountingSipStack(Properties properties, SipCounters counters, TcpConnectionGuard tcpGuard, Admission admission,
                     int workers) throws PeerUnavailableException {
        super(properties);
        this.counters = counters;
        this.tcpGuard = tcpGuard;
        this.admission = admission;
        this.workers = workers;
    }

    SipCounters counters() {
        return counters;
    }

    /** What decides which UDP datagrams wait for a worker. */
    Admission admission() {
        return admission;
    }

    /** How many threads work on UDP datagrams. */
    int workers() {
        return workers;
    }

    /** The guard of the server's TCP connections; null for a stack that is not ours. */
    static TcpConnectionGuard tcpGuard(SIPTransactionStack stack) {
        return stack instanceof CountingSipStack counting ? counting.tcpGuard : null;
    }

    void setCollidingRequests(CollidingRequestHandler handler) {
        this.collidingRequests = handler;
    }

    /** Who answers requests that share a transaction key with another one; null for a stack that is not ours. */
    static CollidingRequestHandler collidingRequests(SIPTransactionStack stack) {
        return stack instanceof CountingSipStack counting ? counting.collidingRequests : null;
    }

    /** The counters of the server that owns {@code stack}; a detached set for a stack that is not ours. */
    static SipCounters of(SIPTransactionStack stack) {
        return stack instanceof CountingSipStack counting && counting.counters != null ? counting.counters
                : new SipCounters();
    }
}
