package io.github.gb28181.camel.upstream;

import java.text.ParseException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.github.gb28181.camel.sip.IncomingRequest;
import io.github.gb28181.camel.sip.transport.SipFactories;
import io.github.gb28181.camel.sip.transport.SipServer;
import javax.sip.InvalidArgumentException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * Writes the out-of-dialog requests we send an upper platform: addressed to its id at its host and port, over its
 * transport, from our id in our own domain (the first ten digits of our id), with our SIP server in Via and Contact.
 */
final class UpstreamRequests {

    static final String MANSCDP_TYPE = "Application";
    static final String MANSCDP_SUBTYPE = "MANSCDP+xml";

    private final SipServer server;
    private final UpstreamSettings settings;

    UpstreamRequests(SipServer server, UpstreamSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    /**
     * A REGISTER for our id; refreshes keep the Call-ID and From tag of the first and count CSeq on.
     */
    Request register(String callId, String fromTag, long cseq, int expires) throws ParseException {
        SipURI self = ourUri();
        Request request = create(Request.REGISTER, callId, fromTag, cseq, self, settings.tcp());
        request.setHeader(contact());
        try {
            request.setHeader(SipFactories.HEADERS.createExpiresHeader(expires));
        } catch (InvalidArgumentException e) {
            throw new ParseException(e.getMessage(), 0);
        }
        return request;
    }

    /** A MESSAGE to the upper platform with a MANSCDP body, over its transport. */
    Request message(byte[] body) throws ParseException {
        return message(body, settings.tcp());
    }

    /** A MESSAGE over TCP or UDP: a large answer goes over TCP whatever the upper platform registered us over. */
    Request message(byte[] body, boolean tcp) throws ParseException {
        Request request = create(Request.MESSAGE, null, null, 1,
                SipFactories.ADDRESSES.createSipURI(settings.serverId(), settings.domain()), tcp);
        ContentTypeHeader type = SipFactories.HEADERS.createContentTypeHeader(MANSCDP_TYPE, MANSCDP_SUBTYPE);
        request.setContent(body, type);
        return request;
    }

    ContactHeader contact() throws ParseException {
        SipURI uri = SipFactories.ADDRESSES.createSipURI(settings.localId(), server.advertisedHost());
        uri.setPort(server.port());
        if (settings.tcp()) {
            uri.setTransportParam("tcp");
        }
        return SipFactories.HEADERS.createContactHeader(SipFactories.ADDRESSES.createAddress(uri));
    }

    private SipURI ourUri() throws ParseException {
        return SipFactories.ADDRESSES.createSipURI(settings.localId(), settings.localDomain());
    }

    private Request create(String method, String callId, String fromTag, long cseq, SipURI toUri, boolean tcp)
            throws ParseException {
        try {
            SipURI requestUri = SipFactories.ADDRESSES.createSipURI(settings.serverId(), settings.host());
            requestUri.setPort(settings.port());
            if (tcp) {
                requestUri.setTransportParam("tcp");
            }
            Address fromAddress = SipFactories.ADDRESSES.createAddress(ourUri());
            FromHeader from = SipFactories.HEADERS.createFromHeader(fromAddress,
                    fromTag != null ? fromTag : newTag());
            ToHeader to = SipFactories.HEADERS.createToHeader(SipFactories.ADDRESSES.createAddress(toUri), null);
            CallIdHeader callIdHeader = callId != null ? SipFactories.HEADERS.createCallIdHeader(callId)
                    : provider().getNewCallId();
            CSeqHeader cseqHeader = SipFactories.HEADERS.createCSeqHeader(cseq, method);
            ViaHeader via = SipFactories.HEADERS.createViaHeader(server.advertisedHost(), server.port(),
                    tcp ? "tcp" : "udp", null);
            via.setRPort();
            Request request = SipFactories.MESSAGES.createRequest(requestUri, method, callIdHeader, cseqHeader, from,
                    to, List.of(via), SipFactories.HEADERS.createMaxForwardsHeader(70));
            request.setHeader(SipFactories.HEADERS.createUserAgentHeader(List.of(IncomingRequest.USER_AGENT)));
            return request;
        } catch (InvalidArgumentException e) {
            throw new ParseException(e.getMessage(), 0);
        }
    }

    /** A fresh Call-ID from the stack, for a registration that keeps it across refreshes. */
    String newCallId() {
        return provider().getNewCallId().getCallId();
    }

    static String newTag() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 32, 1L << 40));
    }

    private SipProvider provider() {
        SipProvider provider = server.provider();
        if (provider == null) {
            throw new IllegalStateException("The SIP server is not running");
        }
        return provider;
    }
}
