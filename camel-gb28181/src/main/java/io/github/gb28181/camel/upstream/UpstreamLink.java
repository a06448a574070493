package io.github.gb28181.camel.upstream;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.ManscdpException;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.model.CatalogItem;
import io.github.gb28181.camel.manscdp.model.CatalogQuery;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.manscdp.model.KeepaliveNotify;
import io.github.gb28181.camel.sip.IncomingRequest;
import io.github.gb28181.camel.sip.RequestSender;
import io.github.gb28181.camel.sip.SplitAnswerSender;
import io.github.gb28181.camel.sip.command.SnSequence;
import io.github.gb28181.camel.sip.log.LogThrottle;
import io.github.gb28181.camel.sip.transport.SipServer;
import javax.sip.address.SipURI;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Us towards one upper platform: registered to it and kept alive, answering its queries from the lower side
 * (catalog in paced parts, the rest as the side answers), passing its controls down and their results up, honouring
 * its catalog subscription, and serving its INVITEs. What the side reports unasked (alarms, catalog changes, ended
 * sessions) goes up while we are registered.
 */
public final class UpstreamLink {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamLink.class);
    private final LogThrottle refusedLog = new LogThrottle();

    private final UpstreamSettings settings;
    private final LowerSide side;
    private final RequestSender sender;
    private final ManscdpCodec codec;
    private final SnSequence sn;
    private final UpstreamRequests requests;
    private final Registration registration;
    private final SplitAnswerSender parts;
    private final CatalogSubscribers subscribers;
    private final UpstreamSessions sessions;
    private final HookSource hooks;
    private volatile Set<String> trustedHosts = Set.of();
    private volatile int headerBytes = -1;

    /** Where the link finds the hook of the moment: routes that watch come and go. */
    interface HookSource {
        UpstreamHook hook();
    }

    UpstreamLink(UpstreamSettings settings, LowerSide side, SipServer server, RequestSender sender,
                 ManscdpCodec codec, SnSequence sn, ScheduledExecutorService timer, HookSource hooks,
                 Consumer<UpstreamStatus> statusListener) {
        this.settings = settings;
        this.side = side;
        this.sender = sender;
        this.codec = codec;
        this.sn = sn;
        this.hooks = hooks;
        this.requests = new UpstreamRequests(server, settings);
        this.parts = new SplitAnswerSender(codec, timer, settings.messageIntervalMillis());
        this.registration = new Registration(settings, sender, requests, timer, this::keepaliveBody,
                new Registration.Listener() {
                    @Override
                    public void online() {
                        statusListener.accept(status(true, null));
                    }

                    @Override
                    public void offline(String reason) {
                        statusListener.accept(status(false, reason));
                    }
                });
        this.subscribers = new CatalogSubscribers(this, sender, timer);
        this.sessions = new UpstreamSessions(this, sender, timer);
        side.listen(new LowerSide.Listener() {
            @Override
            public void catalogChanged(List<CatalogItem> changes) {
                subscribers.changed(changes);
            }

            @Override
            public void forward(ManscdpMessage notify) {
                UpstreamLink.this.forward(notify);
            }

            @Override
            public void sessionEnded(String sessionId, boolean endOfFile) {
                sessions.endedBelow(sessionId, endOfFile);
            }
        });
    }

    public UpstreamSettings settings() {
        return settings;
    }

    public LowerSide side() {
        return side;
    }

    public boolean isOnline() {
        return registration.isOnline();
    }

    /** Where we stand: online, or offline with why the last attempt failed (null before one did). */
    public UpstreamStatus status() {
        boolean online = isOnline();
        return status(online, online ? null : registration.lastFailure());
    }

    /** The sessions the upper platform has open with us, by Call-ID. */
    public Set<String> sessionIds() {
        return sessions.ids();
    }

    /** The catalog subscriptions the upper platform holds, by Call-ID. */
    public Set<String> subscriptionIds() {
        return subscribers.ids();
    }

    void start() {
        trustedHosts = resolve(settings.host());
        registration.start();
    }

    void stop() {
        sessions.close();
        subscribers.close();
        registration.stop();
        side.close();
    }

    /** Whether a request is this upper platform's: its id in From, from its address, for us or what we share. */
    boolean owns(IncomingRequest in) {
        if (sessions.owns(in.callId()) || subscribers.owns(in.callId())) {
            return true;
        }
        if (!settings.serverId().equals(in.fromUser())) {
            return false;
        }
        if (!trustedHosts.isEmpty() && !trustedHosts.contains(in.remoteHost())) {
            String suffix = refusedLog.admit();
            if (suffix != null) {
                LOG.warn("A request from {} names upper platform {} but does not come from {}{}", in.remoteAddress(),
                        settings.serverId(), settings.host(), suffix);
            }
            return false;
        }
        return true;
    }

    /**
     * Whether the request addresses us here: our own id or something the side serves. Decides between links of the
     * same upper platform (a cascade link and a device role registered to one platform).
     */
    boolean addressed(IncomingRequest in) {
        String user = requestUser(in);
        return user == null || user.equals(settings.localId()) || side.serves(user);
    }

    void handle(IncomingRequest in) throws Exception {
        switch (in.method()) {
            case Request.MESSAGE -> onMessage(in);
            case Request.SUBSCRIBE -> subscribers.onSubscribe(in);
            case Request.INVITE -> sessions.onInvite(in);
            case Request.ACK -> sessions.onAck(in);
            case Request.BYE -> sessions.onBye(in);
            case Request.CANCEL -> sessions.onCancel(in);
            case Request.INFO -> sessions.onInfo(in);
            default -> in.respond(Response.METHOD_NOT_ALLOWED);
        }
    }

    private void onMessage(IncomingRequest in) {
        byte[] body = in.request().getRawContent();
        ManscdpMessage document;
        try {
            document = codec.decode(body == null ? new byte[0] : body);
        } catch (ManscdpException e) {
            String suffix = refusedLog.admit();
            if (suffix != null) {
                LOG.info("Bad MANSCDP body from upper platform {}: {}{}", settings.name(), e.getMessage(), suffix);
            }
            in.respond(Response.BAD_REQUEST, "Bad MANSCDP body");
            return;
        }
        String target = document.getDeviceId();
        if (target != null && !target.equals(settings.localId()) && !side.serves(target)) {
            in.respond(Response.NOT_FOUND, "Not shared");
            return;
        }
        UpstreamTraffic traffic = traffic(UpstreamTraffic.Direction.IN, Request.MESSAGE, document, in.callId(),
                document);
        hooks.hook().request(traffic).whenComplete((veto, error) -> {
            if (error != null) {
                LOG.warn("Upstream hook failed on {} from {}: {}", document.getCmdType(), settings.name(),
                        error.getMessage());
                in.respond(Response.SERVER_INTERNAL_ERROR);
            } else if (veto != null) {
                in.respond(veto);
            } else {
                in.respond(Response.OK);
                act(document, body);
            }
        });
    }

    private void act(ManscdpMessage document, byte[] body) {
        RootKind kind = document.getKind();
        if (kind == RootKind.QUERY && document instanceof CatalogQuery) {
            CatalogResponse catalog = new CatalogResponse();
            catalog.setDeviceId(document.getDeviceId() != null ? document.getDeviceId() : settings.localId());
            List<CatalogItem> items = side.catalog(catalog.getDeviceId());
            catalog.setItems(items);
            catalog.setSumNum(items.size());
            answer(document, catalog);
        } else if (kind == RootKind.QUERY) {
            side.query(document, body).whenComplete((answer, error) -> {
                if (error != null) {
                    LOG.info("Cannot answer {} {} of {}: {}", document.getCmdType(), document.getDeviceId(),
                            settings.name(), rootMessage(error));
                } else if (answer != null) {
                    answer(document, answer);
                }
            });
        } else if (kind == RootKind.CONTROL) {
            side.control(document, body).whenComplete((result, error) -> {
                if (error != null) {
                    LOG.info("{} {} from {} not carried out: {}", document.getCmdType(), document.getDeviceId(),
                            settings.name(), rootMessage(error));
                } else if (result != null) {
                    answer(document, result);
                }
            });
        }
        // a Notify or Response from the upper platform (the answer to an alarm we forwarded) needs nothing more
    }

    /** Sends the answer to a query or control: under its SN, for its DeviceID, in parts when it has many items. */
    void answer(ManscdpMessage asked, ManscdpMessage answer) {
        answer.setSn(asked.getSn());
        if (answer.getDeviceId() == null) {
            answer.setDeviceId(asked.getDeviceId());
        }
        Charset charset = asked.getCharset() != null ? asked.getCharset() : codec.getDefaultCharset();
        send(answer, charset);
    }

    /** Forwards a notification from below (an alarm) under an SN of ours. */
    void forward(ManscdpMessage notify) {
        if (!isOnline()) {
            LOG.debug("{} {} not forwarded to {}: not registered", notify.getCmdType(), notify.getDeviceId(),
                    settings.name());
            return;
        }
        notify.setSn(sn.next());
        send(notify, notify.getCharset() != null ? notify.getCharset() : codec.getDefaultCharset());
    }

    private void send(ManscdpMessage document, Charset charset) {
        UpstreamTraffic traffic = traffic(UpstreamTraffic.Direction.OUT, Request.MESSAGE, document, null, document);
        hooks.hook().outgoing(traffic, document).whenComplete((approved, error) -> {
            if (error != null) {
                LOG.warn("Upstream hook failed on {} to {}: {}", document.getCmdType(), settings.name(),
                        error.getMessage());
            } else if (approved != null) {
                SplitAnswerSender.Plan plan;
                try {
                    plan = plan(approved, charset);
                } catch (RuntimeException e) {
                    LOG.warn("Cannot write {} for {}: {}", approved.getCmdType(), settings.name(), e.getMessage());
                    return;
                }
                parts.send(plan, this::sendMessage).whenComplete((count, failure) -> {
                    if (failure != null) {
                        LOG.info("{} {} to {} cut short: {}", approved.getCmdType(), approved.getDeviceId(),
                                settings.name(), rootMessage(failure));
                    } else {
                        LOG.debug("{} {} sent to {} in {} MESSAGEs", approved.getCmdType(), approved.getDeviceId(),
                                settings.name(), count);
                    }
                });
            }
        });
    }

    /**
     * How a document goes up (Annex M): over UDP in parts that keep each MESSAGE within 1300 bytes, over TCP (the
     * upper platform's, or because the answer is too big for UDP) in parts of {@code itemsPerMessage} records.
     */
    SplitAnswerSender.Plan plan(ManscdpMessage document, Charset charset) {
        return parts.plan(document, charset, settings.transport(), headerBytes(), settings.tcpItemsPerMessage());
    }

    SplitAnswerSender parts() {
        return parts;
    }

    private CompletableFuture<Response> sendMessage(byte[] body, String transport) {
        try {
            return sender.send(requests.message(body, SplitAnswerSender.TCP.equals(transport)));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** What one of our MESSAGEs takes beside its body. */
    private int headerBytes() {
        if (headerBytes < 0) {
            try {
                headerBytes = SplitAnswerSender.headerBytes(requests.message(new byte[0]));
            } catch (Exception e) {
                return 500;
            }
        }
        return headerBytes;
    }

    private byte[] keepaliveBody() {
        KeepaliveNotify keepalive = new KeepaliveNotify();
        keepalive.setSn(sn.next());
        keepalive.setDeviceId(settings.localId());
        keepalive.setStatus("OK");
        return codec.encode(keepalive, codec.getDefaultCharset());
    }

    UpstreamHook hook() {
        return hooks.hook();
    }

    ManscdpCodec codec() {
        return codec;
    }

    SnSequence sn() {
        return sn;
    }

    UpstreamRequests requests() {
        return requests;
    }

    UpstreamTraffic traffic(UpstreamTraffic.Direction direction, String method, ManscdpMessage document,
                            String callId, Object body) {
        return new UpstreamTraffic(settings.name(), settings.serverId(), direction, method,
                document != null ? document.getCmdType() : null, document != null ? document.getSn() : null,
                document != null ? document.getDeviceId() : null, callId, body);
    }

    private UpstreamStatus status(boolean online, String reason) {
        return new UpstreamStatus(settings.name(), settings.serverId(), settings.address(), settings.transport(),
                settings.localId(), online, online ? registration.grantedExpires() : 0, reason);
    }

    /** The user part of the Request-URI, else of To: the id the request is for. */
    static String requestUser(IncomingRequest in) {
        if (in.request().getRequestURI() instanceof SipURI uri && uri.getUser() != null) {
            return uri.getUser();
        }
        ToHeader to = (ToHeader) in.request().getHeader(ToHeader.NAME);
        return to != null && to.getAddress().getURI() instanceof SipURI uri ? uri.getUser() : null;
    }

    private static Set<String> resolve(String host) {
        try {
            return Stream.of(InetAddress.getAllByName(host)).map(InetAddress::getHostAddress)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (UnknownHostException e) {
            LOG.warn("Cannot resolve upper platform host {}: its requests are taken from any address", host);
            return Set.of();
        }
    }

    static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "UpstreamLink[" + settings + (isOnline() ? ", online" : ", offline") + "]";
    }
}
