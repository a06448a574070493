package io.github.gb28181.camel.fuzz;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one corpus's inputs came to, printed as one line: how many, how many accepted, the rest by reason, how long.
 */
public final class FuzzReport {

    private final String corpus;
    private final long started = System.nanoTime();
    private final LongAdder inputs = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

    public FuzzReport(String corpus) {
        this.corpus = corpus;
    }

    public void input() {
        inputs.increment();
    }

    public void accept() {
        accepted.increment();
    }

    public void accept(long count) {
        accepted.add(count);
    }

    public void reject(String reason) {
        reject(reason, 1);
    }

    public void reject(String reason, long count) {
        rejected.computeIfAbsent(reason, r -> new LongAdder()).add(count);
    }

    public long inputs() {
        return inputs.sum();
    }

    public long accepted() {
        return accepted.sum();
    }

    public long rejected(String reason) {
        LongAdder count = rejected.get(reason);
        return count == null ? 0 : count.sum();
    }

    public Map<String, Long> rejections() {
        Map<String, Long> out = new TreeMap<>();
        rejected.forEach((reason, count) -> out.put(reason, count.sum()));
        return out;
    }

    /** Prints the summary line and returns it. */
    public String print() {
        String line = String.format("FUZZ %-12s %6d inputs, %6d accepted, rejected %s, %.1f s", corpus, inputs(),
                accepted(), rejections(), (System.nanoTime() - started) / 1e9);
        System.out.println(line);
        return line;
    }
}
