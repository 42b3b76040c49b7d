package nl.abu.monitor.families.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import nl.abu.monitor.events.HousingCertification;
import nl.abu.monitor.indicator.EntityCells;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.CellCounts;
import nl.abu.monitor.state.HousingUnit;
import nl.abu.monitor.state.RatingFacts;
import org.junit.jupiter.api.Test;

class HousingUnitCellsTest {
    private static final ReportingCalendar END_OF_2025 = new ReportingCalendar(LocalDate.of(2025, 12, 31));
    private static final String CERTIFIED = "housing_certified_share|";
    private static final String RENT = "housing_rent_within_pks_share|";
    private static final String POINTS = "housing_average_pks_points|";

    private static RatingFacts certified(int points) {
        return new RatingFacts(HousingCertification.SNF, points, 11_000L, 12_000L);
    }

    private static RatingFacts uncertifiedAndTooDear(int points) {
        return new RatingFacts(HousingCertification.NONE, points, 12_001L, 12_000L);
    }

    /** A unit from (ratedOn, rating) pairs. */
    private static HousingUnit unit(Object... ratedOnAndRating) {
        Map<String, RatingFacts> ratings = new HashMap<>();
        for (int i = 0; i < ratedOnAndRating.length; i += 2) {
            ratings.put(ratedOnAndRating[i].toString(), (RatingFacts) ratedOnAndRating[i + 1]);
        }
        return new HousingUnit(ratings);
    }

    private static Map<String, CellCounts> cells(HousingUnit unit, ReportingCalendar calendar) {
        EntityCells cells = HousingUnitCells.of(unit, calendar);
        assertThat(cells.contributions().values()).allSatisfy(c -> assertThat(c.getDenominator()).isEqualTo(1));
        assertThat(cells.contributions().keySet()).allSatisfy(cell -> assertThat(cell).endsWith("|all"));
        return cells.contributions();
    }

    private static long numerator(Map<String, CellCounts> cells, String key) {
        assertThat(cells).containsKey(key);
        return cells.get(key).getNumerator();
    }

    @Test
    void theLatestRatingWithinThePeriodDecides() {
        HousingUnit unit = unit("2025-03-05", uncertifiedAndTooDear(90), "2025-03-20", certified(150),
                "2025-05-10", uncertifiedAndTooDear(120));

        Map<String, CellCounts> cells = cells(unit, END_OF_2025);

        assertThat(numerator(cells, CERTIFIED + "2025-03|all")).isEqualTo(1);
        assertThat(numerator(cells, RENT + "2025-03|all")).isEqualTo(1);
        assertThat(numerator(cells, POINTS + "2025-03|all")).isEqualTo(150);
        assertThat(numerator(cells, CERTIFIED + "2025-Q1|all")).isEqualTo(1);
        assertThat(numerator(cells, CERTIFIED + "2025-Q2|all")).isZero();
        assertThat(numerator(cells, POINTS + "2025-Q2|all")).isEqualTo(120);
        assertThat(numerator(cells, CERTIFIED + "2025|all")).isZero();
        assertThat(numerator(cells, RENT + "2025|all")).isZero();
        assertThat(numerator(cells, POINTS + "2025|all")).isEqualTo(120);
    }

    @Test
    void aUnitNotRatedWithinThePeriodIsNotInIt() {
        Map<String, CellCounts> cells = cells(unit("2025-01-15", certified(140)), END_OF_2025);

        assertThat(cells).containsKeys(CERTIFIED + "2025-01|all", CERTIFIED + "2025-Q1|all", CERTIFIED + "2025|all")
                .doesNotContainKeys(CERTIFIED + "2025-02|all", RENT + "2025-02|all", POINTS + "2025-02|all",
                        CERTIFIED + "2025-Q2|all", CERTIFIED + "2024|all", CERTIFIED + "2024-12|all");
        assertThat(cells).hasSize(3 * 3);
    }

    @Test
    void onlyRatingsUpToTheAsOfDateCount() {
        HousingUnit unit = unit("2025-03-05", uncertifiedAndTooDear(90), "2025-03-20", certified(150));

        Map<String, CellCounts> on10March = cells(unit, new ReportingCalendar(LocalDate.of(2025, 3, 10)));
        Map<String, CellCounts> on20March = cells(unit, new ReportingCalendar(LocalDate.of(2025, 3, 20)));

        assertThat(numerator(on10March, CERTIFIED + "2025-03|all")).isZero();
        assertThat(numerator(on10March, POINTS + "2025|all")).isEqualTo(90);
        assertThat(numerator(on20March, CERTIFIED + "2025-03|all")).isEqualTo(1);
        assertThat(numerator(on20March, POINTS + "2025|all")).isEqualTo(150);
    }

