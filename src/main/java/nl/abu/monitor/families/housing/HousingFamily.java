package nl.abu.monitor.families.housing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.PksHousingRating;
import nl.abu.monitor.indicator.EntityFold;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.state.HousingUnit;
import nl.abu.monitor.state.RatingFacts;

/**
 * {@code housing_certified_share}, {@code housing_rent_within_pks_share} and {@code housing_average_pks_points}:
 * PKS ratings (keyed memberId/housingUnitRef/ratedOn) are gathered per housing unit (memberId, housingUnitRef) in
 * {@code housing-units}; each unit's change moves the cells it counts in. Only what the indicators need of a
 * rating is kept.
 */
public final class HousingFamily {
    public static final String FAMILY = "housing";
    static final String UNITS_STORE = "housing-units";

    private HousingFamily() {
    }

    /** The family: housing units, from their ratings; a rating counts only in the periods of its ratedOn. */
    public static Family<HousingUnit> family() {
        return new Family<>(FAMILY, UNITS_STORE, List.of(Family.input(Topics.PKS_HOUSING_RATINGS, new RatingsOfUnit(),
                PksHousingRating::getRatedOn)), HousingUnitCells::cells);
    }

    static RatingFacts factsOf(PksHousingRating rating) {
        return new RatingFacts(rating.getCertification(), rating.getPksPoints(), rating.getWeeklyRentCents(),
                rating.getMaxWeeklyRentCents());
    }

    /** A housing unit is the pair (memberId, housingUnitRef). */
    static String unitOf(String memberId, String housingUnitRef) {
        return EntityKeys.join(memberId, housingUnitRef);
    }

    /** A unit's ratings, by ratedOn. */
    private static final class RatingsOfUnit implements EntityFold<PksHousingRating, HousingUnit> {
        @Override
        public String entityOf(String key, PksHousingRating rating) {
            return unitOf(rating.getMemberId(), rating.getHousingUnitRef());
        }

        @Override
        public HousingUnit add(HousingUnit held, String key, PksHousingRating rating) {
            Map<String, RatingFacts> ratings = held == null ? new HashMap<>() : new HashMap<>(held.getRatings());
            ratings.put(HousingUnitCells.ratingKey(rating.getRatedOn()), factsOf(rating));
            return new HousingUnit(ratings);
        }

        @Override
        public HousingUnit remove(HousingUnit held, String key, PksHousingRating rating) {
            Map<String, RatingFacts> ratings = new HashMap<>(held.getRatings());
            ratings.remove(HousingUnitCells.ratingKey(rating.getRatedOn()));
            return new HousingUnit(ratings);
        }

        @Override
        public boolean isEmpty(HousingUnit unit) {
            return unit.getRatings().isEmpty();
        }
    }
}
