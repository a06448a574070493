package io.github.gb28181.camel.sip;

import java.net.InetAddress;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import io.github.gb28181.camel.sip.transport.DeviceConnections;
import io.github.gb28181.camel.sip.transport.SipCounters;
import io.github.gb28181.camel.sip.transport.SipFactories;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.Header;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request with its server transaction and where it really came from. Responses go through the transaction, so
 * jain-sip sends them back where the device is reachable (Via received/rport, or the TCP connection it opened) and
 * repeats them for retransmitted requests.
 * <p>
 * A request relayed by a trusted SIP proxy (the edge of a cluster) came from the proxy, not the device: the device is
 * then where the proxy received it, which the proxy wrote into the device's own Via (the bottom one) as
 * {@code received} and {@code rport}. That address is taken only from a proxy the platform trusts, since anyone can
 * write Via headers.
 */
public final class IncomingRequest {

    private static final Logger LOG = LoggerFactory.getLogger(IncomingRequest.class);
    public static final String USER_AGENT = "camel-gb28181";
    /** What only a registered device gets 2xx for: its connection is a device's */
    private static final Set<String> DEVICE_METHODS = Set.of(Request.REGISTER, Request.MESSAGE, Request.NOTIFY);

    private final Request request;
    private final ServerTransaction transaction;
    private final SipCounters counters;
    private final SipProvider statelessProvider;
    private final String remoteHost;
    private final int remotePort;
    private final String transport;
    private final String toTag;
    private final RecentAnswers.Answer earlier;
    private final FinalAnswers finalAnswers;
    private volatile Header everyAnswer;

    public IncomingRequest(Request request, ServerTransaction transaction) {
        this(request, transaction, new SipCounters());
    }

    /** @param counters where error answers are counted */
    public IncomingRequest(Request request, ServerTransaction transaction, SipCounters counters) {
        this(request, transaction, counters, address -> false);
    }

    /**
     * @param counters       where error answers are counted
     * @param trustedProxies the packet sources whose requests are read for the device's address in the bottom Via
     */
    public IncomingRequest(Request request, ServerTransaction transaction, SipCounters counters,
                           Predicate<InetAddress> trustedProxies) {
        this(request, transaction, counters, trustedProxies, null, null, null);
    }

    /**
     * A request answered without a transaction, through the provider: one that shares its transaction key with
     * another request (see {@code TransactionMatchingValve}).
     */
    static IncomingRequest stateless(Request request, SipCounters counters, Predicate<InetAddress> trustedProxies,
                                     SipProvider provider) {
        return stateless(request, counters, trustedProxies, provider, null, null);
    }

    /**
     * A request answered without a transaction, through the provider.
     *
     * @param earlier  what the same request was answered moments ago ({@link RecentAnswers#PENDING} while its first
     *                 copy is being handled), or null for a new request
     * @param answered told the final answer, so that a retransmission can be given it; may be null
     */
    static IncomingRequest stateless(Request request, SipCounters counters, Predicate<InetAddress> trustedProxies,
                                     SipProvider provider, RecentAnswers.Answer earlier, FinalAnswers answered) {
        return new IncomingRequest(request, null, counters, trustedProxies, provider, earlier, answered);
    }

    /** Where a request answered without a transaction reports its final answer. */
    @FunctionalInterface
    interface FinalAnswers {
        void answered(int status, String reason);
    }

    private IncomingRequest(Request request, ServerTransaction transaction, SipCounters counters,
                            Predicate<InetAddress> trustedProxies, SipProvider statelessProvider,
                            RecentAnswers.Answer earlier, FinalAnswers finalAnswers) {
        this.request = request;
        this.transaction = transaction;
        this.counters = counters;
        this.statelessProvider = statelessProvider;
        this.earlier = earlier;
        this.finalAnswers = finalAnswers;
        // RFC 3261 8.2.7: a stateless UAS gives a retransmission the To tag it gave the first copy
        this.toTag = transaction == null && statelessProvider != null
                ? Long.toString((((SIPRequest) request).getTransactionId().hashCode() & 0xffffffffL) | (1L << 32))
                : Long.toString(ThreadLocalRandom.current().nextLong(1L << 32, 1L << 40));
        SIPRequest sip = (SIPRequest) request;
        InetAddress source = sip.getRemoteAddress();
        Via device = source != null && sip.getViaHeaders().size() > 1 && trustedProxies.test(source)
                ? (Via) sip.getViaHeaders().getLast() : null;
        if (device != null) {
            this.remoteHost = device.getReceived() != null ? device.getReceived() : device.getHost();
            this.remotePort = device.getRPort() > 0 ? device.getRPort() : device.getPort() > 0 ? device.getPort() : 5060;
            this.transport = device.getTransport().toUpperCase();
        } else {
            // the packet source is where the device really is: behind NAT it differs from the Via sent-by
            this.remoteHost = source != null ? source.getHostAddress() : sip.getTopmostVia().getHost();
            this.remotePort = source != null ? sip.getRemotePort() : sip.getTopmostVia().getPort();
            this.transport = sip.getTopmostVia().getTransport().toUpperCase();
        }
    }

