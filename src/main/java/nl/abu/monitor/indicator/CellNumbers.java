package nl.abu.monitor.indicator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.abu.monitor.period.ReportingCalendar;

/**
 * Numbers the cells a step has met, densely, so that their sums can be kept in arrays. A rule names a cell by
 * indicator, period index and scope index (see {@link CellSink}); a table per calendar turns that into the cell's
 * number, and the cell key is built once per cell, not once per entity change. Calendars of different dates
 * share the numbers, as a cell is the same cell whichever calendar reaches it.
 */
final class CellNumbers {
    private static final int INDICATORS = Indicator.values().length;

    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> keys = new ArrayList<>();

    /** The cells of one calendar: the number of each (indicator, period, scope), made when first asked for. */
    final class Table {
        private final ReportingCalendar calendar;
        private final int[] numbersBySlot;

        private Table(ReportingCalendar calendar) {
            this.calendar = calendar;
            this.numbersBySlot = new int[INDICATORS * calendar.periods().size() * Scope.COUNT];
            Arrays.fill(numbersBySlot, -1);
        }

        ReportingCalendar calendar() {
            return calendar;
        }

        int number(Indicator indicator, int period, int scope) {
            int slot = (indicator.ordinal() * calendar.periods().size() + period) * Scope.COUNT + scope;
            int number = numbersBySlot[slot];
            if (number < 0) {
                number = numberOf(new IndicatorCell(indicator, calendar.periods().get(period), Scope.name(scope)).key());
                numbersBySlot[slot] = number;
            }
            return number;
        }
    }

    Table tableOf(ReportingCalendar calendar) {
        return new Table(calendar);
    }

    private int numberOf(String key) {
        return numbers.computeIfAbsent(key, k -> {
            keys.add(k);
            return keys.size() - 1;
        });
    }

    String key(int number) {
        return keys.get(number);
    }

    /** How many cells have a number: every number is below this. */
    int size() {
        return keys.size();
    }
}
