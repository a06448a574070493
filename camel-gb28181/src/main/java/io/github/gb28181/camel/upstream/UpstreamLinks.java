package io.github.gb28181.camel.upstream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import io.github.gb28181.camel.concurrent.ThreadSource;
import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.sip.IncomingRequest;
import io.github.gb28181.camel.sip.RequestSender;
import io.github.gb28181.camel.sip.SipRequestHandler;
import io.github.gb28181.camel.sip.command.SnSequence;
import io.github.gb28181.camel.sip.transport.SipServer;
import javax.sip.message.Response;

/**
 * The upper platforms one SIP server is registered to: cascade links and device roles alike. Requests reach the
 * link whose upper platform sent them (its id in From, from its address, or a dialog it holds), before the
 * platform's own handlers, which get everything else. Links share the server's stack, one timer thread and the
 * hooks routes add to watch the traffic.
 */
public final class UpstreamLinks {

    private final SipServer server;
    private final RequestSender sender;
    private final ManscdpCodec codec;
    private final SnSequence sn;
    private final ThreadSource threads;
    private final Consumer<UpstreamStatus> statusListener;
    private final List<UpstreamLink> links = new CopyOnWriteArrayList<>();
    private final List<UpstreamHook> hooks = new CopyOnWriteArrayList<>();
    private final UpstreamHook chain = new Chain();
    private final ScheduledExecutorService timer;
    private boolean started;
    private boolean stopped;

    /**
     * @param name           what the timer thread is named after (the server's host:port)
     * @param statusListener hears every link go online and offline
     */
    public UpstreamLinks(SipServer server, RequestSender sender, ManscdpCodec codec, SnSequence sn,
                         ThreadSource threads, String name, Consumer<UpstreamStatus> statusListener) {
        this.server = server;
        this.sender = sender;
        this.codec = codec;
        this.sn = sn;
        this.threads = threads;
        this.statusListener = statusListener;
        this.timer = threads.newScheduler("gb28181-upstream-" + name);
    }

    /** Starts the links added so far; the SIP server must be running. */
    public synchronized void start() {
        if (!started && !stopped) {
            started = true;
            links.forEach(UpstreamLink::start);
        }
    }

    /** Ends the links' sessions, unregisters from every upper platform and stops the timer. Single use. */
    public synchronized void stop() {
        stopped = true;
        links.forEach(UpstreamLink::stop);
        links.clear();
        threads.shutdown(timer, Duration.ZERO);
    }

    /**
     * Adds a link to an upper platform and, once started, registers to it.
     *
     * @throws IllegalArgumentException when a link to the same upper platform with the same local id exists
     */
    public synchronized UpstreamLink add(UpstreamSettings settings, LowerSide side) {
        for (UpstreamLink link : links) {
            if (link.settings().serverId().equals(settings.serverId())
                && link.settings().localId().equals(settings.localId())) {
                throw new IllegalArgumentException("Already registered to " + settings.serverId() + " as "
                                                   + settings.localId() + " (" + link.settings().name() + ")");
            }
        }
        if (stopped) {
            throw new IllegalStateException("The SIP server has stopped");
        }
        UpstreamLink link = new UpstreamLink(settings, side, server, sender, codec, sn, timer, () -> chain,
                statusListener);
        links.add(link);
        if (started) {
            link.start();
        }
        return link;
    }

    /** Unregisters and forgets a link. */
    public synchronized void remove(UpstreamLink link) {
        if (links.remove(link)) {
            link.stop();
        }
    }

    /** Whether an id (a request's From user) is that of a platform one of the links is registered to. */
    public boolean isUpperPlatform(String id) {
        if (id != null) {
            for (UpstreamLink link : links) {
                if (id.equals(link.settings().serverId())) {
                    return true;
                }
            }
        }
        return false;
    }

    public List<UpstreamLink> links() {
        return List.copyOf(links);
    }

    public void addHook(UpstreamHook hook) {
        hooks.add(hook);
    }

    public void removeHook(UpstreamHook hook) {
        hooks.remove(hook);
    }

    /**
     * A handler that gives upper platforms' requests to their link and everything else to {@code platform}, or
     * answers 481 (in a dialog) or 405 when there is no platform handler for the method.
     */
    public SipRequestHandler front(SipRequestHandler platform) {
        return in -> {
            UpstreamLink link = linkFor(in);
            if (link != null) {
                link.handle(in);
            } else if (platform != null) {
                platform.handle(in);
            } else if (in.transaction() != null) {
                in.respond(javax.sip.message.Request.CANCEL.equals(in.method())
                        ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.METHOD_NOT_ALLOWED);
            }
        };
    }

    private UpstreamLink linkFor(IncomingRequest in) {
        if (links.isEmpty()) {
            return null;
        }
        UpstreamLink first = null;
        for (UpstreamLink link : links) {
            if (link.owns(in)) {
                if (link.addressed(in)) {
                    return link;
                }
                if (first == null) {
                    first = link;
                }
            }
        }
        return first;
    }

    /** Every hook in turn: the first refusal wins; each may change the document the next one sees. */
    private final class Chain implements UpstreamHook {
        @Override
        public CompletionStage<Integer> request(UpstreamTraffic traffic) {
            CompletionStage<Integer> verdict = CompletableFuture.completedFuture(null);
            for (UpstreamHook hook : hooks) {
                verdict = verdict.thenCompose(v -> v != null ? CompletableFuture.completedFuture(v)
                        : hook.request(traffic));
            }
            return verdict;
        }

        @Override
        public CompletionStage<ManscdpMessage> outgoing(UpstreamTraffic traffic, ManscdpMessage document) {
            CompletionStage<ManscdpMessage> result = CompletableFuture.completedFuture(document);
            for (UpstreamHook hook : hooks) {
                result = result.thenCompose(d -> d == null ? CompletableFuture.completedFuture(null)
                        : hook.outgoing(traffic, d));
            }
            return result;
        }
    }
}
