package nl.abu.monitor.families.brp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import nl.abu.monitor.events.Sector;
import nl.abu.monitor.indicator.EntityCells;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.BrpStay;
import nl.abu.monitor.state.StayFacts;
import org.junit.jupiter.api.Test;

class BrpStayCellsTest {
    private static final ReportingCalendar END_OF_2025 = new ReportingCalendar(LocalDate.of(2025, 12, 31));
    private static final LocalDate ARRIVAL = LocalDate.of(2025, 3, 10);
    private static final LocalDate DEPARTURE = LocalDate.of(2025, 6, 20);

    private static final String ON_TIME = "brp_registration_on_time_share";
    private static final String DEREGISTERED = "brp_deregistration_share";

    private static StayFacts stay(LocalDate arrival, LocalDate departure) {
        return new StayFacts(Sector.HORTICULTURE, arrival, departure);
    }

    private static Map<String, LocalDate> dates(Object... kindAndDate) {
        Map<String, LocalDate> dates = new HashMap<>();
        for (int i = 0; i < kindAndDate.length; i += 2) {
            dates.put((String) kindAndDate[i], (LocalDate) kindAndDate[i + 1]);
        }
        return dates;
    }

    /** Cell key → in the numerator; every contribution is one in the denominator. */
    private static Map<String, Boolean> cells(StayFacts stay, Map<String, LocalDate> dates,
            ReportingCalendar calendar) {
        EntityCells cells = BrpStayCells.of(stay, dates, calendar);
        assertThat(cells.contributions().values()).allSatisfy(c -> assertThat(c.getDenominator()).isEqualTo(1));
        Map<String, Boolean> view = new HashMap<>();
        cells.contributions().forEach((cell, c) -> view.put(cell, c.getNumerator() == 1));
        return view;
    }

    @Test
    void aStayCountsInTheMonthQuarterAndYearOfItsArrivalInAllAndItsSector() {
        Map<String, Boolean> cells = cells(stay(ARRIVAL, null), dates("BRP_REGISTRATION", ARRIVAL.plusDays(2)),
                END_OF_2025);

        assertThat(cells).containsOnlyKeys(
                ON_TIME + "|2025|all", ON_TIME + "|2025-Q1|all", ON_TIME + "|2025-03|all",
                ON_TIME + "|2025|sector:HORTICULTURE", ON_TIME + "|2025-Q1|sector:HORTICULTURE",
                ON_TIME + "|2025-03|sector:HORTICULTURE");
        assertThat(cells.values()).containsOnly(true);
    }

    @Test
    void aRegistrationIsOnTimeUpToAndIncludingArrivalPlusFiveDays() {
        assertThat(cells(stay(ARRIVAL, null), dates("BRP_REGISTRATION", LocalDate.of(2025, 3, 15)), END_OF_2025))
                .containsEntry(ON_TIME + "|2025-03|all", true);
        assertThat(cells(stay(ARRIVAL, null), dates("BRP_REGISTRATION", LocalDate.of(2025, 3, 16)), END_OF_2025))
                .containsEntry(ON_TIME + "|2025-03|all", false);
        assertThat(cells(stay(ARRIVAL, null), dates(), END_OF_2025))
                .containsEntry(ON_TIME + "|2025-03|all", false);
    }

    @Test
    void anRniRegistrationIsOnTimeToo() {
        assertThat(cells(stay(ARRIVAL, null), dates("RNI_REGISTRATION", ARRIVAL), END_OF_2025))
                .containsEntry(ON_TIME + "|2025-03|all", true);
        // a late BRP registration does not spoil an RNI one that was on time
        assertThat(cells(stay(ARRIVAL, null),
                dates("RNI_REGISTRATION", ARRIVAL, "BRP_REGISTRATION", LocalDate.of(2025, 5, 1)), END_OF_2025))
                .containsEntry(ON_TIME + "|2025-03|all", true);
    }

    @Test
    void aDeregistrationAloneIsNoRegistration() {
        assertThat(cells(stay(ARRIVAL, null), dates("BRP_DEREGISTRATION", ARRIVAL), END_OF_2025))
                .containsEntry(ON_TIME + "|2025-03|all", false);
    }

    @Test
    void theStayCountsOnlyOnceItsRegistrationDeadlineHasPassed() {
        StayFacts stay = stay(ARRIVAL, null);
        assertThat(cells(stay, dates(), new ReportingCalendar(LocalDate.of(2025, 3, 14)))).isEmpty();
        assertThat(cells(stay, dates(), new ReportingCalendar(LocalDate.of(2025, 3, 15))))
                .containsEntry(ON_TIME + "|2025-03|all", false);
    }

