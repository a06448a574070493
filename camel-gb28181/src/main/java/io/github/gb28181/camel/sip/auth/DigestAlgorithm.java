package io.github.gb28181.camel.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The hash a SIP digest is computed with. MD5 is RFC 2617's and what every GB/T 28181 device does; SM3 (GB/T 32905)
 * is the national hash that GB/T 28181-2022 8.3 recommends for signalling digests. The JDK has no SM3, so it comes
 * from Bouncy Castle's lightweight API, which a platform offering SM3 must have on its class path.
 */
public enum DigestAlgorithm {
    MD5("MD5"),
    SM3("SM3");

    private static final HexFormat HEX = HexFormat.of();

    private final String token;

    DigestAlgorithm(String token) {
        this.token = token;
    }

    /** The {@code algorithm=} value of WWW-Authenticate and Authorization. */
    public String token() {
        return token;
    }

    /** The lower-case hex digest of the UTF-8 bytes of {@code text}. */
    public String hex(String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        return HEX.formatHex(this == MD5 ? md5(data) : Sm3.digest(data));
    }

    /** Whether this JVM can compute it: MD5 always, SM3 when Bouncy Castle is present. */
    public boolean isAvailable() {
        return this == MD5 || Sm3.AVAILABLE;
    }

    /** Fails at configuration time, not at a device's first REGISTER, when SM3 is asked for but cannot be computed. */
    public DigestAlgorithm requireAvailable() {
        if (!isAvailable()) {
            throw new IllegalStateException("The SM3 digest needs org.bouncycastle:bcprov-jdk18on on the class path");
        }
        return this;
    }

    /**
     * The algorithm an {@code algorithm=} parameter names, ignoring case; absent means MD5, as RFC 2617 says; null for
     * one we do not compute (SHA-256, MD5-sess...), or SM3 when Bouncy Castle is missing.
     */
    public static DigestAlgorithm fromToken(String token) {
        if (token == null || token.isBlank()) {
            return MD5;
        }
        String wanted = token.strip().toUpperCase(Locale.ROOT);
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.token.equals(wanted)) {
                return algorithm.isAvailable() ? algorithm : null;
            }
        }
        return null;
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    /** Kept apart so that the enum loads, and MD5 works, without Bouncy Castle. */
    private static final class Sm3 {

        static final boolean AVAILABLE = present();

        private static boolean present() {
            try {
                Class.forName("org.bouncycastle.crypto.digests.SM3Digest", false, DigestAlgorithm.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }

        static byte[] digest(byte[] data) {
            if (!AVAILABLE) {
                throw new IllegalStateException("The SM3 digest needs org.bouncycastle:bcprov-jdk18on on the class path");
            }
            return Bc.digest(data);
        }
    }

    /** The only class that names Bouncy Castle: loaded on the first SM3 digest, after the presence check. */
    private static final class Bc {

        static byte[] digest(byte[] data) {
            org.bouncycastle.crypto.digests.SM3Digest sm3 = new org.bouncycastle.crypto.digests.SM3Digest();
            sm3.update(data, 0, data.length);
            byte[] out = new byte[sm3.getDigestSize()];
            sm3.doFinal(out, 0);
            return out;
        }
    }
}
