package io.github.gb28181.camel.sip;

import java.text.ParseException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

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
    private final String toTag = Long.toString(ThreadLocalRandom.current().nextLong(1L << 32, 1L << 40));
    private volatile Header everyAnswer;

    public IncomingRequest(Request request, ServerTransaction transaction) {
        this(request, transaction, new SipCounters());
    }

    /** @param counters where error answers are counted */
    public IncomingRequest(Request request, ServerTransaction transaction, SipCounters counters) {
        this(request, transaction, counters, null);
    }

    /**
     * A request answered without a transaction, through the provider: one that shares its transaction key with
     * another request (see {@code TransactionMatchingValve}).
     */
    static IncomingRequest stateless(Request request, SipCounters counters, SipProvider provider) {
        return new IncomingRequest(request, null, counters, provider);
    }

    private IncomingRequest(Request request, ServerTransaction transaction, SipCounters counters,
                            SipProvider statelessProvider) {
        this.request = request;
        this.transaction = transaction;
        this.counters = counters;
        this.statelessProvider = statelessProvider;
        SIPRequest sip = (SIPRequest) request;
        // the packet source is where the device really is: behind NAT it differs from the Via sent-by
        this.remoteHost = sip.getRemoteAddress() != null ? sip.getRemoteAddress().getHostAddress() : sip.getTopmostVia().getHost();
        this.remotePort = sip.getRemoteAddress() != null ? sip.getRemotePort() : sip.getTopmostVia().getPort();
        this.transport = sip.getTopmostVia().getTransport().toUpperCase();
    }

    public Request request() {
        return request;
    }

    public ServerTransaction transaction() {
        return transaction;
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

    public String transport() {
        return transport;
    }

    public String callId() {
        return ((SIPRequest) request).getCallId().getCallId();
    }

    /** The user part of the From URI: the id of the device that sent the request. */
    public String fromUser() {
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
