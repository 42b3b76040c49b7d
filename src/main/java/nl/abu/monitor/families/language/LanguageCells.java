package nl.abu.monitor.families.language;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import nl.abu.monitor.events.EnrolmentStatus;
import nl.abu.monitor.indicator.CellSink;
import nl.abu.monitor.indicator.EntityCells;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.indicator.Scope;
import nl.abu.monitor.period.Period;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.EnrolmentFacts;
import nl.abu.monitor.state.LanguageWorker;
import nl.abu.monitor.state.StayFacts;

/**
 * Where one worker (memberId, workerRef) counts in {@code long_stay_share} and {@code language_training_share}
 * (contract section 4): for each reported period and scope, whether the worker is in the denominator, and if so
 * whether in the numerator too. Its cells change with the as-of date on arrival, on the day a stay turns long
 * and on the first lesson.
 */
public final class LanguageCells {
    /** A stay is long from arrivalDate + 183 days. */
    public static final int LONG_STAY_DAYS = 183;

    private LanguageCells() {
    }

    /** The family's rule: where a worker counts, given its current stays and enrolments. */
    public static void cells(LanguageWorker worker, ReportingCalendar calendar, CellSink cells) {
        cells(worker.getStays().values(), worker.getEnrolments().values(), calendar, cells);
    }

    /** The rule's answer by cell key, for tests. */
    public static EntityCells of(Collection<StayFacts> stays, Collection<EnrolmentFacts> enrolments,
            ReportingCalendar calendar) {
        return EntityCells.collect(calendar, sink -> cells(stays, enrolments, calendar, sink));
    }

    static void cells(Collection<StayFacts> stays, Collection<EnrolmentFacts> enrolments, ReportingCalendar calendar,
            CellSink cells) {
        for (StayFacts stay : stays) {
            cells.changesOn(stay.getArrivalDate());
            cells.changesOn(stay.getArrivalDate().plusDays(LONG_STAY_DAYS));
        }
        for (EnrolmentFacts e : enrolments) {
            if (e.getStartedOn() != null) {
                cells.changesOn(e.getStartedOn());
            }
        }
        List<Period> periods = calendar.periods();
        for (int p = 0; p < periods.size(); p++) {
            Period period = periods.get(p);
            LocalDate reached = period.reachedBy(calendar.asOf());
            // Scopes as bits (bit 0 is all, bit i a sector's index): a worker with two stays in a scope counts once.
            int presentScopes = 0;
            int longStayScopes = 0;
            for (StayFacts stay : stays) {
                int scopes = 1 << Scope.ALL_INDEX | 1 << Scope.indexOf(stay.getSector());
                if (isPresent(stay, period, reached)) {
                    presentScopes |= scopes;
                }
                if (isLongStay(stay, period, reached)) {
                    longStayScopes |= scopes;
                }
            }
            if (presentScopes == 0) {
                continue;
            }
            boolean trained = longStayScopes != 0 && hasTrainingStartedBy(enrolments, reached);
            for (int scope = 0; scope < Scope.COUNT; scope++) {
                if ((presentScopes & 1 << scope) != 0) {
                    boolean isLong = (longStayScopes & 1 << scope) != 0;
                    cells.share(Indicator.LONG_STAY_SHARE, p, scope, isLong ? 1 : 0);
                    if (isLong) {
                        cells.share(Indicator.LANGUAGE_TRAINING_SHARE, p, scope, trained ? 1 : 0);
                    }
                }
            }
        }
    }

    /** long_stay_share's denominator: arrived by R(P) and not departed before P. */
    static boolean isPresent(StayFacts stay, Period period, LocalDate reached) {
        LocalDate departure = stay.getDepartureDate();
        return !stay.getArrivalDate().isAfter(reached)
                && (departure == null || !departure.isBefore(period.start()));
    }

    /** language_training_share's denominator: long by R(P), and still here once it was long and P had begun. */
    static boolean isLongStay(StayFacts stay, Period period, LocalDate reached) {
        LocalDate longFrom = stay.getArrivalDate().plusDays(LONG_STAY_DAYS);
        LocalDate departure = stay.getDepartureDate();
        LocalDate mustStayUntil = longFrom.isAfter(period.start()) ? longFrom : period.start();
        return !longFrom.isAfter(reached) && (departure == null || !departure.isBefore(mustStayUntil));
    }

    static boolean hasTrainingStartedBy(Iterable<EnrolmentFacts> enrolments, LocalDate reached) {
        for (EnrolmentFacts e : enrolments) {
            boolean following = e.getStatus() == EnrolmentStatus.ACTIVE || e.getStatus() == EnrolmentStatus.COMPLETED;
            if (following && e.getStartedOn() != null && !e.getStartedOn().isAfter(reached)) {
                return true;
            }
        }
        return false;
    }
}
