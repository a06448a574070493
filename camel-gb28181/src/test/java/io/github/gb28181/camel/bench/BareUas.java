package io.github.gb28181.camel.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import gov.nist.javax.sip.message.SIPRequest;
import io.github.gb28181.camel.sip.auth.DigestAuthenticator;
import io.github.gb28181.camel.sip.auth.NonceManager;
import io.github.gb28181.camel.sip.auth.StaticCredentialLookup;
import io.github.gb28181.camel.sip.transport.SipFactories;
import io.github.gb28181.camel.sip.transport.SipServer;
import io.github.gb28181.camel.sip.transport.SipServerSettings;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The anchor of the outside benchmark (camel-gb28181-example/bench): a jain-sip UAS with the platform's stack
 * settings and transport (our {@link SipServer}: parser, UDP admission control with the devices it registered in
 * front) and nothing else, run in a process of its own. It answers REGISTER with the same digest as the platform
 * (401, then 200), every MESSAGE 200, and, with {@code --queries}, asks each newly registered device for its
 * Catalog and then its DeviceInfo as the example platform does, counting the devices that answered both. No
 * registry, no events, no routes. Every second it writes {@code registered answered} into the status file.
 * <p>
 * {@code java -cp ... io.github.gb28181.camel.bench.BareUas PORT PASSWORD STATUS_FILE [--queries]}
 */
public final class BareUas implements SipListener {

    private static final String SERVER_ID = "34020000002000000001";
    private static final String DOMAIN = "3402000000";

    private final DigestAuthenticator digest;
    private final boolean queries;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final AtomicLong sn = new AtomicLong();
    private final AtomicLong cseq = new AtomicLong();
    private SipServer server;

    private BareUas(String password, boolean queries) {
        this.digest = new DigestAuthenticator(DOMAIN, new NonceManager(5 * 60_000), StaticCredentialLookup.of(password, null),
                true);
        this.queries = queries;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: BareUas PORT PASSWORD STATUS_FILE [--queries]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        BareUas uas = new BareUas(args[1], List.of(args).contains("--queries"));
        Path status = Path.of(args[2]);
        uas.server = new SipServer(new SipServerSettings("127.0.0.1", port, Set.of("UDP"), "127.0.0.1", 1 << 20,
                Math.max(4, Runtime.getRuntime().availableProcessors() * 2)), uas);
        // the same admission control as the platform's: devices it registered keep priority
        uas.server.admission().setKnownDevice(uas.registered::contains);
        uas.server.start();
        System.out.println("bare jain-sip UAS listening on 127.0.0.1:" + port + (uas.queries ? ", querying" : ""));
        Runtime.getRuntime().addShutdownHook(new Thread(uas.server::stop));
        while (true) {
            Files.writeString(status.resolveSibling(status.getFileName() + ".tmp"),
                    uas.registered.size() + " " + uas.answered.size() + "\n");
            Files.move(status.resolveSibling(status.getFileName() + ".tmp"), status,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Thread.sleep(1000);
        }
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        SipProvider provider = (SipProvider) event.getSource();
        ServerTransaction transaction;
        try {
            transaction = provider.getNewServerTransaction(request);
        } catch (Exception e) {
            return; // a retransmission: its transaction answers it
        }
        try {
            switch (request.getMethod()) {
                case Request.REGISTER -> register(request, transaction);
                case Request.MESSAGE -> message(request, transaction);
                default -> transaction.sendResponse(SipFactories.MESSAGES.createResponse(Response.OK, request));
            }
        } catch (Exception e) {
            System.err.println("Failed on " + request.getMethod() + ": " + e);
        }
    }

    private void register(Request request, ServerTransaction transaction) throws Exception {
        String deviceId = ((SipURI) ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI()).getUser();
        DigestAuthenticator.Result result = digest.verify(request, deviceId);
        switch (result.outcome()) {
            case CHALLENGE, STALE -> {
                Response challenge = SipFactories.MESSAGES.createResponse(Response.UNAUTHORIZED, request);
                challenge.setHeader(digest.challenge(result.outcome() == DigestAuthenticator.Outcome.STALE));
                transaction.sendResponse(challenge);
            }
            case FORBIDDEN -> transaction.sendResponse(SipFactories.MESSAGES.createResponse(Response.FORBIDDEN, request));
            default -> {
                Response ok = SipFactories.MESSAGES.createResponse(Response.OK, request);
                ok.setHeader(request.getHeader("Contact"));
                ok.setHeader(SipFactories.HEADERS.createExpiresHeader(3600));
                transaction.sendResponse(ok);
                if (registered.add(deviceId) && queries) {
                    SIPRequest sip = (SIPRequest) request;
                    query(deviceId, sip.getRemoteAddress().getHostAddress(), sip.getRemotePort(), "Catalog");
                }
            }
        }
    }

    private void message(Request request, ServerTransaction transaction) throws Exception {
        transaction.sendResponse(SipFactories.MESSAGES.createResponse(Response.OK, request));
        if (!queries || request.getRawContent() == null) {
            return;
        }
        String body = new String(request.getRawContent(), StandardCharsets.ISO_8859_1);
        if (!body.contains("<Response>")) {
            return;
        }
        String deviceId = ((SipURI) ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI()).getUser();
        if (body.contains("<CmdType>Catalog</CmdType>")) {
            SIPRequest sip = (SIPRequest) request;
            query(deviceId, sip.getRemoteAddress().getHostAddress(), sip.getRemotePort(), "DeviceInfo");
        } else if (body.contains("<CmdType>DeviceInfo</CmdType>")) {
            answered.add(deviceId);
        }
    }

    /** A Query MESSAGE in a client transaction, to where the device's request came from. */
    private void query(String deviceId, String host, int port, String cmdType) throws Exception {
        SipURI target = SipFactories.ADDRESSES.createSipURI(deviceId, host);
        target.setPort(port);
        FromHeader from = SipFactories.HEADERS.createFromHeader(SipFactories.ADDRESSES.createAddress(
                SipFactories.ADDRESSES.createSipURI(SERVER_ID, DOMAIN)), Long.toString(ThreadLocalRandom.current().nextLong(1L << 40)));
        ToHeader to = SipFactories.HEADERS.createToHeader(SipFactories.ADDRESSES.createAddress(
                SipFactories.ADDRESSES.createSipURI(deviceId, DOMAIN)), null);
        SipProvider provider = server.provider();
        CallIdHeader callId = provider.getNewCallId();
        CSeqHeader cseqHeader = SipFactories.HEADERS.createCSeqHeader(cseq.incrementAndGet(), Request.MESSAGE);
        ViaHeader via = SipFactories.HEADERS.createViaHeader("127.0.0.1", server.port(), "udp", null);
        via.setRPort();
        Request request = SipFactories.MESSAGES.createRequest(target, Request.MESSAGE, callId, cseqHeader, from, to,
                List.of(via), SipFactories.HEADERS.createMaxForwardsHeader(70));
        String xml = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Query>\r\n<CmdType>" + cmdType + "</CmdType>\r\n<SN>"
                     + sn.incrementAndGet() + "</SN>\r\n<DeviceID>" + deviceId + "</DeviceID>\r\n</Query>\r\n";
        ContentTypeHeader type = SipFactories.HEADERS.createContentTypeHeader("Application", "MANSCDP+xml");
        request.setContent(xml.getBytes(StandardCharsets.US_ASCII), type);
        ClientTransaction transaction = provider.getNewClientTransaction(request);
        transaction.sendRequest();
    }

    @Override
    public void processResponse(ResponseEvent event) {
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }
}
