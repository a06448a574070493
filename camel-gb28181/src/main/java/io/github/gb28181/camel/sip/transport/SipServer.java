package io.github.gb28181.camel.sip.transport;

import java.net.BindException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackImpl;
import io.github.gb28181.camel.concurrent.ThreadSource;
import io.github.gb28181.camel.sip.log.Slf4jServerLogger;
import io.github.gb28181.camel.sip.log.Slf4jStackLogger;
import javax.sip.DialogTerminatedEvent;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One jain-sip stack listening on one address, over UDP and/or TCP, with a single provider for all transports.
 */
public final class SipServer {

    private static final Logger LOG = LoggerFactory.getLogger(SipServer.class);
    private static final AtomicLong STACK_COUNTER = new AtomicLong();
    private static final long BIND_RETRY_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long BIND_RETRY_PAUSE_MILLIS = 50;

    static {
        // jain-sip's static loggers fall back to log4j 1 until a legacy logger is set; set ours before any stack
        // class logs, so log4j is never needed.
        CommonLogger.legacyLogger = new Slf4jStackLogger();
    }

    private final SipServerSettings settings;
    private final SipListener listener;
    private final SipCounters counters;
    private final Admission admission;
    private final ThreadSource threads;
    private final ThreadFactory windDownThreads;
    private SipStackImpl stack;
    private SipProvider provider;
    private final List<ListeningPoint> listeningPoints = new ArrayList<>();
    private String advertisedHost;
    private TcpConnectionGuard tcpGuard;

    public SipServer(SipServerSettings settings, SipListener listener) {
        this(settings, listener, new SipCounters(), ThreadSource.daemon());
    }

    /** @param threads where the TCP guard's timer and the thread that winds a stopped stack down come from */
    public SipServer(SipServerSettings settings, SipListener listener, SipCounters counters, ThreadSource threads) {
        this.settings = settings;
        this.listener = listener;
        this.counters = counters;
        this.admission = new Admission(settings.overload());
        this.threads = threads;
        this.windDownThreads = threads.newThreadFactory("gb28181-sip-stop-" + settings.key());
    }

    public synchronized void start() throws SipException {
        if (stack != null) {
            return;
        }
        try {
            tcpGuard = new TcpConnectionGuard(settings.tcpLimits(), counters, threads, settings.key());
            CountingSipStack counting = new CountingSipStack(stackProperties(), counters, tcpGuard, admission,
                    settings.threadPoolSize());
            if (listener instanceof CollidingRequestHandler colliding) {
                counting.setCollidingRequests(colliding);
            }
            stack = counting;
            for (String transport : settings.transports()) {
                ListeningPoint lp = listen(transport);
                listeningPoints.add(lp);
                if (provider == null) {
                    provider = stack.createSipProvider(lp);
                } else {
                    provider.addListeningPoint(lp);
                }
            }
            provider.addSipListener(listener);
            stack.start();
            advertisedHost = resolveAdvertisedHost();
            LOG.info("SIP server listening on {}:{} {} (advertised as {})", settings.host(), settings.port(),
                    settings.transports(), advertisedHost);
        } catch (Exception e) {
            stop();
            throw e instanceof SipException se ? se
                    : new SipException("Cannot listen on " + settings.key() + " " + settings.transports(), e);
        }
    }

    /**
     * A listening point, waiting briefly for the port if it is still taken: a socket the last stop closed is only
     * released by the kernel once its reader thread has returned from receive, which a busy machine may delay, so a
     * quick restart on the same port would otherwise fail now and then.
     */
    private ListeningPoint listen(String transport) throws Exception {
        long giveUp = System.nanoTime() + BIND_RETRY_NANOS;
        while (true) {
            try {
                return stack.createListeningPoint(settings.host(), settings.port(), transport.toLowerCase());
            } catch (Exception e) {
                if (!portTaken(e) || System.nanoTime() - giveUp > 0) {
                    throw e;
                }
                Thread.sleep(BIND_RETRY_PAUSE_MILLIS);
            }
        }
    }

