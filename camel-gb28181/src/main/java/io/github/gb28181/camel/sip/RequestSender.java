package io.github.gb28181.camel.sip;

import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import gov.nist.javax.sip.TransactionExt;
import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.sip.transport.SipFactories;
import io.github.gb28181.camel.sip.transport.SipServer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Sends requests to devices and completes a future with the final response, without holding a thread while the
 * device thinks. Requests go to where the device was last heard from, over the transport it used: over TCP that is
 * the connection the device opened, which jain-sip keeps keyed by its address.
 */
public final class RequestSender implements ClientTransactionListener {

    /*
     * How long an answered request's transaction lingers for a duplicate of its answer (Timer K, T4): 5 s by default,
     * holding the request, its channel and hop for each query. A duplicate answers a retransmission of ours that
     * crossed the first answer, so it comes within a round trip; a later one is counted as a stray response.
     */
    private static final int ANSWERED_LINGER_MILLIS = 1000;

    private final SipServer server;
    private final SipIdentity identity;
    private final Map<ClientTransaction, CompletableFuture<Response>> pending = new ConcurrentHashMap<>();
    private final AtomicLong cseq = new AtomicLong(ThreadLocalRandom.current().nextInt(1, 1000));
    private volatile RequestPacer pacer;

    public RequestSender(SipServer server, SipIdentity identity) {
        this.server = server;
        this.identity = identity;
    }

    /** A MESSAGE to the device, with no To tag (some devices answer 481 to one). */
    public Request createMessage(Device device, String contentType, byte[] body) throws ParseException {
        Request request = createRequest(Request.MESSAGE, device, device.getDeviceId());
        String[] type = contentType.split("/", 2);
        ContentTypeHeader header = SipFactories.HEADERS.createContentTypeHeader(type[0], type[1]);
        request.setContent(body, header);
        return request;
    }

    /**
     * An out-of-dialog request to {@code targetId} (the device or one of its channels) at the device's address. A
     * device that registered through proxies (Path) is sent to through them: the request names the device's address
     * and carries the path as its Route, so the proxy it talks to relays it from the address the device knows.
     */
    public Request createRequest(String method, Device device, String targetId) throws ParseException {
        if (device.getRemoteHost() == null) {
            throw new IllegalStateException("Device " + device.getDeviceId() + " has no known address");
        }
        String transport = device.getTransport() == null ? "UDP" : device.getTransport();
        List<Address> route = new ArrayList<>();
        for (String hop : device.getPath()) {
            route.add(SipFactories.ADDRESSES.createAddress(hop));
        }
        // the first hop is reached over the transport its URI names, not the device's
        String hopTransport = route.isEmpty() ? transport : transportOf((SipURI) route.get(0).getURI());
        try {
            SipURI requestUri = SipFactories.ADDRESSES.createSipURI(targetId, device.getRemoteHost());
            requestUri.setPort(device.getRemotePort());
            if ("TCP".equalsIgnoreCase(transport)) {
                requestUri.setTransportParam("tcp");
            }
            Address fromAddress = SipFactories.ADDRESSES.createAddress(
                    SipFactories.ADDRESSES.createSipURI(identity.serverId(), identity.domain()));
            FromHeader from = SipFactories.HEADERS.createFromHeader(fromAddress,
                    Long.toString(ThreadLocalRandom.current().nextLong(1L << 32, 1L << 40)));
            ToHeader to = SipFactories.HEADERS.createToHeader(SipFactories.ADDRESSES.createAddress(
                    SipFactories.ADDRESSES.createSipURI(targetId, identity.domain())), null);
            CallIdHeader callId = provider().getNewCallId();
            CSeqHeader cseqHeader = SipFactories.HEADERS.createCSeqHeader(cseq.incrementAndGet(), method);
            ViaHeader via = SipFactories.HEADERS.createViaHeader(server.advertisedHost(), server.port(),
                    hopTransport.toLowerCase(), null);
            via.setRPort();
            MaxForwardsHeader maxForwards = SipFactories.HEADERS.createMaxForwardsHeader(70);
            Request request = SipFactories.MESSAGES.createRequest(requestUri, method, callId, cseqHeader, from, to,
                    List.of(via), maxForwards);
            request.setHeader(SipFactories.HEADERS.createUserAgentHeader(List.of(IncomingRequest.USER_AGENT)));
            for (Address hop : route) {
                request.addHeader(SipFactories.HEADERS.createRouteHeader(hop));
            }
            return request;
        } catch (InvalidArgumentException e) {
            throw new ParseException(e.getMessage(), 0);
        }
    }

