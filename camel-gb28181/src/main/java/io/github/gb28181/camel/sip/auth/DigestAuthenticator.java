package io.github.gb28181.camel.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;

import gov.nist.javax.sip.header.ParametersHeader;
import io.github.gb28181.camel.sip.transport.SipFactories;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;

/**
 * RFC 2617 digest, with and without qop=auth, as GB/T 28181 devices use it on REGISTER. The challenge names MD5, or SM3
 * when the platform is configured for it (GB/T 28181-2022 8.3 recommends SM3 for signalling digests); a response is
 * checked with the algorithm the device names in it, MD5 or SM3, because devices that only know MD5 answer an SM3
 * challenge with MD5 anyway.
 */
public final class DigestAuthenticator {

    /** The outcome of checking a request. */
    public enum Outcome {
        /** the device needs no password */
        OPEN,
        /** the digest verified */
        AUTHENTICATED,
        /** no usable Authorization: answer 401 with a fresh challenge */
        CHALLENGE,
        /** the nonce is not one we have outstanding: answer 401 with stale=true */
        STALE,
        /** the digest does not verify: answer 403 */
        FORBIDDEN
    }

    /** @param username the digest username, when there was one */
    public record Result(Outcome outcome, String username) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final String realm;
    private final NonceManager nonces;
    private final CredentialLookup credentials;
    private final String opaque;
    private final boolean offerQop;
    private final DigestAlgorithm challengeAlgorithm;

    public DigestAuthenticator(String realm, NonceManager nonces, CredentialLookup credentials, boolean offerQop) {
        this(realm, nonces, credentials, offerQop, DigestAlgorithm.MD5);
    }

    /** @throws IllegalStateException when SM3 is asked for and Bouncy Castle is not on the class path */
    public DigestAuthenticator(
            String realm, NonceManager nonces, CredentialLookup credentials, boolean offerQop,
            DigestAlgorithm challengeAlgorithm) {
        this.challengeAlgorithm = challengeAlgorithm.requireAvailable();
        this.realm = realm;
        this.offerQop = offerQop;
        this.nonces = nonces;
        this.credentials = credentials;
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        this.opaque = HEX.formatHex(bytes);
    }

    public Result verify(Request request, String deviceId) {
        AuthorizationHeader auth = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        if (auth == null || !"Digest".equalsIgnoreCase(auth.getScheme())) {
            return credentials.password(deviceId, null) == null
                    ? new Result(Outcome.OPEN, null) : new Result(Outcome.CHALLENGE, null);
        }
        String username = param(auth, "username");
        String password = credentials.password(deviceId, username);
        if (password == null) {
            return new Result(Outcome.OPEN, username);
        }
        DigestAlgorithm algorithm = DigestAlgorithm.fromToken(param(auth, "algorithm"));
        if (!realm.equals(param(auth, "realm")) || algorithm == null) {
            return new Result(Outcome.CHALLENGE, username);
        }
        String nonce = param(auth, "nonce");
        if (nonces.check(nonce) != NonceManager.State.VALID) {
            return new Result(Outcome.STALE, username);
        }
        String expected = expectedResponse(algorithm, username, password, nonce, request.getMethod(), param(auth, "uri"),
                param(auth, "qop"), param(auth, "nc"), param(auth, "cnonce"));
        String actual = param(auth, "response");
        boolean ok = expected != null && actual != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        actual.toLowerCase().getBytes(StandardCharsets.US_ASCII));
        if (!ok) {
            return new Result(Outcome.FORBIDDEN, username);
        }
        String qop = param(auth, "qop");
        if (!nonces.use(nonce, deviceId, qop == null || qop.isEmpty() ? null : param(auth, "nc"))) {
            // a right answer to a spent nonce is a replay: a fresh challenge costs an honest device one round trip
            return new Result(Outcome.STALE, username);
        }
        return new Result(Outcome.AUTHENTICATED, username);
    }

    /** A challenge with a fresh nonce; when qop=auth is offered, devices that ignore it answer without. */
    public WWWAuthenticateHeader challenge(boolean stale) {
        try {
            WWWAuthenticateHeader header = SipFactories.HEADERS.createWWWAuthenticateHeader("Digest");
            header.setRealm(realm);
            header.setNonce(nonces.issue());
            header.setOpaque(opaque);
            header.setAlgorithm(challengeAlgorithm.token());
            if (offerQop) {
                header.setQop("auth");
            }
            if (stale) {
                header.setStale(true);
            }
            return header;
        } catch (ParseException e) {
            throw new IllegalStateException("Cannot build the digest challenge", e);
        }
    }

    /** The response a device must send; null when a qop response lacks nc or cnonce. */
    String expectedResponse(
            DigestAlgorithm algorithm, String username, String password, String nonce, String method, String uri,
            String qop, String nc, String cnonce) {
        String ha1 = algorithm.hex(username + ":" + realm + ":" + password);
        String ha2 = algorithm.hex(method + ":" + uri);
        if (qop == null || qop.isEmpty()) {
            return algorithm.hex(ha1 + ":" + nonce + ":" + ha2);
        }
        if (nc == null || cnonce == null) {
            return null;
        }
        return algorithm.hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    private static String param(AuthorizationHeader auth, String name) {
        // the raw parameter text: the digest covers the uri exactly as the device wrote it, not as a re-encoded URI
        String value = ((ParametersHeader) auth).getParameter(name);
        return value == null ? null : value.trim();
    }
}