    @Test
    void theDeadlinesAreItsChangeDates() {
        EntityCells cells = BrpStayCells.of(stay(ARRIVAL, DEPARTURE), dates(), END_OF_2025);

        assertThat(cells.changeDates()).containsExactly(LocalDate.of(2025, 3, 15), LocalDate.of(2025, 6, 25));
    }

    @Test
    void aDepartureCountsForDeregistrationOnlyWithABrpRegistration() {
        StayFacts stay = stay(ARRIVAL, DEPARTURE);
        assertThat(cells(stay, dates(), END_OF_2025)).doesNotContainKey(DEREGISTERED + "|2025-06|all");
        assertThat(cells(stay, dates("RNI_REGISTRATION", ARRIVAL), END_OF_2025))
                .doesNotContainKey(DEREGISTERED + "|2025-06|all");
        // any effectiveDate of the BRP registration will do, even a late one
        assertThat(cells(stay, dates("BRP_REGISTRATION", LocalDate.of(2025, 5, 1)), END_OF_2025))
                .containsEntry(DEREGISTERED + "|2025-06|all", false)
                .containsEntry(DEREGISTERED + "|2025-Q2|sector:HORTICULTURE", false)
                .containsEntry(DEREGISTERED + "|2025|all", false)
                .containsEntry(ON_TIME + "|2025-03|all", false);
    }

    @Test
    void aDeregistrationIsOnTimeUpToAndIncludingDeparturePlusFiveDays() {
        StayFacts stay = stay(ARRIVAL, DEPARTURE);
        assertThat(cells(stay, dates("BRP_REGISTRATION", ARRIVAL, "BRP_DEREGISTRATION", LocalDate.of(2025, 6, 25)),
                END_OF_2025)).containsEntry(DEREGISTERED + "|2025-06|all", true);
        assertThat(cells(stay, dates("BRP_REGISTRATION", ARRIVAL, "BRP_DEREGISTRATION", LocalDate.of(2025, 6, 26)),
                END_OF_2025)).containsEntry(DEREGISTERED + "|2025-06|all", false);
    }

    @Test
    void aDepartureCountsOnlyOnceItsDeadlineHasPassed() {
        StayFacts stay = stay(ARRIVAL, DEPARTURE);
        Map<String, LocalDate> registered = dates("BRP_REGISTRATION", ARRIVAL);
        assertThat(cells(stay, registered, new ReportingCalendar(LocalDate.of(2025, 6, 24))))
                .doesNotContainKey(DEREGISTERED + "|2025-06|all");
        assertThat(cells(stay, registered, new ReportingCalendar(LocalDate.of(2025, 6, 25))))
                .containsEntry(DEREGISTERED + "|2025-06|all", false);
    }

    @Test
    void anArrivalLateInDecemberCountsInDecemberOnceTheDeadlinePassesInJanuary() {
        StayFacts stay = stay(LocalDate.of(2025, 12, 31), null);
        assertThat(cells(stay, dates(), END_OF_2025)).isEmpty();

        Map<String, Boolean> cells = cells(stay, dates(), new ReportingCalendar(LocalDate.of(2026, 1, 5)));
        assertThat(cells).containsOnlyKeys(
                ON_TIME + "|2025|all", ON_TIME + "|2025-Q4|all", ON_TIME + "|2025-12|all",
                ON_TIME + "|2025|sector:HORTICULTURE", ON_TIME + "|2025-Q4|sector:HORTICULTURE",
                ON_TIME + "|2025-12|sector:HORTICULTURE");
    }

    @Test
    void leapDayArrivalIsDueOnFiveMarch() {
        StayFacts stay = stay(LocalDate.of(2024, 2, 29), null);
        assertThat(cells(stay, dates("BRP_REGISTRATION", LocalDate.of(2024, 3, 5)), END_OF_2025))
                .containsEntry(ON_TIME + "|2024-02|all", true).containsEntry(ON_TIME + "|2024-Q1|all", true)
                .doesNotContainKey(ON_TIME + "|2024-03|all");
        assertThat(cells(stay, dates("BRP_REGISTRATION", LocalDate.of(2024, 3, 6)), END_OF_2025))
                .containsEntry(ON_TIME + "|2024-02|all", false);
    }

    @Test
    void periodsOutsideTheOpenYearsGetNoCells() {
        EntityCells cells = BrpStayCells.of(stay(LocalDate.of(2023, 5, 1), LocalDate.of(2023, 9, 1)),
                dates("BRP_REGISTRATION", LocalDate.of(2023, 5, 2)), END_OF_2025);

        assertThat(cells.contributions()).isEmpty();
    }

    @Test
    void aStayThatIsNotKnownCountsNowhere() {
        EntityCells cells = BrpStayCells.of(new BrpStay(null, dates("BRP_REGISTRATION", ARRIVAL)), END_OF_2025);

        assertThat(cells.contributions()).isEmpty();
        assertThat(cells.changeDates()).isEmpty();
    }
}
