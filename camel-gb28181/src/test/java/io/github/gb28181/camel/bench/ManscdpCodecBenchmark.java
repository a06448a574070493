package io.github.gb28181.camel.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.Resources;
import io.github.gb28181.camel.manscdp.model.StandardTypes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The MANSCDP codec against Jackson XML on the seed documents (real devices' bodies) and their charset and quirk
 * variants, in one JVM, one thread: documents per second each way, and the ratio. Jackson reads into a tree (its
 * fastest, untyped path; typed reading would need annotations on every model class) and writes that tree back, so
 * the anchor flatters Jackson. Run: {@code mvn -B -o -q -pl camel-gb28181 -Pbenchmark test
 * -Dtest=ManscdpCodecBenchmark} ({@code -Dbenchmark.seconds=3} per figure). Not a test: it prints.
 */
@Tag("benchmark")
class ManscdpCodecBenchmark {

    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 3);
    private static final List<String> DOCUMENTS = List.of(
            "seeds/dahua2024-notify-keepalive.xml", "seeds/dahua2024-response-catalog.xml",
            "seeds/dahua2024-response-deviceinfo.xml", "seeds/dahua2024-response-devicestatus.xml",
            "seeds/dvr2024-response-recordinfo.xml", "seeds/exosip2024-control-fi-focus-far.xml",
            "seeds/exosip2024-control-fi-stop.xml", "seeds/exosip2024-control-ptz-stop.xml",
            "seeds/exosip2024-control-ptz-up.xml", "seeds/exosip2024-query-catalog.xml",
            "seeds/exosip2024-query-deviceinfo.xml", "seeds/exosip2024-query-devicestatus.xml",
            "seeds/exosip2024-query-recordinfo.xml", "seeds/hik2013-notify-keepalive.xml",
            "seeds/hik2013-query-catalog.xml", "variants/dahua2024-response-catalog-chinese-gb2312.xml",
            "variants/dahua2024-response-catalog-gbk-declared-gb2312.xml",
            "variants/dahua2024-response-catalog-utf8-declared-gb2312.xml",
            "variants/hik-response-catalog-unescaped-address.xml");

    private final ManscdpCodec codec = StandardTypes.codec();
    private final XmlMapper jackson = new XmlMapper();

    @Test
    void codecAgainstJacksonXml() throws Exception {
        System.out.printf("MANSCDP codec benchmark, %s, %d cores, Java %s, %d documents, %d s per figure%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                DOCUMENTS.size(), SECONDS);
        List<byte[]> jacksonReadable = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> misread = new ArrayList<>();
        for (String name : DOCUMENTS) {
            byte[] body = Resources.bytes(name);
            ManscdpMessage ours = codec.decode(body);
            try {
                JsonNode tree = jackson.readTree(body);
                jacksonReadable.add(body);
                // what a device wrote in Chinese must come out in Chinese
                if (!tree.toString().contains(firstChinese(codec.toXml(ours, StandardCharsets.UTF_8)))) {
                    misread.add(name);
                }
            } catch (Exception e) {
                refused.add(name + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        System.out.printf("  Jackson XML refuses %d of %d documents: %s%n", refused.size(), DOCUMENTS.size(), refused);
        System.out.printf("  Jackson XML reads %d of them with wrong Chinese text: %s%n", misread.size(), misread);

        // both sides on the documents Jackson accepts, in alternating slices, so that the load of a shared machine
        // weighs on both alike and the ratio holds even when the absolute figures wander
        List<ManscdpMessage> documents = jacksonReadable.stream().map(codec::decode).toList();
        List<JsonNode> trees = new ArrayList<>();
        for (byte[] body : jacksonReadable) {
            trees.add(jackson.readTree(body));
        }
        double[] read = interleaved(jacksonReadable, codec::decode, unchecked(jackson::readTree));
        double[] write = interleaved(documents, codec::encode, trees, unchecked(jackson::writeValueAsBytes));
        double averageBytes = (double) jacksonReadable.stream().mapToInt(b -> b.length).sum() / jacksonReadable.size();
        report("decode, bytes -> typed document (ours, charset detection included)", read[0], averageBytes);
        report("read, bytes -> untyped tree (Jackson XML)", read[1], averageBytes);
        // typed binding, charset detection and the DTD check cost something over Jackson's untyped tree; a third of
        // its rate keeps the codec far from the SIP path's limit (SipLoadBenchmark decodes every keepalive)
        System.out.printf(Locale.ROOT, "  decode ratio ours/Jackson: %.2f; target >= 0.33: %s%n", read[0] / read[1],
                read[0] / read[1] >= 0.33 ? "PASS" : "FAIL");
        report("encode, typed document -> bytes in its charset (ours)", write[0], averageBytes);
        report("write, tree -> bytes (Jackson XML)", write[1], averageBytes);
        System.out.printf(Locale.ROOT, "  encode ratio ours/Jackson: %.2f%n", write[0] / write[1]);
        if (!refused.isEmpty()) {
            List<byte[]> repaired = DOCUMENTS.stream().filter(n -> refused.stream().anyMatch(r -> r.startsWith(n)))
                    .map(Resources::bytes).toList();
            report("decode of what Jackson refuses (ours: strict parse fails, repair, parse again)",
                    interleaved(repaired, codec::decode, List.of(), x -> { })[0], repaired.get(0).length);
        }
    }

    /** Jackson's checked exceptions, for the Consumer the measuring loop takes. */
    private interface Work<T> {
        void on(T input) throws Exception;
    }

    private static <T> Consumer<T> unchecked(Work<T> work) {
        return input -> {
            try {
                work.on(input);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static <T> double[] interleaved(List<T> inputs, Consumer<T> ours, Consumer<T> theirs) {
        return interleaved(inputs, ours, inputs, theirs);
    }

    /** Documents per second of each side: warm-up, then {@link #SECONDS} each in 100 ms slices taking turns. */
    private static <A, B> double[] interleaved(List<A> oursInputs, Consumer<A> ours, List<B> theirsInputs,
                                               Consumer<B> theirs) {
        long slice = 100_000_000L;
        for (int i = 0; i < 10; i++) {
            run(oursInputs, ours, slice);
            run(theirsInputs, theirs, slice);
        }
        double[] done = new double[2];
        double[] seconds = new double[2];
        for (int i = 0; i < SECONDS * 10; i++) {
            long[] a = run(oursInputs, ours, slice);
            long[] b = run(theirsInputs, theirs, slice);
            done[0] += a[0];
            seconds[0] += a[1] / 1e9;
            done[1] += b[0];
            seconds[1] += b[1] / 1e9;
        }
        return new double[] { done[0] / seconds[0], done[1] / seconds[1] };
    }

    /** How many documents in how many nanoseconds, working for at least {@code nanos}. */
    private static <T> long[] run(List<T> inputs, Consumer<T> work, long nanos) {
        long start = System.nanoTime();
        long done = 0;
        long elapsed;
        do {
            for (T input : inputs) {
                work.accept(input);
            }
            done += inputs.size();
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        return new long[] { done, elapsed };
    }

    private static String firstChinese(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN) {
                return text.substring(i, i + 1);
            }
        }
        return "";
    }

    private static void report(String what, double perSecond, double averageBytes) {
        System.out.printf(Locale.ROOT, "  %-80s %,10.0f documents/s, %6.1f MB/s%n", what, perSecond,
                perSecond * averageBytes / 1e6);
    }
}
