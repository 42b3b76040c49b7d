package nl.abu.monitor.families.housing;

import java.util.List;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.PksHousingRating;
import nl.abu.monitor.indicator.EntityParts;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.indicator.PartsFold;
import nl.abu.monitor.state.HousingUnit;
import nl.abu.monitor.state.RatingFacts;

/**
 * {@code housing_certified_share}, {@code housing_rent_within_pks_share} and {@code housing_average_pks_points}:
 * PKS ratings (keyed memberId/housingUnitRef/ratedOn) are gathered per housing unit (memberId, housingUnitRef) in
 * {@code housing-units}; each unit's change moves the cells it counts in. Only what the indicators need of a
 * rating is kept.
 */
public final class HousingFamily {
    public static final String FAMILY = Indicator.HOUSING_CERTIFIED_SHARE.family();
    static final String UNITS_STORE = "housing-units";

    /** A unit's ratings, by ratedOn. */
    private static final EntityParts<HousingUnit, RatingFacts> RATINGS = new EntityParts<>(HousingUnit::getRatings,
            (unit, ratings) -> new HousingUnit(ratings), unit -> unit.getRatings().isEmpty());

    private HousingFamily() {
    }

    /** The family: housing units, from their ratings; a rating counts only in the periods of its ratedOn. */
    public static Family<HousingUnit> family() {
        return new Family<>(FAMILY, UNITS_STORE, List.of(Family.input(Topics.PKS_HOUSING_RATINGS, PartsFold.of(
                (key, rating) -> unitOf(rating.getMemberId(), rating.getHousingUnitRef()),
                (key, rating) -> HousingUnitCells.ratingKey(rating.getRatedOn()), HousingFamily::factsOf, RATINGS),
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
}
