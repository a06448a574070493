package io.github.gb28181.camel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.platform.PlatformServer;
import io.github.gb28181.camel.sip.transport.SipCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The platform's meters, read from the protocol layer's own counts when the registry scrapes them (nothing is
 * counted twice, nothing is pushed on the hot path): devices registered and online, open media sessions, failed
 * authentications and lockouts, SIP transactions by method and status class, input the SIP server could not
 * use, and how busy it is: datagrams waiting for a worker, requests shed, events waiting for the routes.
 */
final class Gb28181Metrics {

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    private Gb28181Metrics(MeterRegistry registry) {
        this.registry = registry;
    }

    static Gb28181Metrics bind(MeterRegistry registry, Gb28181Component component) {
        Gb28181Metrics metrics = new Gb28181Metrics(registry);
        metrics.gauge("gb28181.devices", "Devices known to the platform", "state", "registered",
                c -> c.getDeviceRegistry().devices().stream().filter(Device::isRegistered).count(), component);
        metrics.gauge("gb28181.devices", "Devices known to the platform", "state", "online",
                c -> c.getDeviceRegistry().onlineDevices().size(), component);
        // the node's own: a cluster's nodes each count theirs, and the monitoring adds them up
        metrics.gauge("gb28181.media.sessions", "Open live, playback, download and broadcast sessions", null, null,
                c -> sum(c, p -> p.commands().heldSessions()), component);
        metrics.counter("gb28181.auth.failures", "Failed digest authentications",
                c -> sum(c, p -> p.settings().accessPolicy().failures()), component);
        metrics.counter("gb28181.auth.lockouts", "Device ids or addresses locked out after failed authentications",
                c -> sum(c, p -> p.settings().accessPolicy().lockouts()), component);
        metrics.counter("gb28181.commands.matched.by.cmdtype",
                "Answers carrying the device's own SN that completed the only query of their CmdType pending",
                c -> sum(c, p -> p.waiters().matchedByCmdType()), component);
        metrics.counter("gb28181.devices.address.refusals",
                "MESSAGEs in a registered device's name from another address than it registered from (403)",
                c -> sum(c, p -> p.settings().addressBinding().refusals()), component);
        List<String> methods = new ArrayList<>(SipCounters.METHODS);
        methods.add("other");
        for (String method : methods) {
            for (int statusClass = 200; statusClass < 700; statusClass += 100) {
                int status = statusClass;
                metrics.meters.add(FunctionCounter.builder("gb28181.sip.transactions", component,
                        c -> sum(c, p -> p.counters().answered(method, status)))
                        .description("Requests the platform answered, by method and status class")
                        .tag("method", method).tag("status", status / 100 + "xx").register(registry));
            }
        }
        metrics.counter("gb28181.sip.unparsable", "SIP messages that did not parse (answered 400 or dropped)",
                c -> sum(c, p -> p.counters().unparsable()), component);
        metrics.counter("gb28181.sip.retransmissions", "Retransmitted requests absorbed by their transaction",
                c -> sum(c, p -> p.counters().retransmissions()), component);
        metrics.counter("gb28181.sip.tcp.refused", "TCP connections closed at once, their address holding its limit",
                c -> sum(c, p -> p.counters().tcpRefused()), component);
        metrics.counter("gb28181.sip.tcp.timed.out",
                "TCP connections closed for a message that took too long or for idling without a device",
                c -> sum(c, p -> p.counters().tcpTimedOut()), component);
        metrics.gauge("gb28181.sip.tcp.connections", "TCP connections open to the SIP server", null, null,
                c -> sum(c, p -> p.sipServer().openTcpConnections()), component);
        metrics.counter("gb28181.sip.branch.collisions",
                "Requests that shared a transaction key with another request and were answered without a transaction",
                c -> sum(c, p -> p.counters().branchCollisions()), component);
        metrics.counter("gb28181.sip.stray.responses", "Responses no request of the platform was waiting for",
                c -> sum(c, p -> p.counters().strayResponses()), component);
        metrics.counter("gb28181.sip.streams.closed", "TCP connections closed because they could not be framed",
                c -> sum(c, p -> p.counters().streamsClosed()), component);
        metrics.gauge("gb28181.sip.queue.depth", "UDP datagrams waiting for a SIP worker", "queue", "priority",
                c -> sum(c, p -> p.sipServer().admission().priorityDepth()), component);
        metrics.gauge("gb28181.sip.queue.depth", "UDP datagrams waiting for a SIP worker", "queue", "answers",
                c -> sum(c, p -> p.sipServer().admission().answerDepth()), component);
        metrics.gauge("gb28181.sip.queue.depth", "UDP datagrams waiting for a SIP worker", "queue", "normal",
                c -> sum(c, p -> p.sipServer().admission().normalDepth()), component);
        metrics.gauge("gb28181.sip.transactions.held", "SIP transactions the stack holds, answered ones included", "side",
                "server", c -> sum(c, p -> p.sipServer().serverTransactions()), component);
        metrics.gauge("gb28181.sip.transactions.held", "SIP transactions the stack holds, answered ones included", "side",
                "client", c -> sum(c, p -> p.sipServer().clientTransactions()), component);
        metrics.counter("gb28181.sip.shed", "Requests refused or dropped because the platform was busy", "reason",
                "refused", c -> sum(c, p -> p.sipServer().admission().refused()), component);
        metrics.counter("gb28181.sip.shed", "Requests refused or dropped because the platform was busy", "reason",
                "full", c -> sum(c, p -> p.sipServer().admission().droppedFull()), component);
        metrics.counter("gb28181.sip.shed", "Requests refused or dropped because the platform was busy", "reason",
                "expired", c -> sum(c, p -> p.sipServer().admission().expired()), component);
        metrics.gauge("gb28181.queries", "Queries and subscriptions to devices, by state", "state", "waiting",
                c -> sum(c, p -> p.pacer().waiting()), component);
        metrics.gauge("gb28181.queries", "Queries and subscriptions to devices, by state", "state", "in-flight",
                c -> sum(c, p -> p.pacer().inFlight()), component);
        metrics.counter("gb28181.queries.unanswered", "Queries and subscriptions a device never answered",
                c -> sum(c, p -> p.pacer().unanswered()), component);
        metrics.counter("gb28181.queries.refused", "Queries and subscriptions refused because too many were waiting",
                c -> sum(c, p -> p.pacer().refused()), component);
        metrics.gauge("gb28181.events.backlog", "Events waiting for the routes, in the busiest lane", null, null,
                c -> max(c, p -> p.events().backlog()), component);
        return metrics;
    }

