package io.github.gb28181.camel.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.ManscdpException;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.model.StandardTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MANSCDP bodies straight into the codec: mutated seeds and hostile documents. Each decode returns a message that
 * marshals to JSON, or throws {@link ManscdpException}; nothing else, never a hang, never the heap.
 */
class ManscdpCodecFuzzTest {

    static final long SEED = 0x6B28181L;
    private static final int INPUTS = 10_000;

    private final ManscdpCodec codec = StandardTypes.codec();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> failures = new ArrayList<>();

    @Test
    void mutatedAndHostileBodiesDecodeOrFailCleanly() {
        Heap heap = Heap.measure("manscdp");
        FuzzReport report = new FuzzReport("manscdp");
        List<byte[]> seeds = Corpus.manscdpBodies();
        Mutator mutator = new Mutator(SEED, seeds);
        try (Bounded bounded = new Bounded(Duration.ofSeconds(20))) {
            for (int i = 0; i < INPUTS; i++) {
                byte[] seed = seeds.get(mutator.random().nextInt(seeds.size()));
                byte[] input = mutator.random().nextBoolean() ? mutator.text(seed) : mutator.bytes(seed);
                decode(bounded, report, "mutation " + i, input);
            }
            for (Map.Entry<String, byte[]> hostile : HostileXml.all().entrySet()) {
                decode(bounded, report, hostile.getKey(), hostile.getValue());
            }
            report.print();
            System.out.println("FUZZ manscdp slowest decode " + bounded.slowestMillis() + " ms");
        }
        assertThat(failures).as("inputs (seed %x) that broke the codec", SEED).isEmpty();
        assertThat(report.inputs()).isGreaterThanOrEqualTo(INPUTS);
        assertThat(report.accepted()).as("mutations that still decode").isPositive();
        assertThat(report.rejected("MALFORMED")).isPositive();
        assertThat(report.rejected("DTD_FORBIDDEN")).isPositive();
        assertThat(report.rejected("TOO_LARGE")).isGreaterThanOrEqualTo(2);
        heap.assertBounded();
    }

    @Test
    void hostileBodiesGetTheReasonTheyDeserve() {
        Map<String, byte[]> hostile = HostileXml.all();
        for (String name : List.of("xxe-file", "xxe-http", "xxe-parameter", "billion-laughs", "quadratic-blowup")) {
            assertThat(reason(hostile.get(name))).as(name).isEqualTo(ManscdpException.Reason.DTD_FORBIDDEN);
        }
        assertThat(reason(hostile.get("10MB-body"))).isEqualTo(ManscdpException.Reason.TOO_LARGE);
        assertThat(reason(hostile.get("1MiB-plus-1"))).isEqualTo(ManscdpException.Reason.TOO_LARGE);
        assertThat(reason(hostile.get("deep-10000"))).isEqualTo(ManscdpException.Reason.MALFORMED);
    }

    private ManscdpException.Reason reason(byte[] body) {
        try {
            codec.decode(body);
            return null;
        } catch (ManscdpException e) {
            return e.getReason();
        }
    }

    private void decode(Bounded bounded, FuzzReport report, String name, byte[] input) {
        report.input();
        Bounded.Outcome<String> outcome = bounded.call(() -> {
            ManscdpMessage message = codec.decode(input);
            // what a route gets must be whole: a kind-less raw document still names its root, and marshals
            assertThat(message).isNotNull();
            assertThat(message.getSource()).isNotNull();
            return json.writeValueAsString(message);
        });
        if (outcome.nanos() > 250_000_000L) {
            System.out.printf("FUZZ manscdp %s took %d ms%n", name, outcome.nanos() / 1_000_000);
        }
        if (outcome.hung()) {
            failures.add(name + ": no answer within the limit");
        } else if (outcome.thrown() instanceof ManscdpException e) {
            report.reject(e.getReason().name());
        } else if (outcome.thrown() != null) {
            failures.add(name + ": " + outcome.thrown());
            report.reject(outcome.thrown().getClass().getSimpleName());
        } else {
            report.accept();
        }
    }
}
