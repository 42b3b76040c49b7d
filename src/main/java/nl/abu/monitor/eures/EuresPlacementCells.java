package nl.abu.monitor.eures;

import java.time.LocalDate;
import nl.abu.monitor.events.EuresPlacement;
import nl.abu.monitor.events.PlacementStatus;
import nl.abu.monitor.indicator.EntityCells;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.indicator.IndicatorCell;
import nl.abu.monitor.indicator.Scope;
import nl.abu.monitor.period.Period;
import nl.abu.monitor.period.ReportingCalendar;

/**
 * Where one placement counts in {@code eures_placements} (contract section 4): once in {@code all} and once in its
 * sector, for every reported period P with start(P) <= placedOn <= R(P), if it is PLACED. A CANCELLED placement
 * counts nowhere. Its cells change with the as-of date on placedOn (a placement dated in the future).
 */
public final class EuresPlacementCells {
    private EuresPlacementCells() {
    }

    /** The rule of {@code eures_placements}: where a placement counts, given its latest version. */
    public static EntityCells of(EuresPlacement placement, ReportingCalendar calendar) {
        if (placement.getStatus() != PlacementStatus.PLACED) {
            return EntityCells.NOWHERE;
        }
        EntityCells.Builder cells = EntityCells.builder().changesOn(placement.getPlacedOn());
        for (Period period : calendar.periods()) {
            if (isPlacedIn(placement.getPlacedOn(), period, calendar.asOf())) {
                cells.count(new IndicatorCell(Indicator.EURES_PLACEMENTS, period, Scope.ALL))
                        .count(new IndicatorCell(Indicator.EURES_PLACEMENTS, period, Scope.of(placement.getSector())));
            }
        }
        return cells.build();
    }

    /** start(P) <= placedOn <= R(P). */
    static boolean isPlacedIn(LocalDate placedOn, Period period, LocalDate asOf) {
        return !placedOn.isBefore(period.start()) && !placedOn.isAfter(period.reachedBy(asOf));
    }
}
