package io.github.gb28181.camel.sip.transport;

import java.util.Properties;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import javax.sip.PeerUnavailableException;

/**
 * A jain-sip stack that carries what its server's parser and listeners need ({@link SipCounters}, {@link Admission}):
 * the stack instantiates our parser and message processor factories by class name, and hands them nothing but
 * itself.
 */
final class CountingSipStack extends SipStackImpl {

    private final SipCounters counters;
    private final Admission admission;
    private final int workers;

    CountingSipStack(Properties properties, SipCounters counters, Admission admission, int workers)
            throws PeerUnavailableException {
        super(properties);
        this.counters = counters;
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

    /** The counters of the server that owns {@code stack}; a detached set for a stack that is not ours. */
    static SipCounters of(SIPTransactionStack stack) {
        return stack instanceof CountingSipStack counting && counting.counters != null ? counting.counters
                : new SipCounters();
    }
}
