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
final class GeneratedPassword {

    private static final Logger LOG = LoggerFactory.getLogger(GeneratedPassword.class);
    static final String FILE = "web-login.hash";

    private GeneratedPassword() {
    }

    /** @return the encoded password for {@code user}, making and printing a new one if there is none yet */
    static String encoded(Path dataDir, String user, PasswordEncoder encoder) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                LOG.info("Web login: user '{}' with the password printed at the first start (its hash is in {};"
                         + " delete that file for a new one, or set gb28181.web.password)", user, file.toAbsolutePath());
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
                    Web login (REST API and page): user '{}', password {}
                    Generated at this first start and printed only now; its hash is kept in
                    {}. Set gb28181.web.password to choose one,
                    or gb28181.web.login=false to turn the login off.
                    ************************************************************************""",
                    user, password, file.toAbsolutePath());
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the web login in " + file, e);
        }
    }
}
