package nl.abu.monitor.families.language;

import static nl.abu.monitor.TestRecords.enrolment;
import static nl.abu.monitor.TestRecords.stay;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.EnrolmentStatus;
import nl.abu.monitor.events.IndicatorStatus;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.events.Sector;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.pipeline.PipelineTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LanguageFamilyTest {
    /** The topology of this family alone, on every input. */
    private static final List<Family<?>> ALONE = List.of(LanguageFamily.family());
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private final PipelineTestDriver pipeline = new PipelineTestDriver(AS_OF, ALONE);

    @AfterEach
    void close() {
        pipeline.close();
    }

    private static String worker(int n) {
        return String.format("w_%016d", n);
    }

    private static WorkerStay.Builder longStay(int worker) {
        return stay("S-" + worker, worker(worker), LocalDate.of(2025, 1, 6), null);
    }

    @Test
    void countsLongStayersWithTrainingPerPeriod() {
        // given three workers here since January 2025, one of whom started lessons on 15 August
        for (int w = 1; w <= 3; w++) {
            pipeline.send(Topics.WORKER_STAYS, longStay(w).build());
        }
        // when
        pipeline.send(Topics.LANGUAGE_ENROLMENTS,
                enrolment("E-1", worker(1), EnrolmentStatus.ACTIVE, LocalDate.of(2025, 8, 15)).build());

        // then: long from 2025-07-08 (6 Jan + 183 days); 1 of 3 trained by the end of August, none in July
        IndicatorValue year = pipeline.indicator("language_training_share|2025|all");
        assertThat(year.getNumerator()).isEqualTo(1);
        assertThat(year.getDenominator()).isEqualTo(3);
        assertThat(year.getValue()).isEqualTo(1.0 / 3);
        assertThat(year.getStatus()).isEqualTo(IndicatorStatus.AT_RISK); // 0.333 >= 0.35 - 0.05
        assertThat(year.getTarget()).isEqualTo(0.35);
        assertThat(pipeline.indicator("language_training_share|2025-07|all").getNumerator()).isZero();
        assertThat(pipeline.indicator("language_training_share|2025-08|all").getNumerator()).isEqualTo(1);
        assertThat(pipeline.indicator("long_stay_share|2025-06|all").getNumerator()).isZero();
        assertThat(pipeline.indicator("long_stay_share|2025-06|all").getDenominator()).isEqualTo(3);
        assertThat(pipeline.indicator("long_stay_share|2025|all").getValue()).isEqualTo(1.0);
        assertThat(pipeline.indicator("long_stay_share|2025|all").getStatus()).isEqualTo(IndicatorStatus.NO_TARGET);
    }

    @Test
    void aSectorScopeBelowFiveWorkersIsSuppressed() {
        // given three workers in logistics
        for (int w = 1; w <= 3; w++) {
            pipeline.send(Topics.WORKER_STAYS, longStay(w).build());
        }
        // then the sector scope hides its counts, while "all" does not
        IndicatorValue sector = pipeline.indicator("long_stay_share|2025|sector:LOGISTICS");
        assertThat(sector.getStatus()).isEqualTo(IndicatorStatus.SUPPRESSED);
        assertThat(sector.getNumerator()).isNull();
        assertThat(sector.getDenominator()).isNull();
        assertThat(sector.getValue()).isNull();
        assertThat(pipeline.indicator("long_stay_share|2025|all").getDenominator()).isEqualTo(3);

        // when two more arrive, the cell has five workers and is shown
        for (int w = 4; w <= 5; w++) {
            pipeline.send(Topics.WORKER_STAYS, longStay(w).build());
        }
        assertThat(pipeline.indicator("long_stay_share|2025|sector:LOGISTICS").getDenominator()).isEqualTo(5);
    }

    @Test
    void aCorrectionMovesTheWorkerOutOfPastPeriods() {
        // given a stay from January, recorded on 1 February
        WorkerStay original = longStay(1).setRecordedAt(Instant.parse("2025-02-01T10:00:00Z")).build();
        pipeline.send(Topics.WORKER_STAYS, original);
        assertThat(pipeline.indicator("long_stay_share|2025-02|all").getDenominator()).isEqualTo(1);

        // when the member corrects the arrival to 1 March and sector to construction
        pipeline.send(Topics.WORKER_STAYS, WorkerStay.newBuilder(original).setArrivalDate(LocalDate.of(2025, 3, 1))
                .setSector(Sector.CONSTRUCTION).setRecordedAt(Instant.parse("2025-03-02T10:00:00Z")).build());

        // then February no longer counts the worker, March does
        assertThat(pipeline.indicator("long_stay_share|2025-02|all").getDenominator()).isZero();
        assertThat(pipeline.indicator("long_stay_share|2025-02|all").getStatus()).isEqualTo(IndicatorStatus.NO_DATA);
        assertThat(pipeline.indicator("long_stay_share|2025-03|all").getDenominator()).isEqualTo(1);
        assertThat(pipeline.indicator("long_stay_share|2025-03|sector:LOGISTICS").getStatus())
                .isEqualTo(IndicatorStatus.NO_DATA);
    }

    @Test
    void staleVersionsAndRepeatsChangeNothing() {
        // given a stay corrected once
        WorkerStay v1 = longStay(1).setRecordedAt(Instant.parse("2025-02-01T10:00:00Z")).build();
        WorkerStay v2 = WorkerStay.newBuilder(v1).setArrivalDate(LocalDate.of(2025, 3, 1))
                .setRecordedAt(Instant.parse("2025-03-02T10:00:00Z")).build();
        pipeline.send(Topics.WORKER_STAYS, v1);
        pipeline.send(Topics.WORKER_STAYS, v2);

        // when the old version arrives late, and the new one twice more
        pipeline.send(Topics.WORKER_STAYS, v1);
        pipeline.send(Topics.WORKER_STAYS, v2);
        pipeline.send(Topics.WORKER_STAYS, v2);

        // then the truth is still v2, and the three were counted as stale
        assertThat(pipeline.indicator("long_stay_share|2025-02|all").getDenominator()).isZero();
        assertThat(pipeline.indicator("long_stay_share|2025-03|all").getDenominator()).isEqualTo(1);
        assertThat(pipeline.counter("abu_records_stale", "topic", Topics.WORKER_STAYS)).isEqualTo(3);
    }

    @Test
    void aRetractionRemovesTheWorkerAndAnOlderVersionCannotResurrectIt() {
        // given a stay, retracted on 1 April
        WorkerStay stay = longStay(1).setRecordedAt(Instant.parse("2025-02-01T10:00:00Z")).build();
        pipeline.send(Topics.WORKER_STAYS, stay);
        pipeline.retract(Topics.WORKER_STAYS, "M0001/S-1", Instant.parse("2025-04-01T00:00:00Z"));
        assertThat(pipeline.indicator("long_stay_share|2025|all").getDenominator()).isZero();

        // when a version recorded before the retraction arrives late
        pipeline.send(Topics.WORKER_STAYS, WorkerStay.newBuilder(stay)
                .setRecordedAt(Instant.parse("2025-03-01T10:00:00Z")).build());
        // then it stays retracted
        assertThat(pipeline.indicator("long_stay_share|2025|all").getDenominator()).isZero();

        // when a version recorded after the retraction arrives, the stay is back
        pipeline.send(Topics.WORKER_STAYS, WorkerStay.newBuilder(stay)
                .setRecordedAt(Instant.parse("2025-05-01T10:00:00Z")).build());
        assertThat(pipeline.indicator("long_stay_share|2025|all").getDenominator()).isEqualTo(1);
    }

    @Test
    void droppedOrCancelledEnrolmentsCountNowhere() {
        // given a long stayer whose enrolment is first active, then dropped
        pipeline.send(Topics.WORKER_STAYS, longStay(1).build());
        var active = enrolment("E-1", worker(1), EnrolmentStatus.ACTIVE, LocalDate.of(2025, 8, 15))
                .setRecordedAt(Instant.parse("2025-08-15T10:00:00Z")).build();
        pipeline.send(Topics.LANGUAGE_ENROLMENTS, active);
        assertThat(pipeline.indicator("language_training_share|2025|all").getNumerator()).isEqualTo(1);

        // when
        pipeline.send(Topics.LANGUAGE_ENROLMENTS, nl.abu.monitor.events.LanguageEnrolment.newBuilder(active)
                .setStatus(EnrolmentStatus.DROPPED).setRecordedAt(Instant.parse("2025-09-15T10:00:00Z")).build());

        // then
        assertThat(pipeline.indicator("language_training_share|2025|all").getNumerator()).isZero();
        assertThat(pipeline.indicator("language_training_share|2025|all").getDenominator()).isEqualTo(1);
    }

    @Test
    void aStayTurnsLongWhenTheDateReachesDay183WithNoNewEvent() {
        // given a live pipeline on 7 July 2025 and a worker here since 6 January (long from 8 July)
        PipelineTestDriver live = new PipelineTestDriver(LocalDate.of(2025, 7, 7), ALONE);
        try (live) {
            live.send(Topics.WORKER_STAYS, longStay(1).build());
            assertThat(live.indicator("long_stay_share|2025-07|all").getNumerator()).isZero();
            assertThat(live.indicator("language_training_share|2025-07|all")).isNull();

            // when the calendar moves to 8 July, with no new event
            live.moveTo(LocalDate.of(2025, 7, 8));

            // then the stay is long this month, quarter and year
            assertThat(live.indicator("long_stay_share|2025-07|all").getNumerator()).isEqualTo(1);
            assertThat(live.indicator("language_training_share|2025-07|all").getDenominator()).isEqualTo(1);
            assertThat(live.indicator("language_training_share|2025-Q3|all").getDenominator()).isEqualTo(1);
            assertThat(live.indicator("language_training_share|2025|all").getAsOf()).isEqualTo(LocalDate.of(2025, 7, 8));
            // and June, which ended before the stay was long, is unchanged
            assertThat(live.indicator("long_stay_share|2025-06|all").getNumerator()).isZero();
        }
    }

    @Test
    void aNewMonthBringsItsCellsAndAYearLeavingTheOpenYearsIsWithdrawn() {
        // given a live pipeline on 31 December 2025 with a worker here since 2024
        PipelineTestDriver live = new PipelineTestDriver(LocalDate.of(2025, 12, 31), ALONE);
        try (live) {
            live.send(Topics.WORKER_STAYS, stay("S-1", worker(1), LocalDate.of(2024, 3, 1), null).build());
            assertThat(live.indicator("long_stay_share|2024|all").getDenominator()).isEqualTo(1);
            assertThat(live.indicator("long_stay_share|2026-01|all")).isNull();

            // when the year turns
            live.moveTo(LocalDate.of(2026, 1, 1));

            // then January 2026 counts the worker, and 2024 is no longer reported
            assertThat(live.indicator("long_stay_share|2026-01|all").getNumerator()).isEqualTo(1);
            assertThat(live.indicator("long_stay_share|2026|all").getDenominator()).isEqualTo(1);
            assertThat(live.indicator("long_stay_share|2024|all")).isNull();
            assertThat(live.indicator("long_stay_share|2025|all").getDenominator()).isEqualTo(1);
        }
    }

    @Test
    void aLateEventForAClosedMonthStillCountsInThatMonth() {
        // given March 2025 is long over
        // when a stay that ran from 3 to 20 March arrives only now
        pipeline.send(Topics.WORKER_STAYS, stay("S-1", worker(1), LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 20))
                .setRecordedAt(Instant.parse("2025-11-30T10:00:00Z")).build());

        // then March counts the worker, April does not
        assertThat(pipeline.indicator("long_stay_share|2025-03|all").getDenominator()).isEqualTo(1);
        assertThat(pipeline.indicator("long_stay_share|2025-04|all")).isNull();
    }

    @Test
    void aWorkerWithSeveralStaysCountsOncePerPeriodAndInEachSectorOfAStay() {
        // given one worker who came three times (circular migration), twice in logistics and once in horticulture
        pipeline.send(Topics.WORKER_STAYS, stay("S-1", worker(1), LocalDate.of(2024, 1, 8), LocalDate.of(2024, 3, 29))
                .build());
        pipeline.send(Topics.WORKER_STAYS, stay("S-2", worker(1), LocalDate.of(2024, 4, 15), LocalDate.of(2024, 6, 1))
                .setSector(Sector.HORTICULTURE).build());
        pipeline.send(Topics.WORKER_STAYS, stay("S-3", worker(1), LocalDate.of(2024, 6, 3), null).build());

        // then 2024 counts one worker, in both sectors, and the second quarter counts the worker once
        assertThat(pipeline.indicator("long_stay_share|2024|all").getDenominator()).isEqualTo(1);
        assertThat(pipeline.indicator("long_stay_share|2024-Q2|all").getDenominator()).isEqualTo(1);
        assertThat(pipeline.indicator("long_stay_share|2024|sector:HORTICULTURE").getStatus())
                .isEqualTo(IndicatorStatus.SUPPRESSED);
        assertThat(pipeline.indicator("long_stay_share|2024|sector:LOGISTICS").getStatus())
                .isEqualTo(IndicatorStatus.SUPPRESSED);
        // no single stay lasted 183 days in 2024 before 3 June + 183 = 3 December
        assertThat(pipeline.indicator("language_training_share|2024-11|all")).isNull();
        assertThat(pipeline.indicator("language_training_share|2024-12|all").getDenominator()).isEqualTo(1);
    }

    @Test
    void periodBoundariesFollowTheCalendar() {
        // given arrivals on 31 December 2024, 1 January 2025 and 29 February 2024, and a departure on 31 March 2025
        pipeline.send(Topics.WORKER_STAYS, stay("S-1", worker(1), LocalDate.of(2024, 12, 31), null).build());
        pipeline.send(Topics.WORKER_STAYS, stay("S-2", worker(2), LocalDate.of(2025, 1, 1), null).build());
        pipeline.send(Topics.WORKER_STAYS, stay("S-3", worker(3), LocalDate.of(2024, 2, 29),
                LocalDate.of(2025, 3, 31)).build());

        // then
        assertThat(pipeline.indicator("long_stay_share|2024-12|all").getDenominator()).isEqualTo(2);
        assertThat(pipeline.indicator("long_stay_share|2024|all").getDenominator()).isEqualTo(2);
        assertThat(pipeline.indicator("long_stay_share|2024-02|all").getDenominator()).isEqualTo(1);
        assertThat(pipeline.indicator("long_stay_share|2025-01|all").getDenominator()).isEqualTo(3);
        assertThat(pipeline.indicator("long_stay_share|2025-Q1|all").getDenominator()).isEqualTo(3);
        assertThat(pipeline.indicator("long_stay_share|2025-Q2|all").getDenominator()).isEqualTo(2);
        // 29 February 2024 + 183 days = 30 August 2024
        assertThat(pipeline.indicator("language_training_share|2024-08|all").getDenominator()).isEqualTo(1);
        assertThat(pipeline.indicator("language_training_share|2024-07|all")).isNull();
    }
}
