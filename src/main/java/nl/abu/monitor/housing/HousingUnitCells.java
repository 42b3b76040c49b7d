package nl.abu.monitor.housing;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import nl.abu.monitor.events.HousingCertification;
import nl.abu.monitor.indicator.EntityCells;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.indicator.IndicatorCell;
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
    public static EntityCells of(HousingUnit unit, ReportingCalendar calendar) {
        return of(byDate(unit.getRatings()), calendar);
    }

    /** @param ratings the unit's current ratings by ratedOn */
    public static EntityCells of(NavigableMap<LocalDate, RatingFacts> ratings, ReportingCalendar calendar) {
        EntityCells.Builder cells = EntityCells.builder();
        ratings.keySet().forEach(cells::changesOn);
        for (Period period : calendar.periods()) {
            RatingFacts rating = latestIn(ratings, period, period.reachedBy(calendar.asOf()));
            if (rating == null) {
                continue;
            }
            cells.denominator(new IndicatorCell(Indicator.HOUSING_CERTIFIED_SHARE, period, Scope.ALL),
                    isCertified(rating) ? 1 : 0);
            cells.denominator(new IndicatorCell(Indicator.HOUSING_RENT_WITHIN_PKS_SHARE, period, Scope.ALL),
                    isRentWithinPks(rating) ? 1 : 0);
            cells.denominator(new IndicatorCell(Indicator.HOUSING_AVERAGE_PKS_POINTS, period, Scope.ALL),
                    rating.getPksPoints());
        }
        return cells.build();
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
