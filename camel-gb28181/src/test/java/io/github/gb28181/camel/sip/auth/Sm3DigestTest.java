package io.github.gb28181.camel.sip.auth;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Clock;
import java.util.Map;

import io.github.gb28181.camel.sip.transport.SipFactories;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SM3 beside MD5 in the REGISTER digest. The hash is checked against the examples of GB/T 32905-2016 (Annex A); the
 * digest responses below were computed with OpenSSL's SM3 and MD5 (Python hashlib), not with our code, and are put in
 * REGISTER requests as a device would send them.
 */
class Sm3DigestTest {

    private static final String DEVICE = "34020000001320000001";
    private static final String REALM = "3402000000";
    private static final String PASSWORD = "12345678";
    private static final String NONCE = "5f2b8c7a91d04e6e";
    private static final String URI = "sip:34020000002000000001@3402000000";
    private static final String SM3_RESPONSE = "395dcde072b47892442d627391aadce402ab343046d54b1d6d209eda5540cf8b";
    private static final String SM3_QOP_RESPONSE = "a2f6c13b0164f6113a331398fa84aaae15fb3e85b8c03758fb26dd8b168df82f";
    private static final String MD5_RESPONSE = "8111d76e1eb654967d8de49099a3f8f1";

    @Test
    void sm3MatchesTheStandardExamples() {
        assertThat(DigestAlgorithm.SM3.isAvailable()).isTrue();
        assertThat(DigestAlgorithm.SM3.hex("abc"))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(DigestAlgorithm.SM3.hex("abcd".repeat(16)))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
        assertThat(DigestAlgorithm.MD5.hex("abc")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    }

    @Test
    void algorithmTokens() {
        assertThat(DigestAlgorithm.fromToken(null)).isEqualTo(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.fromToken(" sm3 ")).isEqualTo(DigestAlgorithm.SM3);
        assertThat(DigestAlgorithm.fromToken("MD5")).isEqualTo(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.fromToken("SHA-256")).isNull();
        assertThat(DigestAlgorithm.fromToken("MD5-sess")).isNull();
    }

    @Test
    void theChallengeNamesTheConfiguredAlgorithm() {
        assertThat(authenticator(DigestAlgorithm.SM3, true).challenge(false).getAlgorithm()).isEqualTo("SM3");
        WWWAuthenticateHeader md5 = authenticator(DigestAlgorithm.MD5, false).challenge(true);
        assertThat(md5.getAlgorithm()).isEqualTo("MD5");
        assertThat(md5.isStale()).isTrue();
        assertThat(new DigestAuthenticator(REALM, nonces(), credentials(), false).challenge(false).getAlgorithm())
                .isEqualTo("MD5");
    }

    @Test
    void anSm3ResponseVerifies() throws Exception {
        DigestAuthenticator auth = challenged(DigestAlgorithm.SM3);
        assertThat(auth.verify(register("algorithm=SM3, response=\"" + SM3_RESPONSE + "\""), DEVICE).outcome())
                .isEqualTo(DigestAuthenticator.Outcome.AUTHENTICATED);

        auth = challenged(DigestAlgorithm.SM3);
        assertThat(auth.verify(register("algorithm=SM3, qop=auth, nc=00000001, cnonce=\"0a4f113b\", response=\""
                + SM3_QOP_RESPONSE + "\""), DEVICE).outcome()).isEqualTo(DigestAuthenticator.Outcome.AUTHENTICATED);
    }

    @Test
    void aDeviceThatOnlyKnowsMd5StillRegistersAgainstAnSm3Challenge() throws Exception {
        DigestAuthenticator auth = challenged(DigestAlgorithm.SM3);
        assertThat(auth.verify(register("algorithm=MD5, response=\"" + MD5_RESPONSE + "\""), DEVICE).outcome())
                .isEqualTo(DigestAuthenticator.Outcome.AUTHENTICATED);
        auth = challenged(DigestAlgorithm.SM3);
        assertThat(auth.verify(register("response=\"" + MD5_RESPONSE + "\""), DEVICE).outcome())
                .isEqualTo(DigestAuthenticator.Outcome.AUTHENTICATED);
    }

    @Test
    void theAlgorithmNamedIsTheOneChecked() throws Exception {
        // the MD5 response labelled SM3, and the SM3 one labelled MD5, are both wrong
        assertThat(challenged(DigestAlgorithm.SM3).verify(register("algorithm=SM3, response=\"" + MD5_RESPONSE + "\""),
                DEVICE).outcome()).isEqualTo(DigestAuthenticator.Outcome.FORBIDDEN);
        assertThat(challenged(DigestAlgorithm.MD5).verify(register("algorithm=MD5, response=\"" + SM3_RESPONSE + "\""),
                DEVICE).outcome()).isEqualTo(DigestAuthenticator.Outcome.FORBIDDEN);
        // an algorithm we do not compute gets a fresh challenge, not a 403
        assertThat(challenged(DigestAlgorithm.SM3).verify(register("algorithm=SHA-256, response=\"" + SM3_RESPONSE + "\""),
                DEVICE).outcome()).isEqualTo(DigestAuthenticator.Outcome.CHALLENGE);
    }

    @Test
    void oneWrongCharacterIsForbidden() throws Exception {
        String wrong = SM3_RESPONSE.substring(0, 63) + (SM3_RESPONSE.endsWith("b") ? "c" : "b");
        assertThat(challenged(DigestAlgorithm.SM3).verify(register("algorithm=SM3, response=\"" + wrong + "\""), DEVICE)
                .outcome()).isEqualTo(DigestAuthenticator.Outcome.FORBIDDEN);
    }

    /** An authenticator that has just issued {@link #NONCE}, as after the 401. */
    private static DigestAuthenticator challenged(DigestAlgorithm algorithm) {
        DigestAuthenticator auth = authenticator(algorithm, true);
        assertThat(auth.challenge(false).getNonce()).isEqualTo(NONCE);
        return auth;
    }

    private static DigestAuthenticator authenticator(DigestAlgorithm algorithm, boolean offerQop) {
        return new DigestAuthenticator(REALM, nonces(), credentials(), offerQop, algorithm);
    }

    private static NonceManager nonces() {
        return new NonceManager(() -> NONCE, 60_000, Clock.systemUTC());
    }

    private static CredentialLookup credentials() {
        return new StaticCredentialLookup(null, Map.of(DEVICE, PASSWORD));
    }

    private static Request register(String authorizationTail) throws Exception {
        String text = "REGISTER " + URI + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.168.1.64:5060;rport;branch=z9hG4bK1234567890\r\n"
                + "From: <sip:" + DEVICE + "@" + REALM + ">;tag=1803604315\r\n"
                + "To: <sip:" + DEVICE + "@" + REALM + ">\r\n"
                + "Call-ID: 1948377471@192.168.1.64\r\n"
                + "CSeq: 2 REGISTER\r\n"
                + "Contact: <sip:" + DEVICE + "@192.168.1.64:5060>\r\n"
                + "Authorization: Digest username=\"" + DEVICE + "\", realm=\"" + REALM + "\", nonce=\"" + NONCE
                + "\", uri=\"" + URI + "\", " + authorizationTail + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "User-Agent: IP Camera\r\n"
                + "X-GB-Ver: 3.0\r\n"
                + "Expires: 3600\r\n"
                + "Content-Length: 0\r\n\r\n";
        return SipFactories.MESSAGES.createRequest(text);
    }

    /** Loaded where Bouncy Castle cannot be seen, the enum still hashes MD5, and SM3 fails at configuration. */
    @Test
    void withoutBouncyCastleMd5WorksAndSm3FailsAtConfiguration() throws Exception {
        URL classes = DigestAlgorithm.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutBc = new URLClassLoader(new URL[] { classes }, ClassLoader.getPlatformClassLoader())) {
            Class<?> type = withoutBc.loadClass(DigestAlgorithm.class.getName());
            assertThat(type.getClassLoader()).isSameAs(withoutBc);
            Object md5 = type.getMethod("valueOf", String.class).invoke(null, "MD5");
            Object sm3 = type.getMethod("valueOf", String.class).invoke(null, "SM3");
            assertThat(type.getMethod("hex", String.class).invoke(md5, "abc")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
            assertThat(type.getMethod("isAvailable").invoke(sm3)).isEqualTo(false);
            assertThat(type.getMethod("fromToken", String.class).invoke(null, "SM3")).isNull();
            assertThatThrownBy(() -> type.getMethod("requireAvailable").invoke(sm3))
                    .isInstanceOf(InvocationTargetException.class)
                    .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("bcprov-jdk18on");
        }
    }
}
