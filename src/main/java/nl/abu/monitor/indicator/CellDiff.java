package nl.abu.monitor.indicator;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * One entity's change of contributions, cell by cell: what its state before counted, subtracted, and what its
 * state now counts, added. Only cells whose change is not zero are passed on, as one entity moving within a cell
 * changes nothing there. Kept in arrays that are reused for every entity, so a change allocates nothing per cell.
 */
final class CellDiff {
    private long[] numerators = new long[64];
    private long[] denominators = new long[64];
    private boolean[] touched = new boolean[64];
    private int[] touchedCells = new int[64];
    private int touchedCount;

    private CellNumbers.Table table;
    private int sign;
    private LocalDate nextOwnChange;
    private boolean countsAnywhere;

    private final CellSink sink = new CellSink() {
        @Override
        public void share(Indicator indicator, int period, int scope, long numerator) {
            change(table.number(indicator, period, scope), numerator, 1L);
        }

        @Override
        public void count(Indicator indicator, int period, int scope) {
            change(table.number(indicator, period, scope), 1L, 0L);
        }

        @Override
        public void changesOn(LocalDate date) {
            if (sign > 0 && date.isAfter(table.calendar().asOf())
                    && (nextOwnChange == null || date.isBefore(nextOwnChange))) {
                nextOwnChange = date;
            }
        }
    };

    /** Takes out what {@code state} counted as of the table's calendar. */
    <V> void subtract(CellRule<V> rule, V state, CellNumbers.Table cells) {
        run(rule, state, cells, -1);
    }

    /** Puts in what {@code state} counts as of the table's calendar; {@link #nextOwnChange()} then tells its next change. */
    <V> void add(CellRule<V> rule, V state, CellNumbers.Table cells) {
        table = cells;
        nextOwnChange = null;
        countsAnywhere = false;
        if (state != null) {
            run(rule, state, cells, 1);
        }
    }

    private <V> void run(CellRule<V> rule, V state, CellNumbers.Table cells, int sign) {
        this.table = cells;
        this.sign = sign;
        rule.cells(state, cells.calendar(), sink);
    }

    private void change(int cell, long numerator, long denominator) {
        if (cell >= touched.length) {
            int size = Math.max(cell + 1, 2 * touched.length);
            numerators = Arrays.copyOf(numerators, size);
            denominators = Arrays.copyOf(denominators, size);
            touched = Arrays.copyOf(touched, size);
        }
        if (!touched[cell]) {
            touched[cell] = true;
            numerators[cell] = 0;
            denominators[cell] = 0;
            if (touchedCount == touchedCells.length) {
                touchedCells = Arrays.copyOf(touchedCells, 2 * touchedCount);
            }
            touchedCells[touchedCount++] = cell;
        }
        numerators[cell] += sign * numerator;
        denominators[cell] += sign * denominator;
        countsAnywhere |= sign > 0;
    }

    /** Adds every cell's change that is not zero to {@code pending}, starts afresh, and tells whether there was one. */
    boolean addTo(PendingCellSums pending, long timestamp) {
        boolean changed = false;
        for (int i = 0; i < touchedCount; i++) {
            int cell = touchedCells[i];
            touched[cell] = false;
            if (numerators[cell] != 0 || denominators[cell] != 0) {
                pending.add(cell, numerators[cell], denominators[cell], timestamp);
                changed = true;
            }
        }
        touchedCount = 0;
        return changed;
    }

    /** Whether the state last added counts in any cell. */
    boolean countsAnywhere() {
        return countsAnywhere;
    }

    /**
     * The first of the dates of the state last added, after the as-of date, on which its cells may change with no
     * new event (a stay turning long, a deadline passing), or null. The start of a month or a year is not one of
     * them: every entity is looked at again then ({@link FamilyStep}).
     */
    LocalDate nextOwnChange() {
        return nextOwnChange;
    }
}