    @Test
    void aRatingDatedAfterTheAsOfDateCountsNowhereYetButChangesTheCellsOnItsDate() {
        HousingUnit unit = unit("2025-06-01", certified(140));

        EntityCells cells = HousingUnitCells.of(unit, new ReportingCalendar(LocalDate.of(2025, 5, 10)));

        assertThat(cells.contributions()).isEmpty();
        assertThat(cells.changeDates()).containsExactly(LocalDate.of(2025, 6, 1));
    }

    @Test
    void everyRatingDateIsAChangeDate() {
        EntityCells cells = HousingUnitCells.of(unit("2025-03-05", certified(1), "2025-03-20", certified(2)),
                END_OF_2025);

        assertThat(cells.changeDates()).containsExactly(LocalDate.of(2025, 3, 5), LocalDate.of(2025, 3, 20));
    }

    @Test
    void yearEndAndNewYearAreDifferentPeriods() {
        HousingUnit unit = unit("2024-12-31", certified(140), "2025-01-01", uncertifiedAndTooDear(80));

        Map<String, CellCounts> cells = cells(unit, END_OF_2025);

        assertThat(numerator(cells, CERTIFIED + "2024|all")).isEqualTo(1);
        assertThat(numerator(cells, CERTIFIED + "2024-Q4|all")).isEqualTo(1);
        assertThat(numerator(cells, POINTS + "2024-12|all")).isEqualTo(140);
        assertThat(numerator(cells, CERTIFIED + "2025|all")).isZero();
        assertThat(numerator(cells, CERTIFIED + "2025-Q1|all")).isZero();
        assertThat(numerator(cells, POINTS + "2025-01|all")).isEqualTo(80);
    }

    @Test
    void theLeapDayBelongsToFebruary() {
        Map<String, CellCounts> cells = cells(unit("2024-02-29", certified(140)), END_OF_2025);

        assertThat(cells).containsKeys(CERTIFIED + "2024-02|all", CERTIFIED + "2024-Q1|all", CERTIFIED + "2024|all")
                .doesNotContainKeys(CERTIFIED + "2024-03|all", CERTIFIED + "2025|all");
    }

    @Test
    void theQuarterEndAndTheNextDayAreInDifferentQuarters() {
        HousingUnit unit = unit("2025-06-30", certified(140), "2025-07-01", uncertifiedAndTooDear(80));

        Map<String, CellCounts> cells = cells(unit, END_OF_2025);

        assertThat(numerator(cells, CERTIFIED + "2025-Q2|all")).isEqualTo(1);
        assertThat(numerator(cells, CERTIFIED + "2025-06|all")).isEqualTo(1);
        assertThat(numerator(cells, CERTIFIED + "2025-Q3|all")).isZero();
        assertThat(numerator(cells, CERTIFIED + "2025-07|all")).isZero();
        assertThat(numerator(cells, CERTIFIED + "2025|all")).isZero();
    }

    @Test
    void ratingsBeforeTheOpenYearsCountNowhere() {
        EntityCells cells = HousingUnitCells.of(unit("2023-12-31", certified(140)), END_OF_2025);

        assertThat(cells.contributions()).isEmpty();
    }

    @Test
    void akfCertifiesNoneDoesNot() {
        assertThat(HousingUnitCells.isCertified(new RatingFacts(HousingCertification.AKF, 1, 0L, 0L))).isTrue();
        assertThat(HousingUnitCells.isCertified(new RatingFacts(HousingCertification.SNF, 1, 0L, 0L))).isTrue();
        assertThat(HousingUnitCells.isCertified(new RatingFacts(HousingCertification.NONE, 1, 0L, 0L))).isFalse();
    }

    @Test
    void aRentEqualToThePksMaximumIsWithinIt() {
        assertThat(HousingUnitCells.isRentWithinPks(new RatingFacts(HousingCertification.NONE, 1, 12_000L, 12_000L)))
                .isTrue();
        assertThat(HousingUnitCells.isRentWithinPks(new RatingFacts(HousingCertification.NONE, 1, 12_001L, 12_000L)))
                .isFalse();
    }

    @Test
    void theMeanCountsTheUnitOnceWithItsPoints() {
        Map<String, CellCounts> cells = cells(unit("2025-04-02", certified(163)), END_OF_2025);

        assertThat(cells.get(POINTS + "2025-04|all")).isEqualTo(new CellCounts(163L, 1L));
    }
}
