package io.github.gb28181.camel.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.gb28181.camel.sdp.SdpAnswer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutated SDP answers into {@link SdpAnswer#parse}: it returns an answer whose port and host can be used, or throws
 * {@link IllegalArgumentException}; nothing else.
 */
class SdpFuzzTest {

    private static final long SEED = 0x5D9L;
    private static final int INPUTS = 10_000;

    @Test
    void mutatedAnswersParseOrAreRefused() {
        Heap heap = Heap.measure("sdp");
        FuzzReport report = new FuzzReport("sdp");
        List<byte[]> seeds = Corpus.sdpBodies();
        Mutator mutator = new Mutator(SEED, seeds);
        List<String> failures = new ArrayList<>();
        try (Bounded bounded = new Bounded(Duration.ofSeconds(20))) {
            for (int i = 0; i < INPUTS; i++) {
                byte[] seed = seeds.get(mutator.random().nextInt(seeds.size()));
                byte[] input = mutator.random().nextBoolean() ? mutator.text(seed) : mutator.bytes(seed);
                // the platform reads answers as UTF-8 text; the charset of garbage is garbage's business
                String sdp = new String(input, StandardCharsets.UTF_8);
                report.input();
                Bounded.Outcome<SdpAnswer> outcome = bounded.call(() -> SdpAnswer.parse(sdp));
                if (outcome.hung()) {
                    failures.add("input " + i + " hung");
                } else if (outcome.thrown() instanceof IllegalArgumentException e) {
                    report.reject(e instanceof NumberFormatException ? "bad number" : reason(e));
                } else if (outcome.thrown() != null) {
                    failures.add("input " + i + ": " + outcome.thrown());
                } else {
                    SdpAnswer answer = outcome.value();
                    if (answer.mediaPort() < 0 || answer.mediaPort() > 65535 || answer.mediaHost().isBlank()) {
                        failures.add("input " + i + " gave an unusable answer " + answer);
                    }
                    report.accept();
                }
            }
        }
        report.print();
        assertThat(failures).as("answers (seed %x) the parser mishandled", SEED).isEmpty();
        assertThat(report.accepted()).isPositive();
        heap.assertBounded();
    }

    private static String reason(IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        return message.length() > 40 ? message.substring(0, 40) : message;
    }
}
