package io.github.gb28181.camel.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Used heap after a collection, at the start and end of a suite: a leak that grows with the inputs shows as a
 * difference far beyond what the suite keeps on purpose.
 */
public final class Heap {

    /** What a suite may keep beyond its start: the Camel context, the stack's caches, the corpora, their copies. */
    public static final long BOUND = 64L * 1024 * 1024;

    private final String suite;
    private final long start;

    private Heap(String suite) {
        this.suite = suite;
        this.start = used();
    }

    public static Heap measure(String suite) {
        return new Heap(suite);
    }

    /** Prints both figures and fails if the heap grew by more than {@link #BOUND}. */
    public void assertBounded() {
        long end = used();
        System.out.printf("HEAP %-12s start %d MiB, end %d MiB, bound %d MiB%n", suite, start >> 20, end >> 20,
                (start + BOUND) >> 20);
        assertThat(end).as("%s: used heap after GC", suite).isLessThan(start + BOUND);
    }

    static long used() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // a few rounds: finalizers and reference processing free more on the second pass
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