    private static String transportOf(SipURI uri) {
        String transport = uri.getTransportParam();
        return transport == null ? "UDP" : transport.toUpperCase(Locale.ROOT);
    }

    /** Paces what {@link #paced} sends from now on. */
    public void setPacer(RequestPacer pacer) {
        this.pacer = pacer;
    }

    /**
     * Sends what a storm of registrations would multiply (queries, subscriptions) through the pacer: now if it
     * allows, else in turn, or not at all once {@code timeout} passed.
     */
    public CompletableFuture<Response> paced(Supplier<CompletableFuture<Response>> send, Duration timeout) {
        RequestPacer p = pacer;
        return p == null ? send.get() : p.send(send, timeout.toMillis());
    }

    /** Sends the request in a new client transaction; the future completes with the final response. */
    public CompletableFuture<Response> send(Request request) {
        return send(request, null);
    }

    /**
     * Sends the request in a new client transaction, within {@code dialog} when there is one; the future completes
     * with the final response.
     */
    public CompletableFuture<Response> send(Request request, Dialog dialog) {
        CompletableFuture<Response> future = new CompletableFuture<>();
        try {
            ClientTransaction transaction = provider().getNewClientTransaction(request);
            if (!Request.INVITE.equals(request.getMethod())) {
                ((TransactionExt) transaction).setTimerT4(ANSWERED_LINGER_MILLIS);
            }
            pending.put(transaction, future);
            if (dialog != null) {
                dialog.sendRequest(transaction);
            } else {
                transaction.sendRequest();
            }
        } catch (SipException | RuntimeException e) {
            future.completeExceptionally(e);
        }
        return future;
    }

    /**
     * Sends a request that starts a dialog (SUBSCRIBE, INVITE); {@code dialogCreated} receives the dialog before
     * the request leaves, so an early answer finds it.
     */
    public CompletableFuture<Response> sendDialogCreating(Request request, Consumer<Dialog> dialogCreated) {
        CompletableFuture<Response> future = new CompletableFuture<>();
        try {
            ClientTransaction transaction = provider().getNewClientTransaction(request);
            dialogCreated.accept(provider().getNewDialog(transaction));
            pending.put(transaction, future);
            transaction.sendRequest();
        } catch (SipException | RuntimeException e) {
            future.completeExceptionally(e);
        }
        return future;
    }

    /** A dialog for a request a device sent (its INVITE), so the platform can later BYE within it. */
    public Dialog newServerDialog(javax.sip.ServerTransaction transaction) throws SipException {
        return provider().getNewDialog(transaction);
    }

    /** The host the platform writes into Via, Contact and SDP. */
    public String advertisedHost() {
        return server.advertisedHost();
    }

    /** A Contact header naming the platform, for dialog-creating requests. */
    public ContactHeader platformContact(String transport) throws ParseException {
        SipURI uri = SipFactories.ADDRESSES.createSipURI(identity.serverId(), server.advertisedHost());
        uri.setPort(server.port());
        if ("TCP".equalsIgnoreCase(transport)) {
            uri.setTransportParam("tcp");
        }
        return SipFactories.HEADERS.createContactHeader(SipFactories.ADDRESSES.createAddress(uri));
    }

    @Override
    public void onResponse(ClientTransaction transaction, Response response) {
        if (response.getStatusCode() < 200) {
            return;
        }
        CompletableFuture<Response> future = pending.remove(transaction);
        if (future != null) {
            future.complete(response);
        }
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
        CompletableFuture<Response> future = pending.remove(transaction);
        if (future != null) {
            future.completeExceptionally(new TimeoutException(transaction.getRequest().getMethod() + " to "
                                                              + transaction.getRequest().getRequestURI()
                                                              + " got no response"));
        }
    }

    private SipProvider provider() {
        SipProvider provider = server.provider();
        if (provider == null) {
            throw new IllegalStateException("The SIP server is not running");
        }
        return provider;
    }
}
