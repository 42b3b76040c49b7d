package nl.abu.monitor.families.housing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import nl.abu.monitor.events.HousingCertification;
import nl.abu.monitor.indicator.CellSink;
import nl.abu.monitor.indicator.EntityCells;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.indicator.Scope;
import nl.abu.monitor.period.Period;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.HousingUnit;
import nl.abu.monitor.state.RatingFacts;

/**
 * Where one housing unit (memberId, housingUnitRef) counts in {@code housing_certified_share},
 * {@code housing_rent_within_pks_share} and {@code housing_average_pks_points} (contract section 4): for each
 * reported period P, the unit's latest rating with start(P) <= ratedOn <= R(P) decides; a unit not rated within
 * P is not in P (no carry-forward). Scope {@code all} only. Its cells change with the as-of date on each ratedOn
 * (a rating dated in the future counts once the as-of date reaches it).
 */
public final class HousingUnitCells {

    private HousingUnitCells() {
    }

    /** The family's rule: where a unit counts, given its current ratings. */
    public static void cells(HousingUnit unit, ReportingCalendar calendar, CellSink cells) {
        cells(byDate(unit.getRatings()), calendar, cells);
    }

    /** The rule's answer by cell key, for tests. */
    public static EntityCells of(HousingUnit unit, ReportingCalendar calendar) {
        return EntityCells.of(HousingUnitCells::cells, unit, calendar);
    }

    /**
     * The rule's answer by cell key, for tests.
     * @param ratings the unit's current ratings by ratedOn
     */
    public static EntityCells of(NavigableMap<LocalDate, RatingFacts> ratings, ReportingCalendar calendar) {
        return EntityCells.collect(calendar, sink -> cells(ratings, calendar, sink));
    }

    static void cells(NavigableMap<LocalDate, RatingFacts> ratings, ReportingCalendar calendar, CellSink cells) {
        for (LocalDate ratedOn : ratings.keySet()) {
            cells.changesOn(ratedOn);
        }
        List<Period> periods = calendar.periods();
        for (int p = 0; p < periods.size(); p++) {
            Period period = periods.get(p);
            RatingFacts rating = latestIn(ratings, period, period.reachedBy(calendar.asOf()));
            if (rating == null) {
                continue;
            }
            cells.share(Indicator.HOUSING_CERTIFIED_SHARE, p, Scope.ALL_INDEX, isCertified(rating) ? 1 : 0);
            cells.share(Indicator.HOUSING_RENT_WITHIN_PKS_SHARE, p, Scope.ALL_INDEX, isRentWithinPks(rating) ? 1 : 0);
            cells.share(Indicator.HOUSING_AVERAGE_PKS_POINTS, p, Scope.ALL_INDEX, rating.getPksPoints());
        }
    }

    /** The rating with the greatest ratedOn such that start(P) <= ratedOn <= R(P), or null. */
    static RatingFacts latestIn(NavigableMap<LocalDate, RatingFacts> ratings, Period period, LocalDate reached) {
        Map.Entry<LocalDate, RatingFacts> latest = ratings.floorEntry(reached);
        return latest == null || latest.getKey().isBefore(period.start()) ? null : latest.getValue();
    }

    /** housing_certified_share's numerator: certified by SNF or AKF. */
    static boolean isCertified(RatingFacts rating) {
        return rating.getCertification() == HousingCertification.SNF
                || rating.getCertification() == HousingCertification.AKF;
    }

    /** housing_rent_within_pks_share's numerator: the rent per person is at most the PKS maximum. */
    static boolean isRentWithinPks(RatingFacts rating) {
        return rating.getWeeklyRentCents() <= rating.getMaxWeeklyRentCents();
    }

    /** The map key of a rating in {@link HousingUnit#getRatings()}: its ratedOn as an ISO date. */
    static String ratingKey(LocalDate ratedOn) {
        return ratedOn.toString();
    }

    static NavigableMap<LocalDate, RatingFacts> byDate(Map<String, RatingFacts> ratings) {
        NavigableMap<LocalDate, RatingFacts> byDate = new TreeMap<>();
        ratings.forEach((ratedOn, rating) -> byDate.put(LocalDate.parse(ratedOn), rating));
        return byDate;
    }
}