    private <T> void gauge(String name, String description, String tag, String value, ToDoubleFunction<T> read,
                           T source) {
        Gauge.Builder<T> builder = Gauge.builder(name, source, read).description(description);
        if (tag != null) {
            builder.tag(tag, value);
        }
        meters.add(builder.register(registry));
    }

    private <T> void counter(String name, String description, ToDoubleFunction<T> read, T source) {
        counter(name, description, null, null, read, source);
    }

    private <T> void counter(String name, String description, String tag, String value, ToDoubleFunction<T> read,
                             T source) {
        FunctionCounter.Builder<T> builder = FunctionCounter.builder(name, source, read).description(description);
        if (tag != null) {
            builder.tag(tag, value);
        }
        meters.add(builder.register(registry));
    }

    /**
     * Meters hold their source weakly: the component, which outlives them, is the source, and the servers are read
     * from it at each scrape.
     */
    private static double sum(Gb28181Component component, ToDoubleFunction<PlatformServer> read) {
        double total = 0;
        for (PlatformServer server : component.runningServers()) {
            total += read.applyAsDouble(server);
        }
        return total;
    }

    private static double max(Gb28181Component component, ToDoubleFunction<PlatformServer> read) {
        double most = 0;
        for (PlatformServer server : component.runningServers()) {
            most = Math.max(most, read.applyAsDouble(server));
        }
        return most;
    }

    void unbind() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
