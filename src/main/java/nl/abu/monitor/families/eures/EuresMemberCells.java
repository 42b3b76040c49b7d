package nl.abu.monitor.families.eures;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import nl.abu.monitor.indicator.CellSink;
import nl.abu.monitor.indicator.EntityCells;
import nl.abu.monitor.indicator.Indicator;
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
    public static void cells(EuresMember member, ReportingCalendar calendar, CellSink cells) {
        cells(member.getFairEmploymentCode(), member.getPlacedOn().values(), calendar, cells);
    }

    /** The rule's answer by cell key, for tests. */
    public static EntityCells of(boolean fairEmploymentCode, Collection<LocalDate> placedOn,
            ReportingCalendar calendar) {
        return EntityCells.collect(calendar, sink -> cells(fairEmploymentCode, placedOn, calendar, sink));
    }

    static void cells(boolean fairEmploymentCode, Collection<LocalDate> placedOn, ReportingCalendar calendar,
            CellSink cells) {
        if (!fairEmploymentCode) {
            return;
        }
        for (LocalDate date : placedOn) {
            cells.changesOn(date);
        }
        List<Period> periods = calendar.periods();
        for (int p = 0; p < periods.size(); p++) {
            if (anyPlacedIn(placedOn, periods.get(p), calendar.asOf())) {
                cells.count(Indicator.EURES_FEC_MEMBERS, p, Scope.ALL_INDEX);
            }
        }
    }

    private static boolean anyPlacedIn(Collection<LocalDate> placedOn, Period period, LocalDate asOf) {
        for (LocalDate date : placedOn) {
            if (EuresPlacementCells.isPlacedIn(date, period, asOf)) {
                return true;
            }
        }
        return false;
    }
}
