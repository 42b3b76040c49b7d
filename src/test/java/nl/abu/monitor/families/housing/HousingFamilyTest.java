package nl.abu.monitor.families.housing;

import static nl.abu.monitor.TestRecords.housing;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.HousingCertification;
import nl.abu.monitor.events.IndicatorStatus;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.events.PksHousingRating;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.pipeline.PipelineTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HousingFamilyTest {
    /** The topology of this family alone, on every input. */
    private static final List<Family<?>> ALONE = List.of(HousingFamily.family());
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private static final String CERTIFIED = "housing_certified_share|";
    private static final String RENT = "housing_rent_within_pks_share|";
    private static final String POINTS = "housing_average_pks_points|";
    private final PipelineTestDriver pipeline = new PipelineTestDriver(AS_OF, ALONE);

    @AfterEach
    void close() {
        pipeline.close();
    }

    /** A certified rating of unit H-n within the PKS rent, recorded at 10:00 UTC on the day it is rated. */
    private static PksHousingRating.Builder rating(int unit, LocalDate ratedOn) {
        return housing().setHousingUnitRef("H-" + unit).setRatedOn(ratedOn)
                .setRecordedAt(ratedOn.atTime(10, 0).toInstant(ZoneOffset.UTC));
    }

    private static PksHousingRating.Builder uncertifiedAndTooDear(int unit, LocalDate ratedOn) {
        return rating(unit, ratedOn).setCertification(HousingCertification.NONE).setWeeklyRentCents(12_500);
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static void assertCell(IndicatorValue cell, long numerator, long denominator) {
        assertThat(cell).isNotNull();
        assertThat(cell.getNumerator()).isEqualTo(numerator);
        assertThat(cell.getDenominator()).isEqualTo(denominator);
    }

    @Test
    void theLatestRatingOfAUnitWithinAMonthAndAQuarterCounts() {
        // given a unit rated three times, sent out of order
        pipeline.send(Topics.PKS_HOUSING_RATINGS, uncertifiedAndTooDear(1, date("2025-05-10")).setPksPoints(120).build());
        pipeline.send(Topics.PKS_HOUSING_RATINGS, rating(1, date("2025-03-20")).setPksPoints(150).build());
        // when
        pipeline.send(Topics.PKS_HOUSING_RATINGS, uncertifiedAndTooDear(1, date("2025-03-05")).setPksPoints(90).build());

        // then March and Q1 take the rating of 20 March, Q2 and the year the one of 10 May; the unit counts once
        assertCell(pipeline.indicator(CERTIFIED + "2025-03|all"), 1, 1);
        assertCell(pipeline.indicator(RENT + "2025-03|all"), 1, 1);
        assertCell(pipeline.indicator(POINTS + "2025-03|all"), 150, 1);
        assertCell(pipeline.indicator(CERTIFIED + "2025-Q1|all"), 1, 1);
        assertCell(pipeline.indicator(CERTIFIED + "2025-Q2|all"), 0, 1);
        assertCell(pipeline.indicator(RENT + "2025-05|all"), 0, 1);
        assertCell(pipeline.indicator(CERTIFIED + "2025|all"), 0, 1);
        assertCell(pipeline.indicator(POINTS + "2025|all"), 120, 1);
        assertThat(pipeline.indicator(CERTIFIED + "2025-04|all")).isNull();
    }

    @Test
    void aCorrectionOfAPastRatingMovesItsPeriods() {
        // given a certified rating within the rent of 20 March
        PksHousingRating original = rating(1, date("2025-03-20")).build();
        pipeline.send(Topics.PKS_HOUSING_RATINGS, original);
        assertThat(pipeline.indicator(CERTIFIED + "2025-03|all").getStatus()).isEqualTo(IndicatorStatus.ON_TRACK);

        // when the member corrects it in June: not certified, rent above the PKS maximum
        pipeline.send(Topics.PKS_HOUSING_RATINGS, PksHousingRating.newBuilder(original)
                .setCertification(HousingCertification.NONE).setWeeklyRentCents(12_500).setPksPoints(100)
                .setRecordedAt(Instant.parse("2025-06-01T09:00:00Z")).build());

        // then
        for (String period : new String[] {"2025-03", "2025-Q1", "2025"}) {
            IndicatorValue certified = pipeline.indicator(CERTIFIED + period + "|all");
            assertCell(certified, 0, 1);
            assertThat(certified.getStatus()).isEqualTo(IndicatorStatus.OFF_TRACK);
            assertCell(pipeline.indicator(RENT + period + "|all"), 0, 1);
            assertCell(pipeline.indicator(POINTS + period + "|all"), 100, 1);
        }
    }

    @Test
    void aRetractedRatingMakesThePreviousRatingInThePeriodCountAgain() {
        // given two ratings of one unit in March
        pipeline.send(Topics.PKS_HOUSING_RATINGS, uncertifiedAndTooDear(1, date("2025-03-05")).setPksPoints(90).build());
        PksHousingRating later = rating(1, date("2025-03-20")).setPksPoints(150).build();
        pipeline.send(Topics.PKS_HOUSING_RATINGS, later);
        assertCell(pipeline.indicator(CERTIFIED + "2025-03|all"), 1, 1);

        // when the later one is retracted
        pipeline.retract(Topics.PKS_HOUSING_RATINGS, "M0001/H-1/2025-03-20", Instant.parse("2025-04-01T00:00:00Z"));

        // then the rating of 5 March counts again
        assertCell(pipeline.indicator(CERTIFIED + "2025-03|all"), 0, 1);
        assertCell(pipeline.indicator(RENT + "2025|all"), 0, 1);
        assertCell(pipeline.indicator(POINTS + "2025-03|all"), 90, 1);

        // and a version recorded before the retraction does not bring it back
        pipeline.send(Topics.PKS_HOUSING_RATINGS, PksHousingRating.newBuilder(later)
                .setRecordedAt(Instant.parse("2025-03-25T10:00:00Z")).build());
        assertCell(pipeline.indicator(POINTS + "2025-03|all"), 90, 1);

        // when the last rating is retracted too, the unit is nowhere
        pipeline.retract(Topics.PKS_HOUSING_RATINGS, "M0001/H-1/2025-03-05", Instant.parse("2025-04-02T00:00:00Z"));
        IndicatorValue march = pipeline.indicator(CERTIFIED + "2025-03|all");
        assertCell(march, 0, 0);
        assertThat(march.getStatus()).isEqualTo(IndicatorStatus.NO_DATA);
        assertThat(march.getValue()).isNull();
        assertThat(pipeline.indicator(POINTS + "2025|all").getStatus()).isEqualTo(IndicatorStatus.NO_DATA);
    }

    @Test
    void staleVersionsAndDuplicatesChangeNothing() {
        // given a rating corrected once
        PksHousingRating v1 = rating(1, date("2025-03-20")).build();
        PksHousingRating v2 = PksHousingRating.newBuilder(v1).setCertification(HousingCertification.NONE)
                .setRecordedAt(Instant.parse("2025-04-01T10:00:00Z")).build();
        pipeline.send(Topics.PKS_HOUSING_RATINGS, v1);
        pipeline.send(Topics.PKS_HOUSING_RATINGS, v2);

        // when the old version arrives late, and the new one twice more
        pipeline.send(Topics.PKS_HOUSING_RATINGS, v1);
        pipeline.send(Topics.PKS_HOUSING_RATINGS, v2);
        pipeline.send(Topics.PKS_HOUSING_RATINGS, v2);

        // then the truth is still v2, the unit counts once, and the three were counted as stale
        assertCell(pipeline.indicator(CERTIFIED + "2025-03|all"), 0, 1);
        assertCell(pipeline.indicator(POINTS + "2025|all"), 140, 1);
        assertThat(pipeline.counter("abu_records_stale", "topic", Topics.PKS_HOUSING_RATINGS)).isEqualTo(3);
    }

    @Test
    void aLateRatingForAClosedMonthUpdatesThatMonth() {
        // given a live pipeline in June with a unit rated in June
        try (PipelineTestDriver live = new PipelineTestDriver(date("2025-06-15"), ALONE)) {
            live.send(Topics.PKS_HOUSING_RATINGS, rating(1, date("2025-06-02")).build());
            assertThat(live.indicator(CERTIFIED + "2025-02|all")).isNull();

            // when a rating of February arrives only now, and one from before the open years
            live.send(Topics.PKS_HOUSING_RATINGS, uncertifiedAndTooDear(2, date("2025-02-10"))
                    .setRecordedAt(Instant.parse("2025-06-14T10:00:00Z")).build());
            live.send(Topics.PKS_HOUSING_RATINGS, rating(3, date("2023-11-10"))
                    .setRecordedAt(Instant.parse("2025-06-14T11:00:00Z")).build());

            // then February, Q1 and the year count the late rating; 2023 is not reported
            assertCell(live.indicator(CERTIFIED + "2025-02|all"), 0, 1);
            assertCell(live.indicator(CERTIFIED + "2025-Q1|all"), 0, 1);
            assertCell(live.indicator(CERTIFIED + "2025|all"), 1, 2);
            assertCell(live.indicator(CERTIFIED + "2025-06|all"), 1, 1);
            assertThat(live.indicator(CERTIFIED + "2023|all")).isNull();
            assertThat(live.indicator(CERTIFIED + "2023-11|all")).isNull();
        }
    }

    @Test
    void aUnitRatedInJanuaryIsNotInFebruary() {
        // given a live pipeline on 20 January with a unit rated on 15 January
        try (PipelineTestDriver live = new PipelineTestDriver(date("2025-01-20"), ALONE)) {
            live.send(Topics.PKS_HOUSING_RATINGS, rating(1, date("2025-01-15")).build());
            assertCell(live.indicator(CERTIFIED + "2025-01|all"), 1, 1);

            // when February begins with no new rating
            live.moveTo(date("2025-02-01"));

            // then February has no cell, while January, Q1 and the year still count the unit
            assertThat(live.indicator(CERTIFIED + "2025-02|all")).isNull();
            assertThat(live.indicator(POINTS + "2025-02|all")).isNull();
            IndicatorValue january = live.indicator(CERTIFIED + "2025-01|all");
            assertCell(january, 1, 1);
            assertThat(january.getAsOf()).isEqualTo(date("2025-02-01"));
            assertCell(live.indicator(CERTIFIED + "2025-Q1|all"), 1, 1);
            assertCell(live.indicator(CERTIFIED + "2025|all"), 1, 1);

            // and a unit rated in February is counted there alone
            live.send(Topics.PKS_HOUSING_RATINGS, rating(2, date("2025-02-01")).build());
            assertCell(live.indicator(CERTIFIED + "2025-02|all"), 1, 1);
            assertCell(live.indicator(CERTIFIED + "2025-Q1|all"), 2, 2);
        }
    }

    @Test
    void periodBoundariesYearEndLeapDayAndQuarterEnd() {
        // given
        pipeline.send(Topics.PKS_HOUSING_RATINGS, rating(1, date("2024-12-31")).build());
        pipeline.send(Topics.PKS_HOUSING_RATINGS, uncertifiedAndTooDear(1, date("2025-01-01")).build());
        pipeline.send(Topics.PKS_HOUSING_RATINGS, rating(2, date("2024-02-29")).build());
        pipeline.send(Topics.PKS_HOUSING_RATINGS, rating(3, date("2025-06-30")).build());
        // when
        pipeline.send(Topics.PKS_HOUSING_RATINGS, uncertifiedAndTooDear(3, date("2025-07-01")).build());

        // then 31 December is in 2024, 1 January in 2025
        assertCell(pipeline.indicator(CERTIFIED + "2024-12|all"), 1, 1);
        assertCell(pipeline.indicator(CERTIFIED + "2024-Q4|all"), 1, 1);
        assertCell(pipeline.indicator(CERTIFIED + "2025-01|all"), 0, 1);
        assertCell(pipeline.indicator(CERTIFIED + "2025-Q1|all"), 0, 1);
        // 29 February 2024 is in February and Q1 2024, not in March
        assertCell(pipeline.indicator(CERTIFIED + "2024-02|all"), 1, 1);
        assertCell(pipeline.indicator(CERTIFIED + "2024-Q1|all"), 1, 1);
        assertThat(pipeline.indicator(CERTIFIED + "2024-03|all")).isNull();
        assertCell(pipeline.indicator(CERTIFIED + "2024|all"), 2, 2);
        // 30 June is in Q2, 1 July in Q3
        assertCell(pipeline.indicator(CERTIFIED + "2025-06|all"), 1, 1);
        assertCell(pipeline.indicator(CERTIFIED + "2025-Q2|all"), 1, 1);
        assertCell(pipeline.indicator(CERTIFIED + "2025-07|all"), 0, 1);
        assertCell(pipeline.indicator(CERTIFIED + "2025-Q3|all"), 0, 1);
        // the year 2025 takes each unit's latest rating in 2025: H-1 of 1 January, H-3 of 1 July
        assertCell(pipeline.indicator(CERTIFIED + "2025|all"), 0, 2);
    }

    @Test
    void aFutureDatedRatingCountsOnceTheAsOfDateReachesIt() {
        // given a live pipeline on 10 May, a unit rated on 1 May and one rated ahead for 20 May
        try (PipelineTestDriver live = new PipelineTestDriver(date("2025-05-10"), ALONE)) {
            live.send(Topics.PKS_HOUSING_RATINGS, rating(1, date("2025-05-01")).setPksPoints(100).build());
            live.send(Topics.PKS_HOUSING_RATINGS, uncertifiedAndTooDear(2, date("2025-05-20")).setPksPoints(200)
                    .setRecordedAt(Instant.parse("2025-05-09T10:00:00Z")).build());
            assertCell(live.indicator(CERTIFIED + "2025-05|all"), 1, 1);

            // when the date moves, but not yet to 20 May
            live.moveTo(date("2025-05-19"));
            assertCell(live.indicator(POINTS + "2025-05|all"), 100, 1);

            // when it reaches 20 May
            live.moveTo(date("2025-05-20"));

            // then the rating counts this month, quarter and year
            assertCell(live.indicator(CERTIFIED + "2025-05|all"), 1, 2);
            assertCell(live.indicator(CERTIFIED + "2025-Q2|all"), 1, 2);
            IndicatorValue points = live.indicator(POINTS + "2025|all");
            assertCell(points, 300, 2);
            assertThat(points.getValue()).isEqualTo(150.0);
            assertThat(points.getAsOf()).isEqualTo(date("2025-05-20"));
        }
    }

    @Test
    void theMeanIsTheSumOfPointsOverTheUnitsWithNoTarget() {
        // given three units rated in April
        pipeline.send(Topics.PKS_HOUSING_RATINGS, rating(1, date("2025-04-01")).setPksPoints(100).build());
        pipeline.send(Topics.PKS_HOUSING_RATINGS, rating(2, date("2025-04-15")).setPksPoints(150).build());
        // when
        pipeline.send(Topics.PKS_HOUSING_RATINGS, rating(3, date("2025-04-30")).setPksPoints(201).build());

        // then
        IndicatorValue april = pipeline.indicator(POINTS + "2025-04|all");
        assertCell(april, 451, 3);
        assertThat(april.getValue()).isEqualTo(451.0 / 3);
        assertThat(april.getStatus()).isEqualTo(IndicatorStatus.NO_TARGET);
        assertThat(april.getTarget()).isNull();
        assertThat(april.getExpected()).isNull();
        assertCell(pipeline.indicator(POINTS + "2025-Q2|all"), 451, 3);
        assertThat(pipeline.indicator(POINTS + "2025-05|all")).isNull();
    }

    @Test
    void statusesAgainstTheTargetOfOne() {
        // given twenty certified units rated in April, within the rent (one at exactly the maximum)
        for (int unit = 1; unit <= 20; unit++) {
            pipeline.send(Topics.PKS_HOUSING_RATINGS, rating(unit, date("2025-04-07")).build());
        }
        pipeline.send(Topics.PKS_HOUSING_RATINGS, rating(20, date("2025-04-07")).setWeeklyRentCents(12_000)
                .setRecordedAt(Instant.parse("2025-04-08T10:00:00Z")).build());
        IndicatorValue allCertified = pipeline.indicator(CERTIFIED + "2025-04|all");
        assertCell(allCertified, 20, 20);
        assertThat(allCertified.getValue()).isEqualTo(1.0);
        assertThat(allCertified.getTarget()).isEqualTo(1.0);
        assertThat(allCertified.getExpected()).isEqualTo(1.0);
        assertThat(allCertified.getStatus()).isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(pipeline.indicator(RENT + "2025-04|all").getStatus()).isEqualTo(IndicatorStatus.ON_TRACK);

        // when one unit turns out not to be certified and above the rent: 19 of 20 = 0.95
        pipeline.send(Topics.PKS_HOUSING_RATINGS, uncertifiedAndTooDear(1, date("2025-04-07"))
                .setRecordedAt(Instant.parse("2025-04-09T10:00:00Z")).build());
        IndicatorValue oneShort = pipeline.indicator(CERTIFIED + "2025-04|all");
        assertCell(oneShort, 19, 20);
        assertThat(oneShort.getValue()).isEqualTo(0.95);
        assertThat(oneShort.getStatus()).isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(pipeline.indicator(RENT + "2025-04|all").getStatus()).isEqualTo(IndicatorStatus.AT_RISK);

        // when a second one does too: 18 of 20 = 0.90
        pipeline.send(Topics.PKS_HOUSING_RATINGS, uncertifiedAndTooDear(2, date("2025-04-07"))
                .setRecordedAt(Instant.parse("2025-04-09T10:00:00Z")).build());
        IndicatorValue twoShort = pipeline.indicator(CERTIFIED + "2025-04|all");
        assertCell(twoShort, 18, 20);
        assertThat(twoShort.getStatus()).isEqualTo(IndicatorStatus.OFF_TRACK);
        assertThat(twoShort.getExpected()).isEqualTo(1.0);
        assertThat(pipeline.indicator(RENT + "2025-Q2|all").getStatus()).isEqualTo(IndicatorStatus.OFF_TRACK);
    }
}