    public Request request() {
        return request;
    }

    public ServerTransaction transaction() {
        return transaction;
    }

    /**
     * Whether this request, answered without a transaction, was seen moments ago: a retransmission whose sender missed
     * the answer. It must be answered again ({@link #repeatAnswer()}), but not acted on again.
     */
    public boolean repeated() {
        return earlier != null;
    }

    /** The status a {@linkplain #repeated() repeated} request's first copy was answered, 0 while it is handled. */
    public int earlierStatus() {
        return earlier == null ? 0 : earlier.status();
    }

    /**
     * Answers a {@linkplain #repeated() repeated} request as its first copy was answered. While the first copy is
     * still being handled nothing is sent: the client sends the request again, and that copy gets the answer.
     */
    public void repeatAnswer() {
        if (earlier != null && earlier.isFinal()) {
            respond(earlier.status(), earlier.reason());
        }
    }

    public String method() {
        return request.getMethod();
    }

    public String remoteHost() {
        return remoteHost;
    }

    public int remotePort() {
        return remotePort;
    }

    public String remoteAddress() {
        return remoteHost + ":" + remotePort;
    }

    /**
     * The Path header values (RFC 3327) of the request, first to last: the proxies a REGISTER came through, which
     * requests to the device must go back through. Empty when it came straight from the device.
     */
    public List<String> path() {
        List<String> path = new ArrayList<>();
        for (ListIterator<?> headers = request.getHeaders("Path"); headers.hasNext(); ) {
            String header = headers.next().toString();
            int colon = header.indexOf(':');
            for (String value : header.substring(colon + 1).trim().split(",(?=\\s*<)")) {
                if (!value.isBlank()) {
                    path.add(value.trim());
                }
            }
        }
        return path;
    }

    public String transport() {
        return transport;
    }

    public String callId() {
        return ((SIPRequest) request).getCallId().getCallId();
    }

    /** The user part of the From URI: the id of the device that sent the request. */
    public String fromUser() {
        return fromUser(request);
    }

    /** The user part of a request's From URI, before the request has an {@code IncomingRequest}. */
    public static String fromUser(Request request) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        return from != null && from.getAddress().getURI() instanceof SipURI uri ? uri.getUser() : null;
    }

    public String header(String name) {
        var header = request.getHeader(name);
        if (header == null) {
            return null;
        }
        String encoded = header.toString();
        int colon = encoded.indexOf(':');
        return colon < 0 ? encoded.trim() : encoded.substring(colon + 1).trim();
    }

    public Response createResponse(int status) {
        return createResponse(status, null);
    }

    public Response createResponse(int status, String reason) {
        try {
            Response response = SipFactories.MESSAGES.createResponse(status, request);
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (status >= 200 && to != null && to.getTag() == null) {
                to.setTag(toTag);
            }
            response.setHeader(SipFactories.HEADERS.createUserAgentHeader(java.util.List.of(USER_AGENT)));
            return response;
        } catch (ParseException e) {
            throw new IllegalStateException("Cannot build a " + status + " response", e);
        }
    }

    public void respond(int status) {
        send(createResponse(status));
    }

    public void respond(int status, String reason) {
        send(createResponse(status, reason));
    }

    /** A header every answer to this request carries, whichever path sends it (X-GB-Ver on REGISTER answers). */
    public void answerWith(Header header) {
        this.everyAnswer = header;
    }

    public void send(Response response) {
        if (everyAnswer != null) {
            response.setHeader((Header) everyAnswer.clone());
        }
        counters.countAnswered(method(), response.getStatusCode());
        if (response.getStatusCode() >= 300) {
            counters.countRejected(response.getStatusCode());
        }
        if (transaction != null && response.getStatusCode() / 100 == 2 && DEVICE_METHODS.contains(method())) {
            DeviceConnections.accepted(transaction);
        }
        if (finalAnswers != null && response.getStatusCode() >= 200) {
            finalAnswers.answered(response.getStatusCode(), response.getReasonPhrase());
        }
        try {
            if (transaction != null) {
                transaction.sendResponse(response);
            } else if (statelessProvider != null) {
                statelessProvider.sendResponse(response);
            }
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            // the device will retransmit and get the response the transaction remembers, or give up: nothing else
            // can be done, and the listener thread must go on serving others
            LOG.warn("Cannot send {} to {} for {} {}: {}", response.getStatusCode(), remoteAddress(), method(),
                    callId(), e.getMessage());
        }
    }
}
