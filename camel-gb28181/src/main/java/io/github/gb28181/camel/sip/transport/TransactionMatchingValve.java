package io.github.gb28181.camel.sip.transport;

import java.time.Duration;
import java.util.Iterator;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Matches requests to server transactions as RFC 3261 17.2.3 says, where jain-sip keys them by the Via branch alone:
 * a request that shares a branch with one in progress but comes from another sent-by, or is of another method, is
 * another request, not a retransmission; it used to be dropped in silence. For requests without the magic cookie
 * (RFC 2543 clients) jain-sip's key already holds From tag, Call-ID, CSeq and sent-by; the Request-URI and the To
 * tag complete the RFC 2543 rule here.
 * <p>
 * Each key's first request is remembered for 32 to 64 s (a transaction's lifetime, Timer J); a later request under
 * the same key but not the same request is handed to the {@link CollidingRequestHandler} instead of the stack. A
 * request the handler answers without a transaction is remembered for 1 to 2 s only: it has no transaction to be
 * mistaken for once it is answered, but while it is handled jain-sip holds it as pending under its key and would tie
 * another request under that key to it, which is then never answered. Named by the stack property
 * {@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}.
 */
public class TransactionMatchingValve implements SIPMessageValve {

    private volatile SipStackImpl stack;
    private final RecentEntries<String> withTransactions = new RecentEntries<>(Duration.ofSeconds(32));
    private final RecentEntries<String> withoutTransactions = new RecentEntries<>(Duration.ofSeconds(1));

    @Override
    public void init(SipStack stack) {
        this.stack = (SipStackImpl) stack;
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        String method = request.getMethod();
        if (Request.ACK.equals(method) || request.getTopmostVia() == null || request.getCSeq() == null) {
            return true; // an ACK belongs to its INVITE's transaction; the stack answers what lacks the headers
        }
        SipStackImpl owner = stack != null ? stack : (SipStackImpl) channel.getSIPStack();
        CollidingRequestHandler handler = CountingSipStack.collidingRequests(owner);
        String key = request.getTransactionId();
        String signature = signature(request);
        boolean stateless = handler != null && handler.answersStatelessly(request);
        String first = (stateless ? withTransactions : withoutTransactions).get(key);
        if (first == null) {
            first = (stateless ? withoutTransactions : withTransactions).putIfAbsent(key, signature);
        }
        if (first == null || first.equals(signature)) {
            return true;
        }
        Iterator<?> providers = owner.getSipProviders();
        if (handler == null || !providers.hasNext()) {
            return true;
        }
        handler.handleColliding(request, (SipProvider) providers.next());
        return false;
    }

    /** What, besides the key, makes a request the same one: sent-by and method, or for RFC 2543 URI and To tag. */
    private static String signature(SIPRequest request) {
        Via via = request.getTopmostVia();
        String branch = via.getBranch();
        if (branch != null && branch.regionMatches(true, 0, "z9hG4bK", 0, 7)) {
            return request.getMethod() + ' ' + via.getSentBy().encode().toLowerCase();
        }
        return request.getRequestURI() + " " + request.getToTag();
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void destroy() {
        withTransactions.clear();
        withoutTransactions.clear();
    }
}
