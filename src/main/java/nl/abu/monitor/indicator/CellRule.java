package nl.abu.monitor.indicator;

import nl.abu.monitor.period.ReportingCalendar;

/** The cell rule of an indicator family: where an entity's current state counts for the reported periods. */
@FunctionalInterface
public interface CellRule<V> {
    /** Tells {@code cells} every cell the entity counts in, as of the calendar's date, and its change dates. */
    void cells(V state, ReportingCalendar calendar, CellSink cells);
}
