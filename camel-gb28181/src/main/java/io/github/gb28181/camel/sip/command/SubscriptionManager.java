package io.github.gb28181.camel.sip.command;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.device.DeviceException;
import io.github.gb28181.camel.device.DeviceRejectedException;
import io.github.gb28181.camel.device.DeviceTimeoutException;
import io.github.gb28181.camel.device.DeviceUnavailableException;
import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.model.AlarmQuery;
import io.github.gb28181.camel.manscdp.model.CatalogQuery;
import io.github.gb28181.camel.manscdp.model.MobilePositionQuery;
import io.github.gb28181.camel.manscdp.model.PtzPositionQuery;
import io.github.gb28181.camel.sip.RequestSender;
import io.github.gb28181.camel.sip.transport.SipFactories;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscriptions to a device's catalog changes (Event: Catalog), alarms, mobile positions and (GB/T 28181-2022 9.11)
 * PTZ positions (Event: presence). Each
 * is a SIP dialog, refreshed in-dialog before it expires and ended with Expires: 0. The NOTIFYs that come back are
 * handled like MESSAGEs and become the same events.
 */
public final class SubscriptionManager {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionManager.class);

    /** What can be subscribed to, with the Event header and CmdType GB/T 28181 gives each. */
    public enum Kind {
        CATALOG("Catalog"),
        ALARM("presence"),
        MOBILE_POSITION("presence"),
        /** GB/T 28181-2022 9.11.1: the PTZPosition query as the body; each change comes as a PTZPosition NOTIFY. */
        PTZ_POSITION("presence");

        private final String eventHeader;

        Kind(String eventHeader) {
            this.eventHeader = eventHeader;
        }

        /** catalog, alarm or mobilePosition, in any letter case; anything else fails with those choices. */
        public static Kind of(String name) {
            String normalized = name.trim().toUpperCase(java.util.Locale.ROOT).replace("-", "_");
            for (Kind kind : values()) {
                if (kind.name().equals(normalized) || kind.name().replace("_", "").equals(normalized)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("Unknown subscription '" + name
                                               + "'; use one of catalog, alarm, mobilePosition, ptzPosition");
        }
    }

    /**
     * A subscription as the platform holds it.
     *
     * @param id        the dialog's Call-ID
     * @param deviceId  the device subscribed to
     * @param kind      what is subscribed to
     * @param expires   the lifetime the device granted, in seconds; 0 once ended
     * @param expiresAt when it lapses unless refreshed
     */
    public record Subscription(String id, String deviceId, Kind kind, int expires,
                               @JsonSerialize(using = ToStringSerializer.class) Instant expiresAt) {
    }

    private final RequestSender sender;
    private final ManscdpCodec codec;
    private final SnSequence sn;
    private final DeviceCommander commander;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Map<String, Active> active = new ConcurrentHashMap<>();

    public SubscriptionManager(RequestSender sender, ManscdpCodec codec, SnSequence sn, DeviceCommander commander,
                               ScheduledExecutorService scheduler, Clock clock) {
        this.sender = sender;
        this.codec = codec;
        this.sn = sn;
        this.commander = commander;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Subscribes, or refreshes the existing subscription of that kind to that device. */
    public CompletableFuture<Subscription> subscribe(String deviceId, Kind kind, int expires, int interval,
                                                     Duration timeout) {
        Active existing = active.get(key(deviceId, kind));
        if (existing != null) {
            return refresh(existing, expires, timeout);
        }
        Device device;
        try {
            device = commander.resolve(deviceId, null);
            if (kind == Kind.PTZ_POSITION) {
                commander.requireReadable(device, new PtzPositionQuery());
            }
            Request request = sender.createRequest(Request.SUBSCRIBE, device, device.getDeviceId());
            request.setHeader(sender.platformContact(device.getTransport()));
            decorate(request, device, kind, expires, interval);
            Active subscription = new Active(device, kind, interval);
            return sender.paced(() -> sender.sendDialogCreating(request, dialog -> subscription.dialog = dialog), timeout)
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((response, error) -> accepted(subscription, response, error, expires));
        } catch (DeviceException e) {
            return CompletableFuture.failedFuture(e);
        } catch (ParseException | InvalidArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Ends the subscription of that kind to that device with an in-dialog SUBSCRIBE carrying Expires: 0. */
    public CompletableFuture<Subscription> unsubscribe(String deviceId, Kind kind, Duration timeout) {
        Active subscription = active.remove(key(deviceId, kind));
        if (subscription == null) {
            return CompletableFuture.failedFuture(new DeviceUnavailableException(deviceId,
                    "No " + kind + " subscription to device " + deviceId));
        }
        subscription.end();
        return inDialog(subscription, 0, timeout).thenApply(r -> {
            subscription.dialog.delete();
            return new Subscription(subscription.dialog.getCallId().getCallId(), deviceId, kind, 0, clock.instant());
        });
    }

    public Collection<Subscription> subscriptions() {
        return active.values().stream().map(Active::view).toList();
    }

    /** Stops refreshing; the subscriptions lapse on the devices at their expiry. */
    public void close() {
        active.values().forEach(Active::end);
        active.clear();
    }

    private CompletableFuture<Subscription> refresh(Active subscription, int expires, Duration timeout) {
        return inDialog(subscription, expires, timeout).handle((response, error) -> {
            if (error != null) {
                active.remove(key(subscription.device.getDeviceId(), subscription.kind), subscription);
                throw error instanceof CompletionException ce ? ce : new CompletionException(error);
            }
            subscription.granted(grantedExpires(response, expires), clock.instant());
            schedule(subscription, timeout); // unless it ended while this refresh was under way
            return subscription.view();
        });
    }

    private CompletableFuture<Response> inDialog(Active subscription, int expires, Duration timeout) {
        try {
            Request request = subscription.dialog.createRequest(Request.SUBSCRIBE);
            decorate(request, subscription.device, subscription.kind, expires, subscription.interval);
            return checked(subscription.device, sender.send(request, subscription.dialog)
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (SipException | ParseException | InvalidArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Subscription accepted(Active subscription, Response response, Throwable error, int expires) {
        if (error != null) {
            if (subscription.dialog != null) {
                subscription.dialog.delete();
            }
            throw new CompletionException(failure(subscription.device, error));
        }
        if (response.getStatusCode() >= 300) {
            subscription.dialog.delete();
            throw new CompletionException(rejected(subscription.device, response));
        }
        subscription.granted(grantedExpires(response, expires), clock.instant());
        active.put(key(subscription.device.getDeviceId(), subscription.kind), subscription);
        schedule(subscription, Duration.ofSeconds(10));
        LOG.info("Subscribed to {} of device {} for {} s", subscription.kind, subscription.device.getDeviceId(),
                subscription.expires);
        return subscription.view();
    }

    /** Refreshes at four fifths of the lifetime, leaving time for a retransmitted SUBSCRIBE to get through. */
    private void schedule(Active subscription, Duration timeout) {
        long delay = Math.max(500, subscription.expires * 800L);
        subscription.rearm(() -> scheduler.schedule(() -> {
            if (subscription.isEnded()) {
                return; // unsubscribed after this refresh was armed
            }
            refresh(subscription, subscription.expires, timeout).whenComplete((s, e) -> {
                if (e != null && !subscription.isEnded()) {
                    LOG.warn("Refreshing the {} subscription to device {} failed: {}", subscription.kind,
                            subscription.device.getDeviceId(), e.getMessage());
                }
            });
        }, delay, TimeUnit.MILLISECONDS));
    }

    private void decorate(Request request, Device device, Kind kind, int expires, int interval)
            throws ParseException, InvalidArgumentException {
        request.setHeader(SipFactories.HEADERS.createEventHeader(kind.eventHeader));
        request.setHeader(SipFactories.HEADERS.createExpiresHeader(expires));
        ManscdpMessage query = switch (kind) {
            case CATALOG -> new CatalogQuery();
            case ALARM -> new AlarmQuery();
            case MOBILE_POSITION -> {
                MobilePositionQuery q = new MobilePositionQuery();
                q.setInterval(interval);
                yield q;
            }
            case PTZ_POSITION -> new PtzPositionQuery();
        };
        query.setSn(sn.next());
        query.setDeviceId(device.getDeviceId());
        ContentTypeHeader type = SipFactories.HEADERS.createContentTypeHeader("Application", "MANSCDP+xml");
        request.setContent(codec.encode(query, commander.charsetOf(device)), type);
    }

    private static int grantedExpires(Response response, int asked) {
        ExpiresHeader expires = (ExpiresHeader) response.getHeader(ExpiresHeader.NAME);
        return expires != null ? expires.getExpires() : asked;
    }

    private static CompletableFuture<Response> checked(Device device, CompletableFuture<Response> future) {
        return future.handle((response, error) -> {
            if (error != null) {
                throw new CompletionException(failure(device, error));
            }
            if (response.getStatusCode() >= 300) {
                throw new CompletionException(rejected(device, response));
            }
            return response;
        });
    }

    private static Throwable failure(Device device, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof TimeoutException
                ? new DeviceTimeoutException(device.getDeviceId(), "Device " + device.getDeviceId()
                                                                   + " did not answer the SUBSCRIBE")
                : cause;
    }

    private static DeviceRejectedException rejected(Device device, Response response) {
        return new DeviceRejectedException(device.getDeviceId(), response.getStatusCode(),
                "Device " + device.getDeviceId() + " refused the SUBSCRIBE with " + response.getStatusCode() + " "
                                                                                + response.getReasonPhrase());
    }

    private static String key(String deviceId, Kind kind) {
        return deviceId + '|' + kind;
    }

    private final class Active {
        private final Device device;
        private final Kind kind;
        private final int interval;
        private volatile Dialog dialog;
        private volatile int expires;
        private volatile Instant expiresAt;
        /** The next refresh; guarded by this, with {@link #ended}. */
        private ScheduledFuture<?> refresh;
        /** Unsubscribed or closed: a refresh answered late (or fired late) must not arm another. */
        private boolean ended;

        private Active(Device device, Kind kind, int interval) {
            this.device = device;
            this.kind = kind;
            this.interval = interval;
        }

        void granted(int seconds, Instant now) {
            expires = seconds;
            expiresAt = now.plusSeconds(seconds);
        }

        /** Replaces the pending refresh with the one {@code arm} schedules, unless the subscription ended. */
        synchronized void rearm(java.util.function.Supplier<ScheduledFuture<?>> arm) {
            if (ended) {
                return;
            }
            if (refresh != null) {
                refresh.cancel(false);
            }
            refresh = arm.get();
        }

        /** No more refreshes, whatever is under way. */
        synchronized void end() {
            ended = true;
            if (refresh != null) {
                refresh.cancel(false);
            }
        }

        synchronized boolean isEnded() {
            return ended;
        }

        Subscription view() {
            return new Subscription(dialog.getCallId().getCallId(), device.getDeviceId(), kind, expires, expiresAt);
        }
    }
}
