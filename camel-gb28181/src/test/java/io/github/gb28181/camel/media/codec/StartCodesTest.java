package io.github.gb28181.camel.media.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The word-at-a-time start code searches, and the start codes they note on the way, against a byte-by-byte
 * reading of the same bytes.
 */
class StartCodesTest {

    @Test
    void findTheSameStartCodesAsAByteByByteSearchAtEveryOffsetAndEnd() {
        Random random = new Random(28181);
        for (int round = 0; round < 300; round++) {
            byte[] b = new byte[random.nextInt(80) + 1];
            for (int i = 0; i < b.length; i++) {
                // mostly non-zero bytes, as in compressed video, with runs of zeros and ones to make start codes
                int r = random.nextInt(10);
                b[i] = (byte) (r < 3 ? 0 : r < 5 ? 1 : r < 6 ? 0xB9 + random.nextInt(0x47) : random.nextInt(256));
            }
            for (int from = 0; from <= b.length; from++) {
                for (int to = from; to <= b.length; to++) {
                    assertThat(StartCodes.indexOfPrefix(b, from, to)).as("prefix %d..%d", from, to)
                            .isEqualTo(naivePrefix(b, from, to));
                    assertThat(StartCodes.indexOfSystemStartCode(b, from, to)).as("system %d..%d", from, to)
                            .isEqualTo(naiveSystem(b, from, to));
                    StartCodeList others = new StartCodeList();
                    int system = StartCodes.indexOfSystemStartCode(b, from, to, others);
                    assertThat(system).isEqualTo(naiveSystem(b, from, to));
                    assertThat(positions(others)).as("others %d..%d", from, to)
                            .isEqualTo(naiveOthers(b, from, system < 0 ? to : system + 4));
                }
            }
        }
    }

    @Test
    void stepOverLongRunsWithoutZeros() {
        byte[] b = new byte[1000];
        java.util.Arrays.fill(b, (byte) 0x5A);
        assertThat(StartCodes.indexOfPrefix(b, 0, b.length)).isEqualTo(-1);
        b[997] = 0;
        b[998] = 0;
        b[999] = 1;
        assertThat(StartCodes.indexOfPrefix(b, 0, b.length)).isEqualTo(997);
        assertThat(StartCodes.indexOfPrefix(b, 0, 999)).isEqualTo(-1);
        assertThat(StartCodes.indexOfSystemStartCode(b, 0, b.length)).isEqualTo(-1);
        b[500] = 0;
        b[501] = 0;
        b[502] = 1;
        b[503] = (byte) 0xBA;
        assertThat(StartCodes.indexOfSystemStartCode(b, 0, b.length)).isEqualTo(500);
        assertThat(StartCodes.indexOfSystemStartCode(b, 501, b.length)).isEqualTo(-1);
    }

    private static List<Integer> positions(StartCodeList list) {
        List<Integer> positions = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            positions.add(list.get(k));
        }
        return positions;
    }

    // every prefix whose fourth byte is before the end, the program stream start codes aside
    private static List<Integer> naiveOthers(byte[] b, int from, int to) {
        List<Integer> others = new ArrayList<>();
        for (int i = from; i + 4 <= to; i++) {
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1 && (b[i + 3] & 0xFF) < 0xB9) {
                others.add(i);
            }
        }
        return others;
    }

    private static int naivePrefix(byte[] b, int from, int to) {
        for (int i = from; i + 3 <= to; i++) {
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1) {
                return i;
            }
        }
        return -1;
    }

    private static int naiveSystem(byte[] b, int from, int to) {
        for (int i = from; i + 4 <= to; i++) {
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1 && (b[i + 3] & 0xFF) >= 0xB9) {
                return i;
            }
        }
        return -1;
    }
}
