package io.github.gb28181.camel.upstream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.gb28181.camel.sip.RequestSender;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps us registered to an upper platform: REGISTER (answering its digest challenge), a refresh before the granted
 * lifetime runs out, a Keepalive MESSAGE every interval, and a fresh REGISTER, after a wait that doubles up to a
 * limit, whenever that fails: a refused or unanswered REGISTER, keepalives unanswered, or a keepalive refused (an
 * upper platform that restarted and forgot us answers 403). Timers run on the given scheduler; answers arrive on SIP
 * threads; both only take this object's lock briefly and never wait for the network.
 */
final class Registration {

    private static final Logger LOG = LoggerFactory.getLogger(Registration.class);
    /** Challenges answered in a row before a REGISTER counts as refused: one new nonce, one stale. */
    private static final int MAX_CHALLENGES = 2;
    /** jain-sip gives up on a transaction after 32 s; we want to know sooner. */
    private static final long MAX_ANSWER_WAIT_MILLIS = 32_000;

    /** Hears when we become registered and when we stop being. */
    interface Listener {
        void online();

        void offline(String reason);
    }

    private final UpstreamSettings settings;
    private final RequestSender sender;
    private final UpstreamRequests requests;
    private final ScheduledExecutorService timer;
    private final Supplier<byte[]> keepaliveBody;
    private final Listener listener;
    private final DigestClient digest;

    private boolean running;
    private boolean online;
    /** Counts starts and stops: an answer or timer of an earlier run finds it changed and does nothing. */
    private int run;
    private String callId;
    private String fromTag;
    private long cseq;
    private int misses;
    private long retryDelay;
    private int grantedExpires;
    private String lastFailure;
    private ScheduledFuture<?> next;
    private ScheduledFuture<?> keepalive;

    Registration(UpstreamSettings settings, RequestSender sender, UpstreamRequests requests,
                 ScheduledExecutorService timer, Supplier<byte[]> keepaliveBody, Listener listener) {
        this.settings = settings;
        this.sender = sender;
        this.requests = requests;
        this.timer = timer;
        this.keepaliveBody = keepaliveBody;
        this.listener = listener;
        this.digest = new DigestClient(settings.username(), settings.password());
        this.retryDelay = settings.retryMinMillis();
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        run++;
        callId = requests.newCallId();
        fromTag = UpstreamRequests.newTag();
        cseq = 0;
        retryDelay = settings.retryMinMillis();
        int thisRun = run;
        next = timer.schedule(() -> register(thisRun, 0), 0, TimeUnit.MILLISECONDS);
    }

