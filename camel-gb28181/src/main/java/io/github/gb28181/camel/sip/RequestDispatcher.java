package io.github.gb28181.camel.sip;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import io.github.gb28181.camel.sip.transport.CollidingRequestHandler;
import io.github.gb28181.camel.sip.transport.RecentEntries;
import io.github.gb28181.camel.sip.transport.SipCounters;
import io.github.gb28181.camel.sip.transport.SipFactories;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every incoming request a server transaction and passes it to the handler for its method. A retransmission
 * that races the first copy finds the transaction already there and is dropped, so each request is handled once.
 * The requests named {@linkplain #setAnsweredStatelessly answered statelessly} get no transaction: they are handled
 * as they come and their retransmissions are answered again.
 */
public final class RequestDispatcher implements SipListener, CollidingRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    /** Headers the handlers read: one jain-sip could not parse is an error, not an absence. */
    private static final Set<String> READ_HEADERS = Set.of("expires", "contact", "m", "content-type", "c",
            "content-length", "l");

    private final Map<String, SipRequestHandler> handlers = new ConcurrentHashMap<>();
    private final AtomicReference<ClientTransactionListener> clientListener = new AtomicReference<>();
    private final SipCounters counters;
    private volatile Predicate<InetAddress> trustedProxies = address -> false;
    /* the colliding requests of the last 32 to 64 s, a transaction's lifetime: each is handled once */
    private final RecentEntries<Boolean> collidingSeen = new RecentEntries<>(Duration.ofSeconds(32));
    private final RecentAnswers statelessAnswers = new RecentAnswers();
    private volatile Predicate<Request> answeredStatelessly = request -> false;

    public RequestDispatcher() {
        this(new SipCounters());
    }

    public RequestDispatcher(SipCounters counters) {
        this.counters = counters;
    }

    public void register(String method, SipRequestHandler handler) {
        handlers.put(method, handler);
    }

    /** The SIP proxies in front of the platform, whose requests carry the device's address in the bottom Via. */
    public void setTrustedProxies(Predicate<InetAddress> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /**
     * The requests answered without a server transaction (RFC 3261 8.2.7): ones so frequent that a transaction kept
     * 32 s for each would be most of what the platform holds in memory. A retransmission of one reaches its handler
     * marked {@link IncomingRequest#repeated()}, with the answer the first copy got.
     */
    public void setAnsweredStatelessly(Predicate<Request> answeredStatelessly) {
        this.answeredStatelessly = answeredStatelessly;
    }

    public void setClientTransactionListener(ClientTransactionListener listener) {
        clientListener.set(listener);
    }

    /**
     * Another request under the key of a transaction in progress: it cannot have a transaction of its own in
     * jain-sip, so it is handled here and answered statelessly, once (its retransmissions come here too and are
     * dropped: without a transaction there is no answer to repeat, and the client retransmits until it hears it).
     */
    @Override
    public void handleColliding(Request request, SipProvider provider) {
        if (collidingSeen.putIfAbsent(signature(request), Boolean.TRUE) != null) {
            counters.countRetransmission();
            return;
        }
        counters.countBranchCollision();
        LOG.debug("{} shares its Via branch with another request: answered without a transaction", request.getMethod());
        dispatch(IncomingRequest.stateless(request, counters, trustedProxies, provider));
    }

    @Override
    public boolean answersStatelessly(Request request) {
        return answeredStatelessly.test(request);
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        if (Request.ACK.equals(method)) {
            SipRequestHandler ack = handlers.get(Request.ACK);
            if (ack != null) {
                invoke(ack, new IncomingRequest(request, null, counters, trustedProxies));
            }
            return;
        }
        ServerTransaction transaction = event.getServerTransaction();
        if (transaction == null && answeredStatelessly.test(request)) {
            String key = signature(request);
            RecentAnswers.Answer earlier = statelessAnswers.seen(key);
            if (earlier != null) {
                counters.countRetransmission();
            }
            dispatch(IncomingRequest.stateless(request, counters, trustedProxies, (SipProvider) event.getSource(),
                    earlier, (status, reason) -> statelessAnswers.answered(key, status, reason)));
            return;
        }
        if (transaction == null) {
            try {
                transaction = ((SipProvider) event.getSource()).getNewServerTransaction(request);
            } catch (TransactionAlreadyExistsException e) {
                LOG.debug("Retransmitted {} absorbed", method);
                counters.countRetransmission();
                return;
            } catch (Exception e) {
                // answered statelessly so the device is told, rather than left retransmitting into silence
                LOG.debug("No server transaction for {}: {}", method, e.getMessage());
                rejectStatelessly((SipProvider) event.getSource(), request, e.getMessage());
                return;
            }
        }
        dispatch(new IncomingRequest(request, transaction, counters, trustedProxies));
    }

    /** What makes a request the same one: its transaction key, method and sent-by. */
    private static String signature(Request request) {
        return ((SIPRequest) request).getTransactionId() + ' ' + request.getMethod() + ' '
               + ((SIPRequest) request).getTopmostVia().getSentBy().encode();
    }

    private void dispatch(IncomingRequest incoming) {
        Request request = incoming.request();
        String method = request.getMethod();
        Refusal refusal = refusal(request);
        SipRequestHandler handler = handlers.get(method);
        List<String> required = Request.CANCEL.equals(method) ? List.of() : requiredExtensions(request);
        if (refusal != null) {
            LOG.debug("{} from {} refused: {} {}", method, incoming.remoteAddress(), refusal.status(), refusal.reason());
            incoming.respond(refusal.status(), refusal.reason());
        } else if (!required.isEmpty()) {
            // RFC 3261 8.2.2.3: we support no extension, so every one a request requires is unsupported
            incoming.send(withUnsupported(incoming.createResponse(Response.BAD_EXTENSION), required));
        } else if (handler != null) {
            invoke(handler, incoming);
        } else if (Request.OPTIONS.equals(method)) {
            incoming.send(withAllow(incoming.createResponse(Response.OK)));
        } else {
            incoming.send(withAllow(incoming.createResponse(Response.METHOD_NOT_ALLOWED)));
        }
    }

    /** Why a request that parsed must still be refused, or null: what jain-sip lets through but handlers cannot use. */
    private static Refusal refusal(Request request) {
        String scheme = request.getRequestURI().getScheme();
        if (!"sip".equalsIgnoreCase(scheme) && !"sips".equalsIgnoreCase(scheme)) {
            return new Refusal(Response.UNSUPPORTED_URI_SCHEME, "Unsupported URI scheme");
        }
        // jain-sip keeps a header it cannot parse aside and goes on, so "Expires: -1" would read as no Expires at all
        for (Iterator<String> unparsed = ((SIPMessage) request).getUnrecognizedHeaders(); unparsed.hasNext(); ) {
            String header = unparsed.next();
            int colon = header.indexOf(':');
            String name = colon < 0 ? header.strip() : header.substring(0, colon).strip();
            if (READ_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                return new Refusal(Response.BAD_REQUEST, "Bad " + name + " header");
            }
        }
        return null;
    }

    private record Refusal(int status, String reason) {
    }

    private static List<String> requiredExtensions(Request request) {
        List<String> tags = new ArrayList<>();
        for (ListIterator<?> it = request.getHeaders(RequireHeader.NAME); it.hasNext();) {
            String tag = ((RequireHeader) it.next()).getOptionTag();
            if (tag != null && !tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        return tags;
    }

    private static Response withUnsupported(Response response, List<String> tags) {
        try {
            for (String tag : tags) {
                response.addHeader(SipFactories.HEADERS.createUnsupportedHeader(tag));
            }
        } catch (java.text.ParseException e) {
            LOG.debug("Cannot add Unsupported header", e);
        }
        return response;
    }

    private void rejectStatelessly(SipProvider provider, Request request, String reason) {
        try {
            Response response = SipFactories.MESSAGES.createResponse(Response.BAD_REQUEST, request);
            if (reason != null) {
                response.setReasonPhrase(reason.replaceAll("[\\r\\n]", " "));
            }
            provider.sendResponse(response);
            counters.countRejected(Response.BAD_REQUEST);
        } catch (Exception e) {
            LOG.debug("Cannot reject {} statelessly: {}", request.getMethod(), e.getMessage());
        }
    }

    private static void invoke(SipRequestHandler handler, IncomingRequest incoming) {
        try {
            handler.handle(incoming);
        } catch (Exception e) {
            LOG.error("Failed to handle {} from {} (Call-ID {})", incoming.method(), incoming.remoteAddress(),
                    incoming.callId(), e);
            if (incoming.transaction() != null || !Request.ACK.equals(incoming.method())) {
                incoming.respond(Response.SERVER_INTERNAL_ERROR);
            }
        }
    }

    private Response withAllow(Response response) {
        try {
            response.addHeader(SipFactories.HEADERS.createAllowHeader(Request.OPTIONS));
            for (String method : handlers.keySet()) {
                if (!Request.ACK.equals(method)) {
                    response.addHeader(SipFactories.HEADERS.createAllowHeader(method));
                }
            }
        } catch (java.text.ParseException e) {
            LOG.debug("Cannot add Allow header", e);
        }
        return response;
    }

    @Override
    public void processResponse(ResponseEvent event) {
        ClientTransactionListener listener = clientListener.get();
        if (listener != null && event.getClientTransaction() != null) {
            listener.onResponse(event.getClientTransaction(), event.getResponse());
        } else {
            LOG.debug("Stray response {} {}", event.getResponse().getStatusCode(),
                    event.getResponse().getReasonPhrase());
            counters.countStrayResponse();
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        ClientTransactionListener listener = clientListener.get();
        if (listener != null && !event.isServerTransaction()) {
            listener.onTimeout(event.getClientTransaction());
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // transactions clean themselves up
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // dialogs are tracked by the media session layer
    }
}
