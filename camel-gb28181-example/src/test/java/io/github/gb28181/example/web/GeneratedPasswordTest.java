package io.github.gb28181.example.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The first start prints a password once and keeps only its hash; the next start asks for the same one. */
class GeneratedPasswordTest {

    @TempDir
    Path data;

    @Test
    void printedOnceKeptHashed() throws Exception {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(GeneratedPassword.class);
        logger.addAppender(logs);
        try {
            String first = GeneratedPassword.encoded(data, "admin", encoder);
            String printed = logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .map(Pattern.compile("user 'admin', password (\\S+)")::matcher).filter(Matcher::find)
                    .map(m -> m.group(1)).findFirst().orElseThrow();
            assertThat(encoder.matches(printed, first)).isTrue();
            assertThat(Files.readString(data.resolve(GeneratedPassword.FILE))).doesNotContain(printed);

            logs.list.clear();
            String second = GeneratedPassword.encoded(data, "admin", encoder);
            assertThat(second).isEqualTo(first);
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(m -> m.contains(printed)).anyMatch(m -> m.contains("printed at the first start"));
        } finally {
            logger.detachAppender(logs);
        }
    }
}
