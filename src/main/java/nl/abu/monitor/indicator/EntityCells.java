package nl.abu.monitor.indicator;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.CellCounts;

/**
 * Where one entity (a worker, a stay, a member, a housing unit) counts as of a date, collected by cell key: its
 * contribution to each indicator cell, and the dates of its own facts at which, with no new event, that may change
 * once the as-of date reaches them. The pipeline never builds this (it sums a rule's cells as they come, see
 * {@link CellSink}); it is the readable form of a rule's answer, for tests and tools.
 */
public record EntityCells(Map<String, CellCounts> contributions, Collection<LocalDate> changeDates) {

    public static final EntityCells NOWHERE = new EntityCells(Map.of(), List.of());

    /** What {@code rule} says of {@code state} as of the calendar's date. */
    public static <V> EntityCells of(CellRule<V> rule, V state, ReportingCalendar calendar) {
        return collect(calendar, sink -> rule.cells(state, calendar, sink));
    }

    /** Collects what {@code rule} tells its sink, by cell key. */
    public static EntityCells collect(ReportingCalendar calendar, Consumer<CellSink> rule) {
        Map<String, CellCounts> contributions = new HashMap<>();
        Set<LocalDate> changeDates = new TreeSet<>();
        rule.accept(new CellSink() {
            @Override
            public void share(Indicator indicator, int period, int scope, long numerator) {
                contributions.put(key(indicator, period, scope), new CellCounts(numerator, 1L));
            }

            @Override
            public void count(Indicator indicator, int period, int scope) {
                contributions.put(key(indicator, period, scope), new CellCounts(1L, 0L));
            }

            @Override
            public void changesOn(LocalDate date) {
                changeDates.add(date);
            }

            private String key(Indicator indicator, int period, int scope) {
                return new IndicatorCell(indicator, calendar.periods().get(period), Scope.name(scope)).key();
            }
        });
        return new EntityCells(Map.copyOf(contributions), List.copyOf(changeDates));
    }
}
