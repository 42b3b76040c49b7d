package nl.abu.monitor.families.eures;

import java.time.LocalDate;
import java.util.List;
import nl.abu.monitor.events.EuresPlacement;
import nl.abu.monitor.events.PlacementStatus;
import nl.abu.monitor.indicator.CellSink;
import nl.abu.monitor.indicator.EntityCells;
import nl.abu.monitor.indicator.Indicator;
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
    public static void cells(EuresPlacement placement, ReportingCalendar calendar, CellSink cells) {
        if (placement.getStatus() != PlacementStatus.PLACED) {
            return;
        }
        cells.changesOn(placement.getPlacedOn());
        List<Period> periods = calendar.periods();
        for (int p = 0; p < periods.size(); p++) {
            if (isPlacedIn(placement.getPlacedOn(), periods.get(p), calendar.asOf())) {
                cells.count(Indicator.EURES_PLACEMENTS, p, Scope.ALL_INDEX);
                cells.count(Indicator.EURES_PLACEMENTS, p, Scope.indexOf(placement.getSector()));
            }
        }
    }

    /** The rule's answer by cell key, for tests. */
    public static EntityCells of(EuresPlacement placement, ReportingCalendar calendar) {
        return EntityCells.of(EuresPlacementCells::cells, placement, calendar);
    }

    /** start(P) <= placedOn <= R(P). */
    static boolean isPlacedIn(LocalDate placedOn, Period period, LocalDate asOf) {
        return !placedOn.isBefore(period.start()) && !placedOn.isAfter(period.reachedBy(asOf));
    }
}
