package nl.abu.monitor.indicator;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.abu.monitor.state.CellCounts;

/**
 * Where one entity (a worker, a stay, a member, a housing unit) counts as of a date: its contribution to each
 * indicator cell, and the dates of its own facts at which, with no new event, that may change once the as-of
 * date reaches them (a stay turning long, a registration deadline passing, a placement date arriving).
 */
public record EntityCells(Map<String, CellCounts> contributions, Collection<LocalDate> changeDates) {

    public static final EntityCells NOWHERE = new EntityCells(Map.of(), List.of());

    /** Collects contributions cell by cell. */
    public static final class Builder {
        private final Map<String, CellCounts> contributions = new HashMap<>();
        private final java.util.Set<LocalDate> changeDates = new java.util.TreeSet<>();

        /** Counts the entity in a ratio or mean cell: in the denominator once, adding {@code numerator}. */
        public Builder denominator(IndicatorCell cell, long numerator) {
            contributions.put(cell.key(), new CellCounts(numerator, 1L));
            return this;
        }

        /** Counts the entity once in a count cell. */
        public Builder count(IndicatorCell cell) {
            contributions.put(cell.key(), new CellCounts(1L, 0L));
            return this;
        }

        public Builder changesOn(LocalDate date) {
            changeDates.add(date);
            return this;
        }

        public EntityCells build() {
            return new EntityCells(Map.copyOf(contributions), List.copyOf(changeDates));
        }
    }

    public static Builder builder() {
        return new Builder();
    }
}
