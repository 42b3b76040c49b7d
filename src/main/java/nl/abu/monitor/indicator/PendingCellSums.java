package nl.abu.monitor.indicator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The cell changes summed since they were last sent on, in arrays indexed by {@link CellNumbers} number: an entity
 * change adds to up to a hundred cells, so an addition must cost no lookup and no allocation. They live in memory
 * only, because they are sent on before every commit (see {@link BeforeCommitHook}): a crash loses them together
 * with the uncommitted inputs they came from.
 */
final class PendingCellSums {
    private long[] numerators = new long[64];
    private long[] denominators = new long[64];
    private long[] timestamps = new long[64];
    private boolean[] pending = new boolean[64];
    private int[] pendingCells = new int[64];
    private int pendingCount;

    /** A cell's summed change, with the timestamp of the newest input in it. */
    record Sum(String cell, long numerator, long denominator, long timestamp) {
    }

    void add(int cell, long numerator, long denominator, long timestamp) {
        if (cell >= pending.length) {
            grow(cell + 1);
        }
        if (!pending[cell]) {
            pending[cell] = true;
            numerators[cell] = 0;
            denominators[cell] = 0;
            timestamps[cell] = timestamp;
            if (pendingCount == pendingCells.length) {
                pendingCells = Arrays.copyOf(pendingCells, 2 * pendingCount);
            }
            pendingCells[pendingCount++] = cell;
        }
        numerators[cell] += numerator;
        denominators[cell] += denominator;
        timestamps[cell] = Math.max(timestamps[cell], timestamp);
    }

    boolean isEmpty() {
        return pendingCount == 0;
    }

    /** Every sum, in cell key order so that the output does not depend on arrival order, after which none is pending. */
    List<Sum> drain(CellNumbers cells) {
        List<Sum> drained = new ArrayList<>(pendingCount);
        for (int i = 0; i < pendingCount; i++) {
            int cell = pendingCells[i];
            drained.add(new Sum(cells.key(cell), numerators[cell], denominators[cell], timestamps[cell]));
            pending[cell] = false;
        }
        pendingCount = 0;
        drained.sort(Comparator.comparing(Sum::cell));
        return drained;
    }

    private void grow(int atLeast) {
        int size = Math.max(atLeast, 2 * pending.length);
        numerators = Arrays.copyOf(numerators, size);
        denominators = Arrays.copyOf(denominators, size);
        timestamps = Arrays.copyOf(timestamps, size);
        pending = Arrays.copyOf(pending, size);
    }
}
