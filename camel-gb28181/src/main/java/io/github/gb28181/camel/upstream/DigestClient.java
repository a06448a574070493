package io.github.gb28181.camel.upstream;

import java.text.ParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import io.github.gb28181.camel.sip.auth.DigestAlgorithm;
import io.github.gb28181.camel.sip.transport.SipFactories;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The client half of RFC 2617 digest, as an upper platform asks a lower one (or a device) for it on REGISTER: the
 * challenge's realm, nonce, opaque and algorithm (MD5, or SM3 from GB/T 28181-2022) answered with our username and
 * password, with qop=auth when the challenge offers it. Keeps the last challenge, so a refresh can answer it at once
 * and only a new nonce costs a round trip.
 */
final class DigestClient {

    private static final HexFormat HEX = HexFormat.of();

    private final String username;
    private final String password;
    private String realm;
    private String nonce;
    private String opaque;
    private boolean qop;
    private DigestAlgorithm algorithm = DigestAlgorithm.MD5;
    private boolean proxy;
    private int nonceCount;

    DigestClient(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /**
     * Takes the challenge of a 401 or 407.
     *
     * @return whether it can be answered: a password is configured, and the algorithm is one we compute
     * @throws IllegalArgumentException when the response carries no digest challenge
     */
    synchronized boolean challenged(Response response) {
        WWWAuthenticateHeader www = (WWWAuthenticateHeader) response.getHeader(WWWAuthenticateHeader.NAME);
        ProxyAuthenticateHeader proxyHeader = (ProxyAuthenticateHeader) response.getHeader(ProxyAuthenticateHeader.NAME);
        WWWAuthenticateHeader challenge = www != null ? www : proxyHeader;
        if (challenge == null || !"digest".equalsIgnoreCase(challenge.getScheme())) {
            throw new IllegalArgumentException(response.getStatusCode() + " without a digest challenge");
        }
        DigestAlgorithm named = DigestAlgorithm.fromToken(challenge.getAlgorithm());
        if (named == null || password == null) {
            return false;
        }
        String newNonce = challenge.getNonce();
        if (!newNonce.equals(nonce)) {
            nonceCount = 0;
        }
        proxy = www == null;
        realm = challenge.getRealm();
        nonce = newNonce;
        opaque = challenge.getOpaque();
        String qopOptions = challenge.getQop();
        qop = qopOptions != null && qopOptions.toLowerCase(Locale.ROOT).contains("auth");
        algorithm = named;
        return true;
    }

    /** Whether a challenge was taken that requests can be answered with. */
    synchronized boolean ready() {
        return nonce != null && password != null;
    }

    /** Adds the Authorization (or Proxy-Authorization) answering the last challenge to the request. */
    synchronized void authorize(Request request) throws ParseException {
        String uri = request.getRequestURI().toString();
        String ha1 = algorithm.hex(username + ":" + realm + ":" + password);
        String ha2 = algorithm.hex(request.getMethod() + ":" + uri);
        AuthorizationHeader header = proxy
                ? SipFactories.HEADERS.createProxyAuthorizationHeader("Digest")
                : SipFactories.HEADERS.createAuthorizationHeader("Digest");
        header.setUsername(username);
        header.setRealm(realm);
        header.setNonce(nonce);
        header.setURI(request.getRequestURI());
        header.setAlgorithm(algorithm.token());
        if (opaque != null) {
            header.setOpaque(opaque);
        }
        if (qop) {
            String nc = String.format("%08x", ++nonceCount);
            String cnonce = HEX.toHexDigits(ThreadLocalRandom.current().nextLong());
            header.setQop("auth");
            header.setNonceCount(nonceCount);
            header.setCNonce(cnonce);
            header.setResponse(algorithm.hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2));
        } else {
            header.setResponse(algorithm.hex(ha1 + ":" + nonce + ":" + ha2));
        }
        request.setHeader(header);
    }
}
