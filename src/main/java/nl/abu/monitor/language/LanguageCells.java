package nl.abu.monitor.language;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import nl.abu.monitor.events.EnrolmentStatus;
import nl.abu.monitor.indicator.EntityCells;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.indicator.IndicatorCell;
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
    public static EntityCells of(LanguageWorker worker, ReportingCalendar calendar) {
        return of(worker.getStays().values(), worker.getEnrolments().values(), calendar);
    }

    public static EntityCells of(Collection<StayFacts> stays, Collection<EnrolmentFacts> enrolments,
            ReportingCalendar calendar) {
        EntityCells.Builder cells = EntityCells.builder();
        for (StayFacts stay : stays) {
            cells.changesOn(stay.getArrivalDate()).changesOn(stay.getArrivalDate().plusDays(LONG_STAY_DAYS));
        }
        for (EnrolmentFacts e : enrolments) {
            if (e.getStartedOn() != null) {
                cells.changesOn(e.getStartedOn());
            }
        }
        for (Period period : calendar.periods()) {
            LocalDate reached = period.reachedBy(calendar.asOf());
            Set<String> presentScopes = new HashSet<>();
            Set<String> longStayScopes = new HashSet<>();
            for (StayFacts stay : stays) {
                if (isPresent(stay, period, reached)) {
                    presentScopes.add(Scope.ALL);
                    presentScopes.add(Scope.of(stay.getSector()));
                }
                if (isLongStay(stay, period, reached)) {
                    longStayScopes.add(Scope.ALL);
                    longStayScopes.add(Scope.of(stay.getSector()));
                }
            }
            boolean trained = hasTrainingStartedBy(enrolments, reached);
            for (String scope : presentScopes) {
                cells.denominator(new IndicatorCell(Indicator.LONG_STAY_SHARE, period, scope),
                        longStayScopes.contains(scope) ? 1 : 0);
            }
            for (String scope : longStayScopes) {
                cells.denominator(new IndicatorCell(Indicator.LANGUAGE_TRAINING_SHARE, period, scope), trained ? 1 : 0);
            }
        }
        return cells.build();
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
