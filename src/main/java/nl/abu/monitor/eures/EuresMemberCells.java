package nl.abu.monitor.eures;

import java.time.LocalDate;
import java.util.Collection;
import nl.abu.monitor.indicator.EntityCells;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.indicator.IndicatorCell;
import nl.abu.monitor.indicator.Scope;
import nl.abu.monitor.period.Period;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.EuresMember;

/**
 * Where one member counts in {@code eures_fec_members} (contract section 4): once in {@code all}, for every
 * reported period P in which it has a PLACED placement with start(P) <= placedOn <= R(P), if its current profile
 * has signed the Fair Employment Code. A member without a profile (not yet sent, or retracted) counts nowhere.
 * Its cells change with the as-of date on each placedOn.
 */
public final class EuresMemberCells {
    private EuresMemberCells() {
    }

    /** The rule of {@code eures_fec_members}: where a member counts, given its profile and PLACED placements. */
    public static EntityCells of(EuresMember member, ReportingCalendar calendar) {
        return of(member.getFairEmploymentCode(), member.getPlacedOn().values(), calendar);
    }

    public static EntityCells of(boolean fairEmploymentCode, Collection<LocalDate> placedOn,
            ReportingCalendar calendar) {
        if (!fairEmploymentCode) {
            return EntityCells.NOWHERE;
        }
        EntityCells.Builder cells = EntityCells.builder();
        placedOn.forEach(cells::changesOn);
        for (Period period : calendar.periods()) {
            if (placedOn.stream().anyMatch(date -> EuresPlacementCells.isPlacedIn(date, period, calendar.asOf()))) {
                cells.count(new IndicatorCell(Indicator.EURES_FEC_MEMBERS, period, Scope.ALL));
            }
        }
        return cells.build();
    }
}
