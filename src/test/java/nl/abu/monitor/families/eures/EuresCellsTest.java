package nl.abu.monitor.families.eures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.abu.monitor.TestRecords;
import nl.abu.monitor.events.EuresPlacement;
import nl.abu.monitor.events.PlacementStatus;
import nl.abu.monitor.events.Sector;
import nl.abu.monitor.indicator.EntityCells;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.CellCounts;
import org.junit.jupiter.api.Test;

/** The cell rules of {@code eures_placements} ({@link EuresPlacementCells}) and {@code eures_fec_members}. */
class EuresCellsTest {
    private static final ReportingCalendar END_OF_2025 = new ReportingCalendar(LocalDate.of(2025, 12, 31));
    private static final CellCounts ONCE = new CellCounts(1L, 0L);

    private static EuresPlacement placement(LocalDate placedOn, PlacementStatus status) {
        return TestRecords.placement().setPlacedOn(placedOn).setStatus(status).setSector(Sector.LOGISTICS).build();
    }

    @Test
    void aPlacedPlacementCountsOnceInAllAndInItsSectorForItsMonthQuarterAndYear() {
        EntityCells cells = EuresPlacementCells.of(placement(LocalDate.of(2025, 4, 1), PlacementStatus.PLACED),
                END_OF_2025);

        assertThat(cells.contributions()).containsOnlyKeys(
                "eures_placements|2025-04|all", "eures_placements|2025-04|sector:LOGISTICS",
                "eures_placements|2025-Q2|all", "eures_placements|2025-Q2|sector:LOGISTICS",
                "eures_placements|2025|all", "eures_placements|2025|sector:LOGISTICS");
        assertThat(cells.contributions().values()).allSatisfy(c -> assertThat(c).isEqualTo(ONCE));
        assertThat(cells.changeDates()).containsExactly(LocalDate.of(2025, 4, 1));
    }

    @Test
    void aCancelledPlacementCountsNowhere() {
        EntityCells cells = EuresPlacementCells.of(placement(LocalDate.of(2025, 4, 1), PlacementStatus.CANCELLED),
                END_OF_2025);

        assertThat(cells.contributions()).isEmpty();
        assertThat(cells.changeDates()).isEmpty();
    }

    @Test
    void aPlacementDatedInTheFutureCountsFromThatDay() {
        EuresPlacement placement = placement(LocalDate.of(2025, 6, 20), PlacementStatus.PLACED);

        EntityCells dayBefore = EuresPlacementCells.of(placement, new ReportingCalendar(LocalDate.of(2025, 6, 19)));
        EntityCells onTheDay = EuresPlacementCells.of(placement, new ReportingCalendar(LocalDate.of(2025, 6, 20)));

        assertThat(dayBefore.contributions()).isEmpty();
        assertThat(dayBefore.changeDates()).containsExactly(LocalDate.of(2025, 6, 20));
        assertThat(onTheDay.contributions()).containsKeys("eures_placements|2025-06|all", "eures_placements|2025|all");
    }

    @Test
    void periodBoundariesLeapDayAndYearsOutsideTheOpenYears() {
        assertThat(EuresPlacementCells.of(placement(LocalDate.of(2024, 2, 29), PlacementStatus.PLACED), END_OF_2025)
                .contributions()).containsOnlyKeys(
                "eures_placements|2024-02|all", "eures_placements|2024-02|sector:LOGISTICS",
                "eures_placements|2024-Q1|all", "eures_placements|2024-Q1|sector:LOGISTICS",
                "eures_placements|2024|all", "eures_placements|2024|sector:LOGISTICS");
        assertThat(EuresPlacementCells.of(placement(LocalDate.of(2024, 12, 31), PlacementStatus.PLACED), END_OF_2025)
                .contributions()).containsKeys("eures_placements|2024-12|all", "eures_placements|2024-Q4|all",
                "eures_placements|2024|all").doesNotContainKeys("eures_placements|2025-01|all",
                "eures_placements|2025|all");
        assertThat(EuresPlacementCells.of(placement(LocalDate.of(2025, 3, 31), PlacementStatus.PLACED), END_OF_2025)
                .contributions()).containsKeys("eures_placements|2025-03|all", "eures_placements|2025-Q1|all")
                .doesNotContainKey("eures_placements|2025-Q2|all");
        // 2023 is outside the open years of 2025 (2024 and 2025): not reported at all
        assertThat(EuresPlacementCells.of(placement(LocalDate.of(2023, 12, 31), PlacementStatus.PLACED), END_OF_2025)
                .contributions()).isEmpty();
    }

    @Test
    void aFairEmploymentCodeMemberCountsOncePerPeriodWithAPlacement() {
        EntityCells cells = EuresMemberCells.of(true,
                List.of(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 20), LocalDate.of(2025, 7, 1)), END_OF_2025);

        assertThat(cells.contributions()).containsOnlyKeys(
                "eures_fec_members|2025-04|all", "eures_fec_members|2025-07|all", "eures_fec_members|2025-Q2|all",
                "eures_fec_members|2025-Q3|all", "eures_fec_members|2025|all");
        assertThat(cells.contributions().values()).allSatisfy(c -> assertThat(c).isEqualTo(ONCE));
        assertThat(cells.changeDates()).containsExactlyInAnyOrder(LocalDate.of(2025, 4, 1),
                LocalDate.of(2025, 4, 20), LocalDate.of(2025, 7, 1));
    }

    @Test
    void aMemberWithoutTheFairEmploymentCodeOrWithoutPlacementsCountsNowhere() {
        assertThat(EuresMemberCells.of(false, List.of(LocalDate.of(2025, 4, 1)), END_OF_2025).contributions())
                .isEmpty();
        assertThat(EuresMemberCells.of(true, List.of(), END_OF_2025).contributions()).isEmpty();
    }

    @Test
    void aMembersFuturePlacementCountsFromThatDay() {
        List<LocalDate> placedOn = List.of(LocalDate.of(2025, 6, 20));

        EntityCells dayBefore = EuresMemberCells.of(true, placedOn, new ReportingCalendar(LocalDate.of(2025, 6, 19)));
        EntityCells onTheDay = EuresMemberCells.of(true, placedOn, new ReportingCalendar(LocalDate.of(2025, 6, 20)));

        assertThat(dayBefore.contributions()).isEmpty();
        assertThat(dayBefore.changeDates()).containsExactly(LocalDate.of(2025, 6, 20));
        assertThat(onTheDay.contributions()).containsKeys("eures_fec_members|2025-06|all",
                "eures_fec_members|2025|all");
    }
}
