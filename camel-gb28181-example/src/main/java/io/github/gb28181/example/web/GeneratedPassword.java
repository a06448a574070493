package io.github.gb28181.example.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The web password when none is configured: made at the first start, printed once, and kept as a hash in the data
 * folder, so the next start asks for the same one and nothing readable of it stays on disk. Deleting the file makes
 * a new one.
 */
public final class GeneratedPassword {

    private static final Logger LOG = LoggerFactory.getLogger(GeneratedPassword.class);
    public static final String FILE = "web-login.hash";

    private GeneratedPassword() {
    }

    /** @return the encoded web password for {@code user}, making and printing a new one if there is none yet */
    static String encoded(Path dataDir, String user, PasswordEncoder encoder) {
        return encoded(dataDir, FILE, "Web login (REST API and page)", user, encoder);
    }

    /**
     * @param  fileName where the hash is kept, in the data folder
     * @param  what     what the password opens, for the log
     * @return          the encoded password for {@code user}, making and printing a new one if there is none yet
     */
    public static String encoded(Path dataDir, String fileName, String what, String user, PasswordEncoder encoder) {
        Path file = dataDir.resolve(fileName);
        try {
            if (Files.isRegularFile(file)) {
                LOG.info("{}: user '{}' with the password printed at the first start (its hash is in {}; delete that"
                         + " file for a new one)", what, user, file.toAbsolutePath());
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            String hash = encoder.encode(password);
            Files.createDirectories(dataDir);
            Files.writeString(file, hash + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the hash alone is no password
            }
            // printed on purpose, once: the operator needs it to log in, and it is never stored in the clear
            LOG.warn("""

                    ************************************************************************
                    {}: user '{}', password {}
                    Generated at this first start and printed only now; its hash is kept in
                    {}. Set its password property to choose one
                    (gb28181.web.password, gb28181.broker-password).
                    ************************************************************************""",
                    what, user, password, file.toAbsolutePath());
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the web login in " + file, e);
        }
    }
}
