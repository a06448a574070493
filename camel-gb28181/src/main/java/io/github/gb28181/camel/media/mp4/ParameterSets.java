package io.github.gb28181.camel.media.mp4;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The latest video, sequence and picture parameter sets of a stream. Cameras repeat them before every key frame;
 * they are compared where they lie and copied only when they change, which is when a new init segment is due.
 */
final class ParameterSets {

    static final int VPS = 0;
    static final int SPS = 1;
    static final int PPS = 2;

    private final List<List<byte[]>> sets = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    private final int[][] found = new int[3][8];
    private final int[] foundCount = new int[3];
    private boolean changed;

    /** Which parameter set a NAL unit is, or -1. */
    static int kind(boolean h265, byte header) {
        if (h265) {
            int type = (header >> 1) & 0x3F;
            return type == 32 ? VPS : type == 33 ? SPS : type == 34 ? PPS : -1;
        }
        int type = header & 0x1F;
        return type == 7 ? SPS : type == 8 ? PPS : -1;
    }

    /** Takes the parameter sets among an access unit's NAL units. */
    void update(boolean h265, byte[] d, NalScanner nals) {
        Arrays.fill(foundCount, 0);
        for (int i = 0; i < nals.count(); i++) {
            int kind = kind(h265, d[nals.start(i)]);
            if (kind >= 0 && foundCount[kind] < found[kind].length) {
                found[kind][foundCount[kind]++] = i;
            }
        }
        for (int kind = 0; kind < 3; kind++) {
            if (foundCount[kind] > 0 && !same(kind, d, nals)) {
                List<byte[]> list = sets.get(kind);
                list.clear();
                for (int k = 0; k < foundCount[kind]; k++) {
                    int i = found[kind][k];
                    list.add(Arrays.copyOfRange(d, nals.start(i), nals.end(i)));
                }
                changed = true;
            }
        }
    }

    private boolean same(int kind, byte[] d, NalScanner nals) {
        List<byte[]> list = sets.get(kind);
        if (list.size() != foundCount[kind]) {
            return false;
        }
        for (int k = 0; k < list.size(); k++) {
            int i = found[kind][k];
            byte[] known = list.get(k);
            if (!Arrays.equals(known, 0, known.length, d, nals.start(i), nals.end(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether they changed since {@link #taken()}. */
    boolean changed() {
        return changed;
    }

    /** The configuration was built from the current sets. */
    void taken() {
        changed = false;
    }

    List<byte[]> get(int kind) {
        return sets.get(kind);
    }

    void clear() {
        sets.forEach(List::clear);
        changed = false;
    }
}
