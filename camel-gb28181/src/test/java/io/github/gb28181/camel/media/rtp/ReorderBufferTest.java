package io.github.gb28181.camel.media.rtp;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReorderBufferTest {

    private static final long MS = 1_000_000;

    private final List<Integer> out = new ArrayList<>();
    private final List<Boolean> gaps = new ArrayList<>();
    private long now;

    private ReorderBuffer buffer(int depth, long latencyMillis) {
        return new ReorderBuffer(depth, latencyMillis * MS, (p, gap) -> {
            out.add(p.sequence());
            gaps.add(gap);
        });
    }

    private void add(ReorderBuffer b, int... seqs) {
        for (int s : seqs) {
            b.add(new RtpPacket(s, 0, 1, false, 96, new byte[10], now, null));
            now += MS;
        }
    }

    @Test
    void putsPacketsBackInOrder() {
        ReorderBuffer b = buffer(8, 100);
        add(b, 10, 12, 11, 13, 15, 14, 16, 17, 18);
        assertThat(out).containsExactly(10, 11, 12, 13, 14, 15, 16, 17, 18);
        assertThat(gaps).doesNotContain(true);
        assertThat(b.lost()).isZero();
    }

    @Test
    void waitsForAnEarlierFirstPacket() {
        ReorderBuffer b = buffer(8, 100);
        add(b, 11, 10, 12, 13, 14);
        assertThat(out).containsExactly(10, 11, 12, 13, 14);
    }

    @Test
    void dropsDuplicates() {
        ReorderBuffer b = buffer(8, 100);
        add(b, 1, 2, 3, 4, 5, 3, 6, 6, 7);
        assertThat(out).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(b.duplicates()).isEqualTo(2);
    }

    @Test
    void givesUpOnAGapAfterTheLatency() {
        ReorderBuffer b = buffer(16, 50);
        add(b, 1, 2, 3, 4, 5, 6, 7, 8);
        add(b, 10, 11);
        assertThat(out).endsWith(8);
        assertThat(b.poll(now)).isGreaterThan(now);
        assertThat(b.poll(now + 100 * MS)).isEqualTo(ReorderBuffer.NO_DEADLINE);
        assertThat(out).endsWith(8, 10, 11);
        assertThat(gaps.get(out.indexOf(10))).isTrue();
        assertThat(b.lost()).isEqualTo(1);
        add(b, 9);
        assertThat(b.late()).isEqualTo(1);
        assertThat(out).endsWith(10, 11);
    }

    @Test
    void givesUpOnAGapWhenTheWindowIsFull() {
        ReorderBuffer b = buffer(4, 1000);
        add(b, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12);
        assertThat(out).endsWith(8);
        assertThat(b.held()).isEqualTo(3);
        add(b, 13);
        assertThat(out).endsWith(8, 10, 11, 12, 13);
        assertThat(b.lost()).isEqualTo(1);
        assertThat(b.held()).isZero();
    }

    @Test
    void flushReleasesWhatWaits() {
        ReorderBuffer b = buffer(8, 1000);
        add(b, 1, 2, 3, 4, 6, 7);
        assertThat(out).containsExactly(1, 2, 3, 4);
        b.flush();
        assertThat(out).containsExactly(1, 2, 3, 4, 6, 7);
        assertThat(b.lost()).isEqualTo(1);
    }

    @Test
    void followsTheSequenceNumberWrap() {
        ReorderBuffer b = buffer(8, 100);
        add(b, 65533, 65534, 0, 65535, 1, 2, 3, 4, 5);
        assertThat(out).containsExactly(65533, 65534, 65535, 0, 1, 2, 3, 4, 5);
    }

    @Test
    void believesAJumpOnlyWhenTheNextPacketFollowsIt() {
        ReorderBuffer b = buffer(8, 100);
        add(b, 1, 2, 3, 4, 5, 6, 7, 8);
        add(b, 40000);
        add(b, 9);
        assertThat(b.outOfRange()).isEqualTo(1);
        assertThat(out).endsWith(8, 9);
        add(b, 20000, 20001, 20002);
        assertThat(b.restarts()).isEqualTo(1);
        assertThat(out).endsWith(9, 20001, 20002);
        assertThat(gaps.get(out.indexOf(20001))).isTrue();
    }

    @Test
    void passesStraightThroughWithDepthOne() {
        ReorderBuffer b = buffer(1, 0);
        add(b, 5, 6, 8, 7, 9);
        assertThat(out).containsExactly(5, 6, 8, 9);
        assertThat(b.lost()).isEqualTo(1);
        assertThat(b.late()).isEqualTo(1);
    }

    @Test
    void memoryIsBoundedByTheDepth() {
        ReorderBuffer b = buffer(16, 10_000);
        add(b, 0);
        for (int s = 2; s < 1000; s++) {
            add(b, s);
            assertThat(b.held()).isLessThanOrEqualTo(16);
        }
    }
}
