package io.github.gb28181.camel.sip.transport;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.gb28181.camel.concurrent.ThreadSource;
import io.github.gb28181.camel.sip.log.LogThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the TCP connections opened to one SIP server within {@link TcpLimits}: counts them per address, refusing
 * those beyond the limit, and closes, from a timer of its own, those whose message does not complete in time and
 * those that stay idle without a device on them. One per server; stopped with it.
 */
final class TcpConnectionGuard {

    private static final Logger LOG = LoggerFactory.getLogger(TcpConnectionGuard.class);
    /** Shared: a flood of connections comes from many addresses. */
    private static final LogThrottle REFUSED_LOG = new LogThrottle();
    private static final LogThrottle CLOSED_LOG = new LogThrottle();

    private static final long REFUSED_CLOSE_DELAY_MILLIS = 20;

    private final TcpLimits limits;
    private final SipCounters counters;
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Set<GuardedTcpMessageChannel> open = ConcurrentHashMap.newKeySet();
    private final ThreadSource threads;
    private final ScheduledExecutorService timer;

    TcpConnectionGuard(TcpLimits limits, SipCounters counters, ThreadSource threads, String name) {
        this.limits = limits;
        this.counters = counters;
        this.threads = threads;
        this.timer = threads.newScheduler("gb28181-tcp-guard-" + name);
        long period = Math.max(50, Math.min(1000, Math.min(limits.messageTimeoutMillis(), limits.idleTimeoutMillis()) / 4));
        timer.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    TcpLimits limits() {
        return limits;
    }

    /** A connection was accepted: counted, or, beyond the address's limit, closed at once. */
    void opened(GuardedTcpMessageChannel channel, InetAddress address) {
        AtomicInteger count = perAddress.computeIfAbsent(address, a -> new AtomicInteger());
        if (count.incrementAndGet() > limits.maxConnectionsPerAddress()) {
            counters.countTcpRefused();
            String more = REFUSED_LOG.admit();
            if (more != null) {
                LOG.warn("Refusing a TCP connection from {}: it holds {} already (maxTcpConnectionsPerAddress){}",
                        address.getHostAddress(), limits.maxConnectionsPerAddress(), more);
            }
            // jain-sip registers the connection with its selector once we return: close it right after that
            open.add(channel);
            timer.schedule(channel::closeGuarded, REFUSED_CLOSE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        open.add(channel);
    }

    /** A connection closed, for whatever reason: uncounted once. */
    void closed(GuardedTcpMessageChannel channel, InetAddress address) {
        if (open.remove(channel)) {
            perAddress.computeIfPresent(address, (a, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
    }

    /** Connections held now, and connections from one address. */
    int openConnections() {
        return open.size();
    }

    private void sweep() {
        long now = System.nanoTime();
        for (GuardedTcpMessageChannel channel : open) {
            String why = channel.overdue(now, limits);
            if (why != null) {
                counters.countTcpTimedOut();
                String more = CLOSED_LOG.admit();
                if (more != null) {
                    LOG.info("Closing the TCP connection of {}:{}: {}{}", channel.getPeerAddress(), channel.getPeerPort(),
                            why, more);
                }
                channel.closeGuarded();
            }
        }
    }

    void stop() {
        threads.shutdown(timer, Duration.ZERO);
        open.clear();
        perAddress.clear();
    }
}
