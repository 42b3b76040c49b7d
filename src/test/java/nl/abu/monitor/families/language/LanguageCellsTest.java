package nl.abu.monitor.families.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.abu.monitor.events.EnrolmentStatus;
import nl.abu.monitor.events.Sector;
import nl.abu.monitor.indicator.EntityCells;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.EnrolmentFacts;
import nl.abu.monitor.state.StayFacts;
import org.junit.jupiter.api.Test;

class LanguageCellsTest {
    private static final ReportingCalendar END_OF_2025 = new ReportingCalendar(LocalDate.of(2025, 12, 31));
    // 2025-01-01 + 183 days = 2025-07-03 (Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30 = 181 days to 1 July).
    private static final LocalDate ARRIVAL = LocalDate.of(2025, 1, 1);

    /** Cell key → in the numerator, as the worker's contributions say. */
    private static Map<String, Boolean> cells(List<StayFacts> stays, List<EnrolmentFacts> enrolments,
            ReportingCalendar calendar) {
        EntityCells cells = LanguageCells.of(stays, enrolments, calendar);
        assertThat(cells.contributions().values()).allSatisfy(c -> assertThat(c.getDenominator()).isEqualTo(1));
        Map<String, Boolean> view = new java.util.HashMap<>();
        cells.contributions().forEach((cell, c) -> view.put(cell, c.getNumerator() == 1));
        return view;
    }

    private static StayFacts stay(LocalDate arrival, LocalDate departure, Sector sector) {
        return new StayFacts(sector, arrival, departure);
    }

    @Test
    void aStayBecomesLong183DaysAfterArrival() {
        Map<String, Boolean> cells = cells(List.of(stay(ARRIVAL, null, Sector.LOGISTICS)), List.of(),
                END_OF_2025);

        assertThat(cells).containsEntry("long_stay_share|2025-06|all", false)
                .doesNotContainKey("language_training_share|2025-06|all")
                .containsEntry("long_stay_share|2025-07|all", true)
                .containsEntry("language_training_share|2025-07|all", false)
                .containsEntry("long_stay_share|2025-07|sector:LOGISTICS", true)
                .doesNotContainKey("long_stay_share|2024|all");
    }

    @Test
    void theThresholdDayCountsAsOfThatDay() {
        ReportingCalendar dayBefore = new ReportingCalendar(LocalDate.of(2025, 7, 2));
        ReportingCalendar onTheDay = new ReportingCalendar(LocalDate.of(2025, 7, 3));
        List<StayFacts> stays = List.of(stay(ARRIVAL, null, Sector.LOGISTICS));

        assertThat(cells(stays, List.of(), dayBefore)).containsEntry("long_stay_share|2025-07|all", false);
        assertThat(cells(stays, List.of(), onTheDay)).containsEntry("long_stay_share|2025-07|all", true);
    }

    @Test
    void leavingBeforeTheStayIsLongNeverCountsAsLong() {
        Map<String, Boolean> cells = cells(
                List.of(stay(ARRIVAL, LocalDate.of(2025, 7, 2), Sector.LOGISTICS)), List.of(), END_OF_2025);

        assertThat(cells).containsEntry("long_stay_share|2025-07|all", false)
                .doesNotContainKey("language_training_share|2025-07|all")
                .doesNotContainKey("long_stay_share|2025-08|all");
    }

    @Test
    void leavingOnTheDayTheStayBecomesLongCounts() {
        Map<String, Boolean> cells = cells(
                List.of(stay(ARRIVAL, LocalDate.of(2025, 7, 3), Sector.LOGISTICS)), List.of(), END_OF_2025);

        assertThat(cells).containsEntry("language_training_share|2025-07|all", false)
                .doesNotContainKey("long_stay_share|2025-08|all");
    }

    @Test
    void trainingCountsFromTheFirstLessonOnlyWhenActiveOrCompleted() {
        List<StayFacts> stays = List.of(stay(ARRIVAL, null, Sector.LOGISTICS));
        EnrolmentFacts active = new EnrolmentFacts(EnrolmentStatus.ACTIVE, LocalDate.of(2025, 8, 15));
        EnrolmentFacts dropped = new EnrolmentFacts(EnrolmentStatus.DROPPED, LocalDate.of(2025, 7, 5));

        Map<String, Boolean> cells = cells(stays, List.of(active, dropped), END_OF_2025);

        assertThat(cells).containsEntry("language_training_share|2025-07|all", false)
                .containsEntry("language_training_share|2025-08|all", true)
                .containsEntry("language_training_share|2025-Q3|sector:LOGISTICS", true)
                .containsEntry("language_training_share|2025|all", true);
    }

    @Test
    void aWorkerWithLongStaysInTwoSectorsCountsInBoth() {
        List<StayFacts> stays = List.of(stay(LocalDate.of(2024, 1, 10), LocalDate.of(2024, 9, 30), Sector.AGRICULTURE),
                stay(LocalDate.of(2024, 11, 1), null, Sector.CONSTRUCTION));

        Map<String, Boolean> cells = cells(stays, List.of(), END_OF_2025);

        assertThat(cells).containsKeys("language_training_share|2024|sector:AGRICULTURE",
                        "long_stay_share|2024|sector:CONSTRUCTION", "language_training_share|2025|sector:CONSTRUCTION")
                .doesNotContainKey("language_training_share|2024|sector:CONSTRUCTION")
                .doesNotContainKey("long_stay_share|2025|sector:AGRICULTURE");
    }

    @Test
    void aWorkersCellsChangeOnArrivalOnTheDayTheStayTurnsLongAndOnTheFirstLesson() {
        EntityCells cells = LanguageCells.of(List.of(stay(ARRIVAL, null, Sector.LOGISTICS)),
                List.of(new EnrolmentFacts(EnrolmentStatus.ACTIVE, LocalDate.of(2025, 8, 15))), END_OF_2025);

        assertThat(cells.changeDates()).containsExactlyInAnyOrder(ARRIVAL, LocalDate.of(2025, 7, 3),
                LocalDate.of(2025, 8, 15));
    }
}
