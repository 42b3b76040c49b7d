package nl.abu.monitor.indicator;

import nl.abu.monitor.period.ReportingCalendar;

/** An indicator family's definition: where an entity's current state counts for the reported periods. */
@FunctionalInterface
public interface CellRule<V> {
    EntityCells cellsOf(V state, ReportingCalendar calendar);
}
