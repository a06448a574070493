package io.github.gb28181.camel.test;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A GB28181 device on raw loopback sockets, written from the standard rather than from our own SIP code: it
 * registers with digest (with or without qop), sends keepalives and MANSCDP messages, and answers requests.
 * Register it with {@code @RegisterExtension} and {@link #connect} it once the platform is up; it closes after each
 * test (the camel-mllp client-resource pattern).
 */
public final class SimulatedDevice implements AfterEachCallback, AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String deviceId;
    private final String domain;
    private String username;
    private String password;
    private boolean useQop = true;
    private String serverId = "34020000002000000001";
    private String gbVersion;
    private String digestAlgorithm = "MD5";
    private SipPeer peer;
    private final AtomicInteger cseq = new AtomicInteger(1);
    private final AtomicInteger sn = new AtomicInteger(1);
    private final String registerCallId = newId();
    private final String fromTag = newId();

    public SimulatedDevice(String deviceId, String password) {
        this.deviceId = deviceId;
        this.username = deviceId;
        this.password = password;
        this.domain = deviceId.matches("[0-9]{10,}") ? deviceId.substring(0, 10) : "3402000000";
    }

    public SimulatedDevice username(String username) {
        this.username = username;
        return this;
    }

    public SimulatedDevice password(String password) {
        this.password = password;
        return this;
    }

    public SimulatedDevice qop(boolean useQop) {
        this.useQop = useQop;
        return this;
    }

    /** The X-GB-Ver its REGISTERs carry: 3.0 makes it a GB/T 28181-2022 device; null (the default) sends none. */
    public SimulatedDevice gbVersion(String gbVersion) {
        this.gbVersion = gbVersion;
        return this;
    }

    /** The hash its digest answers use and name: MD5 (the default) or SM3, whatever the challenge asked for. */
    public SimulatedDevice digestAlgorithm(String digestAlgorithm) {
        this.digestAlgorithm = digestAlgorithm;
        return this;
    }

    public SimulatedDevice serverId(String serverId) {
        this.serverId = serverId;
        return this;
    }

    public SimulatedDevice connect(int serverPort, String transport) throws IOException {
        return connect(serverPort, transport, InetAddress.getLoopbackAddress());
    }

    /** Connects from a given local address: another loopback address (127.0.0.2) is another host to the platform. */
    public SimulatedDevice connect(int serverPort, String transport, InetAddress local) throws IOException {
        close();
        peer = "TCP".equalsIgnoreCase(transport) ? SipPeer.tcp(serverPort, local) : SipPeer.udp(serverPort, local);
        return this;
    }

    public String deviceId() {
        return deviceId;
    }

    public SipPeer peer() {
        return peer;
    }

    public int nextSn() {
        return sn.getAndIncrement();
    }

    /** REGISTER, answer the challenge, return the final response. */
    public SipText register(int expires) throws Exception {
        SipText first = sendRegister(expires, null);
        if (first.status() != 401) {
            return first;
        }
        return sendRegister(expires, authorization(first, "REGISTER", registerUri()));
    }

    /** REGISTER once, with the given Authorization header value (or none). */
    public SipText sendRegister(int expires, String authorization) throws Exception {
        String message = request("REGISTER", registerUri(), registerCallId,
                "To: <sip:" + deviceId + "@" + domain + ">\r\n"
                + "Contact: <sip:" + deviceId + "@" + peer.localHost() + ":" + peer.localPort() + ">\r\n"
                + (authorization != null ? "Authorization: " + authorization + "\r\n" : "")
                + (gbVersion != null ? "X-GB-Ver: " + gbVersion + "\r\n" : "")
                + "Expires: " + expires + "\r\n",
                null, null);
        peer.send(message);
        return peer.awaitResponse(registerCallId, TIMEOUT);
    }

    public String authorization(SipText challenge, String method, String uri) throws Exception {
        String realm = challenge.param("WWW-Authenticate", "realm");
        String nonce = challenge.param("WWW-Authenticate", "nonce");
        String opaque = challenge.param("WWW-Authenticate", "opaque");
        String qop = challenge.param("WWW-Authenticate", "qop");
        String ha1 = hash(username + ":" + realm + ":" + password);
        String ha2 = hash(method + ":" + uri);
        StringBuilder sb = new StringBuilder("Digest username=\"").append(username).append("\", realm=\"")
                .append(realm).append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append('"');
        if (useQop && qop != null) {
            String cnonce = newId();
            String nc = "00000001";
            sb.append(", response=\"").append(hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2))
                    .append("\", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        } else {
            sb.append(", response=\"").append(hash(ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        sb.append(", algorithm=").append(digestAlgorithm);
        if (opaque != null) {
            sb.append(", opaque=\"").append(opaque).append('"');
        }
        return sb.toString();
    }

    public SipText keepalive() throws Exception {
        return sendManscdp("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n<SN>"
                           + nextSn() + "</SN>\r\n<DeviceID>" + deviceId + "</DeviceID>\r\n<Status>OK</Status>\r\n</Notify>\r\n",
                StandardCharsets.UTF_8);
    }

    /** A MANSCDP MESSAGE to the platform; returns the platform's final response. */
    public SipText sendManscdp(String xml, Charset charset) throws Exception {
        String callId = newId();
        peer.send(manscdpMessage(callId, xml.getBytes(charset)));
        return peer.awaitResponse(callId, TIMEOUT);
    }

    public byte[] manscdpMessage(String callId, byte[] body) {
        return manscdpMessage(callId, body, deviceId);
    }

    /** A MANSCDP MESSAGE in a given Call-ID from a given id: devices send MediaStatus as a channel, in the INVITE's. */
    public byte[] manscdpMessage(String callId, byte[] body, String fromUser) {
        String head = request("MESSAGE", "sip:" + serverId + "@" + domain, callId,
                "To: <sip:" + serverId + "@" + domain + ">\r\n", "Application/MANSCDP+xml", body)
                .replace("From: <sip:" + deviceId + "@", "From: <sip:" + fromUser + "@");
        return concat(head.getBytes(StandardCharsets.UTF_8), body);
    }

    /**
     * INVITEs the platform as {@code fromId} (an audio channel) with an SDP offer, as a device does to take the audio
     * of a broadcast; returns the final response, which the caller acknowledges with {@link #ack}.
     */
    public SipText invitePlatform(String fromId, String callId, String sdp) throws Exception {
        byte[] body = sdp.getBytes(StandardCharsets.US_ASCII);
        String head = request("INVITE", "sip:" + serverId + "@" + peer.localHost() + ":" + peer.serverPort(), callId,
                "To: <sip:" + serverId + "@" + domain + ">\r\n"
                + "Contact: <sip:" + fromId + "@" + peer.localHost() + ":" + peer.localPort() + ">\r\n",
                "application/sdp", body)
                .replace("From: <sip:" + deviceId + "@", "From: <sip:" + fromId + "@");
        peer.send(concat(head.getBytes(StandardCharsets.UTF_8), body));
        return peer.awaitResponse(callId, TIMEOUT);
    }

    /** The ACK for a 2xx to our INVITE, sent to the Contact the answer names. */
    public void ack(SipText ok, String fromId) throws IOException {
        String contact = ok.header("Contact");
        String target = contact.substring(contact.indexOf('<') + 1, contact.indexOf('>'));
        String cseq = ok.header("CSeq").replaceAll("\\s+INVITE", "");
        peer.send("ACK " + target + " SIP/2.0\r\n"
                  + "Via: SIP/2.0/" + peer.transport() + " " + peer.localHost() + ":" + peer.localPort()
                  + ";rport;branch=z9hG4bK" + newId() + "\r\n"
                  + "From: " + ok.header("From") + "\r\n"
                  + "To: " + ok.header("To") + "\r\n"
                  + "Call-ID: " + ok.header("Call-ID") + "\r\n"
                  + "CSeq: " + cseq + " ACK\r\n"
                  + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
    }

    /** The next MESSAGE the platform sends, accepted with 200 and never answered: a device that does not reply. */
    public SipText acceptWithoutAnswer() throws Exception {
        SipText request = peer.awaitRequest("MESSAGE", TIMEOUT);
        answer(request, 200, "OK");
        return request;
    }

    /** Answers a request the platform sent us. */
    public void answer(SipText request, int status, String reason) throws IOException {
        answer(request, status, reason, newId(), "");
    }

    /**
     * Answers with our To tag (kept if the request already has one) and extra header lines, each ending in CRLF;
     * a Contact naming us is added, as dialog-creating answers need.
     */
    public void answer(SipText request, int status, String reason, String toTag, String extraHeaders) throws IOException {
        answer(request, status, reason, toTag, extraHeaders, null, null);
    }

    /** Answers with a body (an SDP answer, a MANSRTSP reply) of the given Content-Type. */
    public void answer(SipText request, int status, String reason, String toTag, String extraHeaders, String contentType,
                       byte[] body) throws IOException {
        StringBuilder sb = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        for (String via : request.headers("Via")) {
            sb.append("Via: ").append(via).append("\r\n");
        }
        sb.append("From: ").append(request.header("From")).append("\r\n");
        String to = request.header("To");
        sb.append("To: ").append(to).append(to.contains("tag=") ? "" : ";tag=" + toTag).append("\r\n");
        sb.append("Call-ID: ").append(request.header("Call-ID")).append("\r\n");
        sb.append("CSeq: ").append(request.header("CSeq")).append("\r\n");
        sb.append("Contact: <sip:").append(deviceId).append('@').append(peer.localHost()).append(':')
                .append(peer.localPort()).append(">\r\n");
        sb.append(extraHeaders);
        sb.append("User-Agent: SimulatedDevice\r\n");
        if (contentType != null) {
            sb.append("Content-Type: ").append(contentType).append("\r\n");
        }
        sb.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
        peer.send(body == null ? sb.toString().getBytes(StandardCharsets.UTF_8)
                : concat(sb.toString().getBytes(StandardCharsets.UTF_8), body));
    }

    /** A request of ours within the dialog the platform's {@code opening} request started (a BYE, say). */
    public SipText requestInDialog(String method, SipText opening, String toTag, String extraHeaders, String contentType,
                                   byte[] body) throws Exception {
        String callId = opening.header("Call-ID");
        String head = method + " " + contactUri(opening) + " SIP/2.0\r\n"
                      + "Via: SIP/2.0/" + peer.transport() + " " + peer.localHost() + ":" + peer.localPort()
                      + ";rport;branch=z9hG4bK" + newId() + "\r\n"
                      + "From: " + opening.header("To").replaceAll(";tag=.*$", "") + ";tag=" + toTag + "\r\n"
                      + "To: " + opening.header("From") + "\r\n"
                      + "Call-ID: " + callId + "\r\n"
                      + "CSeq: " + cseq.getAndIncrement() + " " + method + "\r\n"
                      + "Max-Forwards: 70\r\n"
                      + extraHeaders
                      + (contentType != null ? "Content-Type: " + contentType + "\r\n" : "")
                      + "Content-Length: " + (body == null ? 0 : body.length) + "\r\n\r\n";
        peer.send(body == null ? head.getBytes(StandardCharsets.UTF_8)
                : concat(head.getBytes(StandardCharsets.UTF_8), body));
        return peer.await(m -> m.isResponse() && callId.equals(m.header("Call-ID")) && m.method().equals(method),
                TIMEOUT);
    }

    /** A NOTIFY within the dialog a SUBSCRIBE opened, which we answered with {@code toTag}; returns the answer. */
    public SipText notifyInDialog(SipText subscribe, String toTag, String event, String xml) throws Exception {
        return requestInDialog("NOTIFY", subscribe, toTag, "Event: " + event + "\r\n"
                                                          + "Subscription-State: active;expires=3600\r\n",
                "Application/MANSCDP+xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String contactUri(SipText request) {
        String contact = request.header("Contact");
        int lt = contact.indexOf('<');
        return lt < 0 ? contact : contact.substring(lt + 1, contact.indexOf('>'));
    }

    private String registerUri() {
        return "sip:" + serverId + "@" + domain;
    }

    private String request(String method, String uri, String callId, String extra, String contentType, byte[] body) {
        return method + " " + uri + " SIP/2.0\r\n"
               + "Via: SIP/2.0/" + peer.transport() + " " + peer.localHost() + ":" + peer.localPort()
               + ";rport;branch=z9hG4bK" + newId() + "\r\n"
               + "From: <sip:" + deviceId + "@" + domain + ">;tag=" + fromTag + "\r\n"
               + extra
               + "Call-ID: " + callId + "\r\n"
               + "CSeq: " + cseq.getAndIncrement() + " " + method + "\r\n"
               + "Max-Forwards: 70\r\n"
               + "User-Agent: SimulatedDevice\r\n"
               + (contentType != null ? "Content-Type: " + contentType + "\r\n" : "")
               + "Content-Length: " + (body == null ? 0 : body.length) + "\r\n\r\n";
    }

    public static String newId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));
    }

    static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The digest hash, in lower-case hex. SM3 comes from Bouncy Castle's SM3Digest directly: the device computes its
     * answer without the platform's DigestAlgorithm or DigestAuthenticator.
     */
    private String hash(String text) throws Exception {
        if ("SM3".equalsIgnoreCase(digestAlgorithm)) {
            byte[] data = text.getBytes(StandardCharsets.UTF_8);
            org.bouncycastle.crypto.digests.SM3Digest sm3 = new org.bouncycastle.crypto.digests.SM3Digest();
            sm3.update(data, 0, data.length);
            byte[] out = new byte[sm3.getDigestSize()];
            sm3.doFinal(out, 0);
            return HexFormat.of().formatHex(out);
        }
        return md5(text);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        if (peer != null) {
            peer.close();
            peer = null;
        }
    }
}
