package nl.abu.monitor.housing;

import java.util.HashMap;
import nl.abu.monitor.Topics;
import nl.abu.monitor.events.PksHousingRating;
import nl.abu.monitor.indicator.IndicatorOutput;
import nl.abu.monitor.ingest.EntityKeys;
import nl.abu.monitor.ingest.InputTables;
import nl.abu.monitor.pipeline.PipelineSerdes;
import nl.abu.monitor.state.HousingUnit;
import nl.abu.monitor.state.RatingFacts;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;

/**
 * {@code housing_certified_share}, {@code housing_rent_within_pks_share} and {@code housing_average_pks_points}:
 * PKS ratings (keyed memberId/housingUnitRef/ratedOn) are gathered per housing unit (memberId, housingUnitRef);
 * each unit's change moves the cells it counts in. Only what the indicators need of a rating is kept.
 */
public final class HousingTopology {
    public static final String FAMILY = "housing";
    static final String UNITS_STORE = "housing-units";

    private final InputTables inputs;
    private final PipelineSerdes serdes;
    private final IndicatorOutput output;

    public HousingTopology(InputTables inputs, PipelineSerdes serdes, IndicatorOutput output) {
        this.inputs = inputs;
        this.serdes = serdes;
        this.output = output;
    }

    public void build() {
        output.publish(FAMILY, ratingsByUnit(), UNITS_STORE, HousingUnitCells::of);
    }

    private KTable<String, HousingUnit> ratingsByUnit() {
        KTable<String, PksHousingRating> ratings = inputs.of(Topics.PKS_HOUSING_RATINGS);
        return ratings
                .groupBy((key, rating) -> KeyValue.pair(unitOf(rating.getMemberId(), rating.getHousingUnitRef()),
                                rating),
                        Grouped.with("housing-ratings-by-unit", Serdes.String(), serdes.of(PksHousingRating.class)))
                .aggregate(() -> new HousingUnit(new HashMap<>()),
                        (unit, rating, held) -> {
                            held.getRatings().put(HousingUnitCells.ratingKey(rating.getRatedOn()), factsOf(rating));
                            return held;
                        },
                        (unit, rating, held) -> {
                            held.getRatings().remove(HousingUnitCells.ratingKey(rating.getRatedOn()));
                            return held;
                        },
                        Named.as(UNITS_STORE),
                        serdes.materialized(UNITS_STORE, HousingUnit.class));
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
