package nl.abu.monitor.indicator;

import java.time.LocalDate;

/**
 * Receives where one entity counts, cell by cell. A cell is named by its indicator, the index of its period in the
 * rule's {@link nl.abu.monitor.period.ReportingCalendar#periods()} and its {@link Scope} index, so that a rule
 * builds no key and allocates nothing per cell: an entity change runs the rule twice over up to a hundred cells.
 */
public interface CellSink {
    /**
     * The entity is one unit of a ratio or mean cell: it adds one to the denominator and {@code numerator} to the
     * numerator (0 or 1 for a ratio, the unit's value for a mean).
     */
    void share(Indicator indicator, int period, int scope, long numerator);

    /** The entity counts once in a count cell. */
    void count(Indicator indicator, int period, int scope);

    /** On this date of the entity's own facts, where it counts may change with no new event. */
    void changesOn(LocalDate date);
}