    /** Stops the timers and, when registered, unregisters (Expires: 0) without waiting for the answer. */
    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        run++;
        cancelTimers();
        if (online) {
            online = false;
            try {
                Request bye = requests.register(callId, fromTag, ++cseq, 0);
                if (digest.ready()) {
                    digest.authorize(bye);
                }
                sender.send(bye);
            } catch (Exception e) {
                LOG.debug("Cannot unregister from {}: {}", settings, e.getMessage());
            }
            listener.offline("stopped");
        }
    }

    synchronized boolean isOnline() {
        return online;
    }

    /** Why the last attempt to register (or to keep alive) failed, or null when none has. */
    synchronized String lastFailure() {
        return lastFailure;
    }

    /** The lifetime the upper platform granted, in seconds, or 0 before it did. */
    synchronized int grantedExpires() {
        return grantedExpires;
    }

    private void register(int forRun, int challenges) {
        Request request;
        synchronized (this) {
            if (forRun != run) {
                return;
            }
            try {
                request = requests.register(callId, fromTag, ++cseq, settings.expires());
                if (digest.ready()) {
                    digest.authorize(request);
                }
            } catch (Exception e) {
                failed(forRun, "cannot write the REGISTER: " + e.getMessage());
                return;
            }
        }
        answered(sender.send(request)).whenComplete((response, error) -> {
            if (error != null) {
                failed(forRun, "REGISTER unanswered (" + rootMessage(error) + ")");
                return;
            }
            int status = response.getStatusCode();
            if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED)
                && challenges < MAX_CHALLENGES) {
                boolean answerable;
                try {
                    answerable = digest.challenged(response);
                } catch (IllegalArgumentException e) {
                    failed(forRun, e.getMessage());
                    return;
                }
                if (answerable) {
                    register(forRun, challenges + 1);
                } else {
                    failed(forRun, "REGISTER challenged, and no password (or an unknown algorithm) to answer with");
                }
            } else if (status >= 200 && status < 300) {
                registered(forRun, response);
            } else {
                failed(forRun, "REGISTER refused: " + status + " " + response.getReasonPhrase());
            }
        });
    }

    private void registered(int forRun, Response response) {
        boolean cameOnline;
        synchronized (this) {
            if (forRun != run) {
                return;
            }
            grantedExpires = granted(response, settings.expires());
            cameOnline = !online;
            online = true;
            misses = 0;
            retryDelay = settings.retryMinMillis();
            // refresh well before the lifetime runs out, as devices do
            long refresh = Math.max(1_000, grantedExpires * 1000L * 3 / 4);
            next = timer.schedule(() -> register(forRun, 0), refresh, TimeUnit.MILLISECONDS);
            if (keepalive == null) {
                long interval = settings.keepaliveIntervalMillis();
                keepalive = timer.scheduleWithFixedDelay(() -> keepalive(forRun), interval, interval,
                        TimeUnit.MILLISECONDS);
            }
        }
        if (cameOnline) {
            LOG.info("Registered to {} for {} s", settings, grantedExpires);
            listener.online();
        } else {
            LOG.debug("Registration to {} refreshed for {} s", settings, grantedExpires);
        }
    }

    private void keepalive(int forRun) {
        Request request;
        synchronized (this) {
            if (forRun != run || !online) {
                return;
            }
            try {
                request = requests.message(keepaliveBody.get());
            } catch (Exception e) {
                LOG.warn("Cannot write a keepalive to {}: {}", settings, e.getMessage());
                return;
            }
        }
        answered(sender.send(request)).whenComplete((response, error) -> {
            if (error != null) {
                boolean gone;
                synchronized (this) {
                    gone = forRun == run && ++misses >= settings.keepaliveMisses();
                }
                if (gone) {
                    failed(forRun, settings.keepaliveMisses() + " keepalives unanswered");
                }
            } else if (response.getStatusCode() >= 300) {
                // it no longer knows us (restarted, or expired us): register again at once
                failed(forRun, "keepalive refused: " + response.getStatusCode() + " " + response.getReasonPhrase());
            } else {
                synchronized (this) {
                    misses = 0;
                }
            }
        });
    }

    private void failed(int forRun, String reason) {
        boolean wentOffline;
        synchronized (this) {
            if (forRun != run) {
                return;
            }
            cancelTimers();
            wentOffline = online;
            online = false;
            lastFailure = reason;
            long delay = retryDelay;
            retryDelay = Math.min(settings.retryMaxMillis(), retryDelay * 2);
            // a little jitter, so lower platforms that lost the same upper do not come back in lockstep
            long jittered = delay + ThreadLocalRandom.current().nextLong(Math.max(1, delay / 10));
            next = timer.schedule(() -> register(forRun, 0), jittered, TimeUnit.MILLISECONDS);
            if (wentOffline) {
                LOG.warn("Lost the registration to {}: {}; registering again in {} ms", settings, reason, jittered);
            } else {
                LOG.info("Cannot register to {}: {}; trying again in {} ms", settings, reason, jittered);
            }
        }
        if (wentOffline) {
            listener.offline(reason);
        }
    }

    private void cancelTimers() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
        if (keepalive != null) {
            keepalive.cancel(false);
            keepalive = null;
        }
    }

    private CompletableFuture<Response> answered(CompletableFuture<Response> sent) {
        long wait = Math.min(MAX_ANSWER_WAIT_MILLIS, settings.requestTimeoutMillis());
        return sent.orTimeout(wait, TimeUnit.MILLISECONDS);
    }

    /** The lifetime in the 200: the Contact's expires parameter, else the Expires header, else what we asked. */
    private static int granted(Response response, int asked) {
        ContactHeader contact = (ContactHeader) response.getHeader(ContactHeader.NAME);
        if (contact != null && contact.getExpires() > 0) {
            return contact.getExpires();
        }
        ExpiresHeader expires = (ExpiresHeader) response.getHeader(ExpiresHeader.NAME);
        return expires != null && expires.getExpires() > 0 ? expires.getExpires() : asked;
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof java.util.concurrent.TimeoutException ? "timed out"
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