    private static boolean portTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException
                || t.getMessage() != null && t.getMessage().contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Frees the port at once and lets the stack wind down in the background: jain-sip sleeps a second in each of
     * deleteSipProvider and stop, which would otherwise hold every route shutdown and restart.
     */
    public synchronized void stop() {
        if (stack == null) {
            return;
        }
        SipStackImpl stopping = stack;
        SipProvider stoppingProvider = provider;
        try {
            if (provider != null) {
                provider.removeSipListener(listener);
                for (ListeningPoint lp : listeningPoints) {
                    try {
                        provider.removeListeningPoint(lp);
                        stopping.deleteListeningPoint(lp);
                    } catch (Exception e) {
                        LOG.debug("Releasing listening point {}", lp, e);
                    }
                }
            }
        } finally {
            if (tcpGuard != null) {
                tcpGuard.stop();
                tcpGuard = null;
            }
            stack = null;
            provider = null;
            listeningPoints.clear();
            windDownThreads.newThread(() -> windDown(stopping, stoppingProvider)).start();
            LOG.info("SIP server on {} stopped", settings.key());
        }
    }

    private static void windDown(SipStackImpl stack, SipProvider provider) {
        try {
            if (provider != null) {
                stack.deleteSipProvider(provider);
            }
        } catch (Exception e) {
            LOG.debug("Deleting the SIP provider", e);
        }
        EventScanner scanner = stack.getEventScanner();
        stack.stop();
        wake(scanner, provider);
    }

    /**
     * jain-sip's stop flags its event thread but leaves it waiting for an event that never comes: a non-daemon thread
     * that keeps the JVM alive and leaks one thread per restart. One empty event lets it see the flag and end.
     */
    private static void wake(EventScanner scanner, SipProvider provider) {
        if (scanner != null && provider != null) {
            scanner.addEvent(new EventWrapper(new DialogTerminatedEvent(provider, null), null));
        }
    }

    public SipProvider provider() {
        return provider;
    }

    public SipServerSettings settings() {
        return settings;
    }

    /** What this server refused or dropped. */
    public SipCounters counters() {
        return counters;
    }

    /** What decides which UDP datagrams wait for a worker, and what it shed. */
    public Admission admission() {
        return admission;
    }

    /** TCP connections devices (or anyone) hold open to this server now. */
    public synchronized int openTcpConnections() {
        return tcpGuard == null ? 0 : tcpGuard.openConnections();
    }

    /**
     * Server transactions the stack holds now, completed ones included: over UDP each is kept 32 s after its answer
     * (Timer J).
     */
    public synchronized int serverTransactions() {
        return stack == null ? 0 : stack.getServerTransactionTableSize();
    }

    /** Client transactions (our requests) the stack holds now. */
    public synchronized int clientTransactions() {
        return stack == null ? 0 : stack.getClientTransactionTableSize();
    }

    /** The host written into Via and Contact of requests we send. */
    public String advertisedHost() {
        return advertisedHost;
    }

    public int port() {
        return settings.port();
    }

    private Properties stackProperties() {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "gb28181-" + settings.key() + "-" + STACK_COUNTER.incrementAndGet());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        // dialogs are created explicitly for INVITE; REGISTER and MESSAGE must not leave dialog state behind
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.AUTOMATIC_DIALOG_ERROR_HANDLING", "false");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        // a completed transaction keeps only what it needs to answer retransmissions: at thousands of keepalives a
        // second, each of them held for 32 s, the parsed requests are most of the heap
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        // thousands of devices keep alive in bursts: a 208 KiB default socket buffer overflows during a GC pause and
        // the kernel drops their datagrams (the kernel caps this at net.core.rmem_max)
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(4 * 1024 * 1024));
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(settings.threadPoolSize()));
        // our UDP reader bounds its queues and drops what waited too long (Admission); jain-sip's own auditor would
        // only add a timer thread sweeping a queue that is no longer used
        p.setProperty("gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT", "0");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(settings.maxMessageSize()));
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        // over UDP the datagram's end is the body's end: devices that get Content-Length wrong, or write 0 before a
        // MANSCDP body, are still understood
        p.setProperty("gov.nist.javax.sip.COMPUTE_CONTENT_LENGTH_FROM_MESSAGE_BODY", "true");
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", TolerantMessageParserFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", GuardedMessageProcessorFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE", TransactionMatchingValve.class.getName());
        return p;
    }

    private String resolveAdvertisedHost() {
        if (settings.advertisedAddress() != null && !settings.advertisedAddress().isBlank()) {
            return settings.advertisedAddress();
        }
        String host = settings.host();
        if (!"0.0.0.0".equals(host) && !"::".equals(host)) {
            return host;
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address.getAddress().length == 4) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            LOG.debug("Cannot list network interfaces", e);
        }
        return "127.0.0.1";
    }
}
