package nl.abu.monitor.families.eures;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.abu.monitor.TestRecords;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.EuresPlacement;
import nl.abu.monitor.events.IndicatorStatus;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.events.Member;
import nl.abu.monitor.events.PlacementStatus;
import nl.abu.monitor.events.Sector;
import nl.abu.monitor.families.Families;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.ingest.IngestCounters;
import nl.abu.monitor.pipeline.PipelineSettings;
import nl.abu.monitor.pipeline.PipelineTestDriver;
import nl.abu.monitor.pipeline.PipelineTopology;
import nl.abu.monitor.serde.AvroSerdeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EuresFamiliesTest {
    /** The topology of this family alone, on every input. */
    private static final List<Family<?>> ALONE = List.of(EuresFamilies.placements(), EuresFamilies.members());
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private static final Instant T1 = Instant.parse("2025-02-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant T3 = Instant.parse("2025-04-01T10:00:00Z");
    private static final Instant T4 = Instant.parse("2025-05-01T10:00:00Z");

    private PipelineTestDriver pipeline = new PipelineTestDriver(AS_OF, ALONE);

    @AfterEach
    void close() {
        pipeline.close();
    }

    private static String member(int n) {
        return String.format("M%04d", n);
    }

    private static Member.Builder profile(int member, boolean fairEmploymentCode) {
        return TestRecords.member().setMemberId(member(member)).setFairEmploymentCode(fairEmploymentCode);
    }

    private static EuresPlacement.Builder placement(int member, String placementId, LocalDate placedOn) {
        return TestRecords.placement().setMemberId(member(member)).setPlacementId(placementId).setPlacedOn(placedOn)
                .setSector(Sector.FOOD_PRODUCTION);
    }

    private void send(Member.Builder profile) {
        pipeline.send(Topics.MEMBERS, profile.build());
    }

    private void send(EuresPlacement.Builder placement) {
        pipeline.send(Topics.EURES_PLACEMENTS, placement.build());
    }

    /** The published count of a cell, or null if the cell was never published. */
    private Long count(String cell) {
        IndicatorValue value = pipeline.indicator(cell);
        return value == null ? null : value.getNumerator();
    }

    @Test
    void countsPlacedPlacementsAndDistinctFairEmploymentCodeMembersPerPeriod() {
        // given two members that signed the Fair Employment Code
        send(profile(1, true));
        send(profile(2, true));
        // when the first places two workers in April (food, logistics), the second one in May
        send(placement(1, "P-1", LocalDate.of(2025, 4, 1)));
        send(placement(1, "P-2", LocalDate.of(2025, 4, 20)).setSector(Sector.LOGISTICS));
        send(placement(2, "P-3", LocalDate.of(2025, 5, 5)));

        // then eures_placements counts placements, per sector too
        assertThat(count("eures_placements|2025-04|all")).isEqualTo(2);
        assertThat(count("eures_placements|2025-04|sector:FOOD_PRODUCTION")).isEqualTo(1);
        assertThat(count("eures_placements|2025-04|sector:LOGISTICS")).isEqualTo(1);
        assertThat(count("eures_placements|2025-Q2|all")).isEqualTo(3);
        assertThat(count("eures_placements|2025|sector:FOOD_PRODUCTION")).isEqualTo(2);
        IndicatorValue placements = pipeline.indicator("eures_placements|2025|all");
        assertThat(placements.getNumerator()).isEqualTo(3);
        assertThat(placements.getDenominator()).isNull();
        assertThat(placements.getValue()).isEqualTo(3.0);
        assertThat(placements.getStatus()).isEqualTo(IndicatorStatus.NO_TARGET);
        assertThat(placements.getTarget()).isNull();
        assertThat(placements.getExpected()).isNull();
        // and eures_fec_members counts members, once however many placements, in scope all only
        assertThat(count("eures_fec_members|2025-04|all")).isEqualTo(1);
        assertThat(count("eures_fec_members|2025-05|all")).isEqualTo(1);
        assertThat(count("eures_fec_members|2025-Q2|all")).isEqualTo(2);
        assertThat(count("eures_fec_members|2025|all")).isEqualTo(2);
        assertThat(pipeline.indicator("eures_fec_members|2025-Q2|all").getStatus())
                .isEqualTo(IndicatorStatus.NO_TARGET);
        assertThat(pipeline.indicator("eures_fec_members|2025|sector:FOOD_PRODUCTION")).isNull();
    }

    @Test
    void aCorrectionMovesThePlacementToAnotherMonth() {
        // given a placement on 1 April
        send(profile(1, true));
        send(placement(1, "P-1", LocalDate.of(2025, 4, 1)).setRecordedAt(T1));
        assertThat(count("eures_placements|2025-04|all")).isEqualTo(1);
        assertThat(count("eures_fec_members|2025-04|all")).isEqualTo(1);

        // when the member corrects placedOn to 10 February, and the sector
        send(placement(1, "P-1", LocalDate.of(2025, 2, 10)).setSector(Sector.LOGISTICS).setRecordedAt(T2));

        // then April no longer counts it, February does; the year is unchanged
        assertThat(count("eures_placements|2025-04|all")).isZero();
        assertThat(count("eures_placements|2025-Q2|sector:FOOD_PRODUCTION")).isZero();
        assertThat(count("eures_placements|2025-02|all")).isEqualTo(1);
        assertThat(count("eures_placements|2025-Q1|sector:LOGISTICS")).isEqualTo(1);
        assertThat(count("eures_placements|2025|all")).isEqualTo(1);
        assertThat(count("eures_fec_members|2025-04|all")).isZero();
        assertThat(count("eures_fec_members|2025-02|all")).isEqualTo(1);
        assertThat(count("eures_fec_members|2025|all")).isEqualTo(1);
    }

    @Test
    void aRetractionRemovesThePlacementAndAnOlderVersionCannotResurrectIt() {
        // given a placement, retracted
        send(profile(1, true));
        send(placement(1, "P-1", LocalDate.of(2025, 4, 1)).setRecordedAt(T1));
        pipeline.retract(Topics.EURES_PLACEMENTS, "M0001/P-1", T3);
        assertThat(count("eures_placements|2025-04|all")).isZero();
        assertThat(count("eures_fec_members|2025|all")).isZero();
        assertThat(pipeline.indicator("eures_fec_members|2025|all").getStatus()).isEqualTo(IndicatorStatus.OFF_TRACK);

        // when a version recorded before the retraction arrives late
        send(placement(1, "P-1", LocalDate.of(2025, 4, 1)).setRecordedAt(T2));
        // then it stays retracted
        assertThat(count("eures_placements|2025-04|all")).isZero();
        assertThat(count("eures_fec_members|2025|all")).isZero();

        // when a version recorded after the retraction arrives, the placement is back
        send(placement(1, "P-1", LocalDate.of(2025, 4, 1)).setRecordedAt(T4));
        assertThat(count("eures_placements|2025-04|all")).isEqualTo(1);
        assertThat(count("eures_fec_members|2025|all")).isEqualTo(1);
    }

    @Test
    void staleVersionsAndDuplicatesChangeNothing() {
        // given a placement corrected once
        send(profile(1, true));
        EuresPlacement.Builder v1 = placement(1, "P-1", LocalDate.of(2025, 4, 1)).setRecordedAt(T1);
        EuresPlacement.Builder v2 = placement(1, "P-1", LocalDate.of(2025, 5, 1)).setRecordedAt(T2);
        send(v1);
        send(v2);

        // when the old version arrives late, the new one twice more, and the profile again
        send(v1);
        send(v2);
        send(v2);
        send(profile(1, true));

        // then the truth is still v2, counted once
        assertThat(count("eures_placements|2025-04|all")).isZero();
        assertThat(count("eures_placements|2025-05|all")).isEqualTo(1);
        assertThat(count("eures_placements|2025|all")).isEqualTo(1);
        assertThat(count("eures_fec_members|2025|all")).isEqualTo(1);
        assertThat(pipeline.counter("abu_records_stale", "topic", Topics.EURES_PLACEMENTS)).isEqualTo(3);
        assertThat(pipeline.counter("abu_records_stale", "topic", Topics.MEMBERS)).isEqualTo(1);
    }

    @Test
    void aCancelledPlacementCountsNowhere() {
        // given a member with a cancelled placement, and one placed then cancelled
        send(profile(1, true));
        send(placement(1, "P-1", LocalDate.of(2025, 4, 1)).setStatus(PlacementStatus.CANCELLED));
        send(placement(1, "P-2", LocalDate.of(2025, 5, 1)).setRecordedAt(T1));
        assertThat(count("eures_placements|2025|all")).isEqualTo(1);
        assertThat(count("eures_fec_members|2025|all")).isEqualTo(1);

        // when
        send(placement(1, "P-2", LocalDate.of(2025, 5, 1)).setStatus(PlacementStatus.CANCELLED).setRecordedAt(T2));

        // then neither counts anywhere
        assertThat(pipeline.indicator("eures_placements|2025-04|all")).isNull();
        assertThat(count("eures_placements|2025-05|all")).isZero();
        assertThat(count("eures_placements|2025|all")).isZero();
        assertThat(count("eures_fec_members|2025|all")).isZero();
        assertThat(pipeline.indicator("eures_fec_members|2025-04|all")).isNull();

        // and placed again, it counts again
        send(placement(1, "P-2", LocalDate.of(2025, 5, 1)).setRecordedAt(T3));
        assertThat(count("eures_placements|2025-05|all")).isEqualTo(1);
        assertThat(count("eures_fec_members|2025-05|all")).isEqualTo(1);
    }

    @Test
    void aLateEventUpdatesAClosedMonthButNotAYearOutsideTheOpenYears() {
        // given a live pipeline on 15 June 2025 with a placement in February
        pipeline.close();
        pipeline = new PipelineTestDriver(LocalDate.of(2025, 6, 15), ALONE);
        send(profile(1, true));
        send(placement(1, "P-1", LocalDate.of(2025, 2, 10)));
        assertThat(count("eures_placements|2025-02|all")).isEqualTo(1);

        // when a placement of February arrives late, and one of 2023
        send(placement(1, "P-2", LocalDate.of(2025, 2, 28)));
        send(placement(1, "P-3", LocalDate.of(2023, 12, 31)));

        // then the closed month counts it; 2023 (the open years are 2024 and 2025) is not reported
        assertThat(count("eures_placements|2025-02|all")).isEqualTo(2);
        assertThat(count("eures_placements|2025-Q1|all")).isEqualTo(2);
        assertThat(count("eures_fec_members|2025-02|all")).isEqualTo(1);
        assertThat(pipeline.indicator("eures_placements|2023|all")).isNull();
        assertThat(pipeline.indicator("eures_placements|2024|all")).isNull();
        assertThat(pipeline.indicator("eures_fec_members|2024|all")).isNull();
    }

    @Test
    void anUnknownMembersPlacementsCountAndItCountsInFecMembersOnceItsProfileArrives() {
        // given placements of a member without a profile
        send(placement(2, "P-1", LocalDate.of(2025, 4, 1)));
        send(placement(2, "P-2", LocalDate.of(2025, 6, 1)));
        assertThat(count("eures_placements|2025|all")).isEqualTo(2);
        assertThat(pipeline.indicator("eures_fec_members|2025|all")).isNull();

        // when its profile arrives
        send(profile(2, true));

        // then it counts in eures_fec_members too
        assertThat(count("eures_fec_members|2025|all")).isEqualTo(1);
        assertThat(count("eures_fec_members|2025-Q2|all")).isEqualTo(1);
        assertThat(count("eures_fec_members|2025-06|all")).isEqualTo(1);
        assertThat(count("eures_placements|2025|all")).isEqualTo(2);
    }

    @Test
    void aRetractedProfileLeavesFecMembersButItsPlacementsStillCount() {
        // given a member with a placement
        send(profile(1, true).setRecordedAt(T1));
        send(placement(1, "P-1", LocalDate.of(2025, 4, 1)));
        assertThat(count("eures_fec_members|2025|all")).isEqualTo(1);

        // when its profile is retracted
        pipeline.retract(Topics.MEMBERS, member(1), T2);

        // then
        assertThat(count("eures_fec_members|2025|all")).isZero();
        assertThat(count("eures_fec_members|2025-04|all")).isZero();
        assertThat(count("eures_placements|2025|all")).isEqualTo(1);
        assertThat(count("eures_placements|2025-04|sector:FOOD_PRODUCTION")).isEqualTo(1);

        // and a profile recorded after the retraction brings it back
        send(profile(1, true).setRecordedAt(T3));
        assertThat(count("eures_fec_members|2025|all")).isEqualTo(1);
    }

    @Test
    void aMemberThatHasNotSignedTheFairEmploymentCodeIsNotCounted() {
        // given a member without the code, with a placement
        send(profile(1, false).setRecordedAt(T1));
        send(placement(1, "P-1", LocalDate.of(2025, 4, 1)));
        assertThat(pipeline.indicator("eures_fec_members|2025|all")).isNull();
        assertThat(count("eures_placements|2025|all")).isEqualTo(1);

        // when it signs
        send(profile(1, true).setRecordedAt(T2));
        assertThat(count("eures_fec_members|2025|all")).isEqualTo(1);

        // and when that is corrected back
        send(profile(1, false).setRecordedAt(T3));
        assertThat(count("eures_fec_members|2025|all")).isZero();
        assertThat(count("eures_placements|2025|all")).isEqualTo(1);
    }

    @Test
    void periodBoundaries() {
        // given placements on the last day of 2024, the first of 2025, a leap day and both sides of a quarter end
        send(profile(1, true));
        send(placement(1, "P-1", LocalDate.of(2024, 12, 31)));
        send(placement(1, "P-2", LocalDate.of(2025, 1, 1)));
        send(placement(1, "P-3", LocalDate.of(2024, 2, 29)));
        send(placement(1, "P-4", LocalDate.of(2025, 3, 31)));
        send(placement(1, "P-5", LocalDate.of(2025, 4, 1)));

        // then each counts in its own month, quarter and year only
        assertThat(count("eures_placements|2024-12|all")).isEqualTo(1);
        assertThat(count("eures_placements|2024-Q4|all")).isEqualTo(1);
        assertThat(count("eures_placements|2024|all")).isEqualTo(2);
        assertThat(count("eures_placements|2024-02|all")).isEqualTo(1);
        assertThat(count("eures_placements|2024-Q1|all")).isEqualTo(1);
        assertThat(pipeline.indicator("eures_placements|2024-03|all")).isNull();
        assertThat(count("eures_placements|2025-01|all")).isEqualTo(1);
        assertThat(count("eures_placements|2025-03|all")).isEqualTo(1);
        assertThat(count("eures_placements|2025-Q1|all")).isEqualTo(2);
        assertThat(count("eures_placements|2025-04|all")).isEqualTo(1);
        assertThat(count("eures_placements|2025-Q2|all")).isEqualTo(1);
        assertThat(count("eures_placements|2025|all")).isEqualTo(3);
        assertThat(count("eures_fec_members|2024|all")).isEqualTo(1);
        assertThat(count("eures_fec_members|2024-12|all")).isEqualTo(1);
        assertThat(count("eures_fec_members|2025-01|all")).isEqualTo(1);
        assertThat(count("eures_fec_members|2024-02|all")).isEqualTo(1);
        assertThat(count("eures_fec_members|2025-Q1|all")).isEqualTo(1);
        assertThat(count("eures_fec_members|2025-Q2|all")).isEqualTo(1);
        // a year's target is judged against the whole year once it has ended: expected = 35 * 366 / 366
        assertThat(pipeline.indicator("eures_fec_members|2024|all").getExpected()).isEqualTo(35.0);
    }

    @Test
    void aPlacementDatedInTheFutureCountsOnceTheDateReachesIt() {
        // given a live pipeline on 15 June 2025, and placements dated 20 June and 2 July
        pipeline.close();
        pipeline = new PipelineTestDriver(LocalDate.of(2025, 6, 15), ALONE);
        send(profile(1, true));
        send(placement(1, "P-1", LocalDate.of(2025, 6, 20)));
        send(placement(1, "P-2", LocalDate.of(2025, 7, 2)));
        assertThat(pipeline.indicator("eures_placements|2025-06|all")).isNull();
        assertThat(pipeline.indicator("eures_fec_members|2025|all")).isNull();

        // when the calendar moves to the day before: nothing yet
        pipeline.moveTo(LocalDate.of(2025, 6, 19));
        assertThat(pipeline.indicator("eures_placements|2025-06|all")).isNull();

        // when it reaches 20 June
        pipeline.moveTo(LocalDate.of(2025, 6, 20));
        assertThat(count("eures_placements|2025-06|all")).isEqualTo(1);
        assertThat(count("eures_placements|2025-Q2|sector:FOOD_PRODUCTION")).isEqualTo(1);
        assertThat(count("eures_placements|2025|all")).isEqualTo(1);
        assertThat(count("eures_fec_members|2025-06|all")).isEqualTo(1);
        assertThat(count("eures_fec_members|2025|all")).isEqualTo(1);
        assertThat(pipeline.indicator("eures_placements|2025-07|all")).isNull();

        // when July begins, the month is reported, but the 2 July placement counts only from 2 July
        pipeline.moveTo(LocalDate.of(2025, 7, 1));
        assertThat(pipeline.indicator("eures_placements|2025-07|all")).isNull();
        pipeline.moveTo(LocalDate.of(2025, 7, 2));
        assertThat(count("eures_placements|2025-07|all")).isEqualTo(1);
        assertThat(count("eures_placements|2025-Q3|all")).isEqualTo(1);
        assertThat(count("eures_placements|2025|all")).isEqualTo(2);
        assertThat(count("eures_fec_members|2025-Q3|all")).isEqualTo(1);
        assertThat(count("eures_fec_members|2025|all")).isEqualTo(1);
        assertThat(count("eures_placements|2025-06|all")).isEqualTo(1);
    }

    @Test
    void theYearTargetIsProRataOnAMidYearAsOfDate() {
        // given a live pipeline on 1 July 2025: e = 182 days of n = 365 (31+28+31+30+31+30 = 181, + 1)
        pipeline.close();
        LocalDate asOf = LocalDate.of(2025, 7, 1);
        pipeline = new PipelineTestDriver(asOf, ALONE);
        double expected = 35.0 * 182 / 365; // 17.45...; AT_RISK from 90% of it, 15.71...

        // when 16 members that signed the code have a placement this year
        for (int m = 1; m <= 16; m++) {
            send(profile(m, true));
            send(placement(m, "P-1", LocalDate.of(2025, 3, 1)));
        }

        // then
        IndicatorValue year = pipeline.indicator("eures_fec_members|2025|all");
        assertThat(year.getNumerator()).isEqualTo(16);
        assertThat(year.getValue()).isEqualTo(16.0);
        assertThat(year.getDenominator()).isNull();
        assertThat(year.getTarget()).isEqualTo(35.0);
        assertThat(year.getExpected()).isEqualTo(expected);
        assertThat(year.getStatus()).isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(year.getAsOf()).isEqualTo(asOf);
        // the target is for years only
        IndicatorValue quarter = pipeline.indicator("eures_fec_members|2025-Q1|all");
        assertThat(quarter.getNumerator()).isEqualTo(16);
        assertThat(quarter.getStatus()).isEqualTo(IndicatorStatus.NO_TARGET);
        assertThat(quarter.getTarget()).isNull();
        assertThat(quarter.getExpected()).isNull();
        assertThat(pipeline.indicator("eures_fec_members|2025-03|all").getStatus())
                .isEqualTo(IndicatorStatus.NO_TARGET);

        // when two more members place a worker
        for (int m = 17; m <= 18; m++) {
            send(profile(m, true));
            send(placement(m, "P-1", LocalDate.of(2025, 7, 1)));
        }
        // then 18 >= 17.45: on track
        year = pipeline.indicator("eures_fec_members|2025|all");
        assertThat(year.getNumerator()).isEqualTo(18);
        assertThat(year.getStatus()).isEqualTo(IndicatorStatus.ON_TRACK);

        // and a day later, the expectation grows to 35 * 183 / 365 and is republished
        pipeline.moveTo(asOf.plusDays(1));
        assertThat(pipeline.indicator("eures_fec_members|2025|all").getExpected()).isEqualTo(35.0 * 183 / 365);
        assertThat(pipeline.indicator("eures_fec_members|2025|all").getStatus()).isEqualTo(IndicatorStatus.ON_TRACK);
    }

    @Test
    void theYearTargetOfALeapYear() {
        // given 1 March 2024: e = 31 + 29 + 1 = 61 days of n = 366
        pipeline.close();
        pipeline = new PipelineTestDriver(LocalDate.of(2024, 3, 1), ALONE);

        // when one member that signed the code places a worker on the leap day
        send(profile(1, true));
        send(placement(1, "P-1", LocalDate.of(2024, 2, 29)));

        // then 1 < 0.9 * 5.83: off track
        IndicatorValue year = pipeline.indicator("eures_fec_members|2024|all");
        assertThat(year.getNumerator()).isEqualTo(1);
        assertThat(year.getExpected()).isEqualTo(35.0 * 61 / 366);
        assertThat(year.getStatus()).isEqualTo(IndicatorStatus.OFF_TRACK);
        assertThat(count("eures_fec_members|2024-02|all")).isEqualTo(1);
        assertThat(pipeline.indicator("eures_fec_members|2024-03|all")).isNull();
    }

    @Test
    void everyEuresNodeAndStoreIsNamedAndBothFamiliesArePublished() {
        String topology = PipelineTopology.build(PipelineSettings.defaults(() -> AS_OF,
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://eures-names"),
                new IngestCounters(new SimpleMeterRegistry()))).describe().toString();

        assertThat(topology).doesNotContain("KSTREAM-", "KTABLE-")
                .contains("eures-placements-by-member", "eures-member-members-changes", "eures-members",
                        "eures-placement-cell-totals", "eures-member-cell-totals");
        assertThat(Families.names()).contains(EuresFamilies.PLACEMENTS, EuresFamilies.MEMBERS);
    }
}
