package io.github.gb28181.camel.upstream;

import java.nio.charset.Charset;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.manscdp.ManscdpException;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.model.CatalogItem;
import io.github.gb28181.camel.manscdp.model.CatalogNotify;
import io.github.gb28181.camel.sip.IncomingRequest;
import io.github.gb28181.camel.sip.RequestSender;
import io.github.gb28181.camel.sip.transport.SipFactories;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.header.EventHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upper platform's catalog subscriptions (SUBSCRIBE with Event: Catalog): each is a dialog, refreshed by the
 * upper platform within it and ended with Expires: 0 or by running out. While it lasts, every change the lower side
 * reports (a device online or offline, channels added or removed) goes up as NOTIFYs in that dialog, the items with
 * their Event, in parts like any multi-part document.
 */
final class CatalogSubscribers {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogSubscribers.class);
    private static final String CATALOG = "Catalog";
    private static final int DEFAULT_EXPIRES = 3600;
    /** The longest subscription we grant: the upper platform refreshes it within that. */
    private static final int MAX_EXPIRES = 86_400;

    private final UpstreamLink link;
    private final RequestSender sender;
    private final ScheduledExecutorService timer;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

    private static final class Subscription {
        private final Dialog dialog;
        private final String eventId;
        private final Charset charset;
        private volatile long expiresAtNanos;

        private Subscription(Dialog dialog, String eventId, Charset charset) {
            this.dialog = dialog;
            this.eventId = eventId;
            this.charset = charset;
        }

        long secondsLeft() {
            return Math.max(0, TimeUnit.NANOSECONDS.toSeconds(expiresAtNanos - System.nanoTime()));
        }
    }

    CatalogSubscribers(UpstreamLink link, RequestSender sender, ScheduledExecutorService timer) {
        this.link = link;
        this.sender = sender;
        this.timer = timer;
    }

    boolean owns(String callId) {
        return subscriptions.containsKey(callId);
    }

    Set<String> ids() {
        return Set.copyOf(subscriptions.keySet());
    }

    void onSubscribe(IncomingRequest in) {
        EventHeader event = (EventHeader) in.request().getHeader(EventHeader.NAME);
        if (event == null || !CATALOG.equalsIgnoreCase(event.getEventType())) {
            in.respond(Response.BAD_EVENT, "Only Catalog subscriptions are served");
            return;
        }
        ManscdpMessage query = null;
        byte[] body = in.request().getRawContent();
        if (body != null && body.length > 0) {
            try {
                query = link.codec().decode(body);
            } catch (ManscdpException e) {
                in.respond(Response.BAD_REQUEST, "Bad MANSCDP body");
                return;
            }
        }
        ExpiresHeader expiresHeader = (ExpiresHeader) in.request().getHeader(ExpiresHeader.NAME);
        int expires = Math.min(MAX_EXPIRES, expiresHeader != null ? expiresHeader.getExpires() : DEFAULT_EXPIRES);
        ManscdpMessage asked = query;
        UpstreamTraffic traffic = link.traffic(UpstreamTraffic.Direction.IN, Request.SUBSCRIBE, asked, in.callId(),
                asked);
        link.hook().request(traffic).whenComplete((veto, error) -> {
            if (error != null) {
                in.respond(Response.SERVER_INTERNAL_ERROR);
            } else if (veto != null) {
                in.respond(veto);
            } else {
                accept(in, event, asked, expires);
            }
        });
    }

    private void accept(IncomingRequest in, EventHeader event, ManscdpMessage query, int expires) {
        String callId = in.callId();
        Subscription existing = subscriptions.get(callId);
        try {
            Dialog dialog = existing != null ? existing.dialog : sender.newServerDialog(in.transaction());
            Response ok = in.createResponse(Response.OK);
            ok.setHeader(SipFactories.HEADERS.createExpiresHeader(expires));
            ok.setHeader(link.requests().contact());
            if (expires == 0) {
                subscriptions.remove(callId);
                in.send(ok);
                LOG.info("Upper platform {} ended its catalog subscription {}", link.settings().name(), callId);
                return;
            }
            Subscription subscription = existing != null ? existing
                    : new Subscription(dialog, event.getEventId(),
                            query != null && query.getCharset() != null ? query.getCharset()
                                    : link.codec().getDefaultCharset());
            subscription.expiresAtNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(expires);
            subscriptions.put(callId, subscription);
            in.send(ok);
            if (existing == null) {
                LOG.info("Upper platform {} subscribed to our catalog for {} s", link.settings().name(), expires);
            }
            // forget it when it lapses unrefreshed: the upper platform has gone, or forgot
            timer.schedule(() -> lapse(callId, subscription), expires + 5L, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Cannot accept the catalog subscription of {}: {}", link.settings().name(), e.getMessage());
            in.respond(Response.SERVER_INTERNAL_ERROR);
        }
    }

    private void lapse(String callId, Subscription subscription) {
        if (subscription.secondsLeft() == 0 && subscriptions.remove(callId, subscription)) {
            LOG.info("Catalog subscription {} of {} lapsed", callId, link.settings().name());
        }
    }

    /** Sends the changes to every live subscription. */
    void changed(List<CatalogItem> changes) {
        if (changes.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Subscription> entry : subscriptions.entrySet()) {
            Subscription subscription = entry.getValue();
            if (subscription.secondsLeft() == 0) {
                subscriptions.remove(entry.getKey(), subscription);
                continue;
            }
            CatalogNotify notify = new CatalogNotify();
            notify.setSn(link.sn().next());
            notify.setDeviceId(link.settings().localId());
            notify.setItems(List.copyOf(changes));
            notify.setSumNum(changes.size());
            UpstreamTraffic traffic = link.traffic(UpstreamTraffic.Direction.OUT, Request.NOTIFY, notify,
                    entry.getKey(), notify);
            link.hook().outgoing(traffic, notify).whenComplete((approved, error) -> {
                if (error == null && approved != null) {
                    send(entry.getKey(), subscription, approved);
                }
            });
        }
    }

    /** In parts like any multi-part document, all in the subscription's dialog, over the transport it runs on. */
    private void send(String callId, Subscription subscription, ManscdpMessage notify) {
        link.parts().send(link.plan(notify, subscription.charset), (body, transport) -> notify(subscription, body))
                .whenComplete((count, error) -> {
            if (error != null) {
                LOG.info("Catalog change not delivered to {} (subscription {}): {}", link.settings().name(), callId,
                        UpstreamLink.rootMessage(error));
            }
        });
    }

    private CompletableFuture<Response> notify(Subscription subscription, byte[] body) {
        try {
            Request notify = subscription.dialog.createRequest(Request.NOTIFY);
            EventHeader event = SipFactories.HEADERS.createEventHeader(CATALOG);
            if (subscription.eventId != null) {
                event.setEventId(subscription.eventId);
            }
            notify.setHeader(event);
            SubscriptionStateHeader state = SipFactories.HEADERS.createSubscriptionStateHeader(
                    SubscriptionStateHeader.ACTIVE.toLowerCase(Locale.ROOT));
            state.setExpires((int) subscription.secondsLeft());
            notify.setHeader(state);
            notify.setHeader(link.requests().contact());
            notify.setContent(body, SipFactories.HEADERS.createContentTypeHeader(UpstreamRequests.MANSCDP_TYPE,
                    UpstreamRequests.MANSCDP_SUBTYPE));
            return sender.send(notify, subscription.dialog);
        } catch (ParseException | InvalidArgumentException | javax.sip.SipException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    void close() {
        subscriptions.clear();
    }
}
