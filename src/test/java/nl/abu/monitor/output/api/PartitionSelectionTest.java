package nl.abu.monitor.output.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.indicator.IndicatorCell;
import nl.abu.monitor.period.Period;
import org.junit.jupiter.api.Test;

/** What instances pass each other on {@code /api/internal/indicators}: partitions, filters and totals. */
class PartitionSelectionTest {

    @Test
    void partitionsAndFilterSurviveTheTripThroughAUrl() throws Exception {
        // given
        PartitionSelection partitions = new PartitionSelection(
                Map.of("language-cell-totals", Set.of(2, 0), "housing-cell-totals", Set.of(1)),
                Map.of("language-cell-totals", Set.of(1)));
        IndicatorFilter filter = new IndicatorFilter(Optional.of("long_stay_share"), Optional.of("2025-Q3"),
                Optional.of("sector:FOOD_PRODUCTION"));
        Map<String, String> query = new LinkedHashMap<>(filter.toQuery());
        query.putAll(partitions.toQuery());

        // when
        URI uri = URI.create("http://h:1" + RemoteCellTotals.PATH + "?" + QueryString.encode(query));
        Map<String, String> parsed = QueryString.parse(uri.getRawQuery());

        // then
        assertThat(PartitionSelection.of(parsed)).isEqualTo(partitions);
        assertThat(IndicatorFilter.of(parsed)).isEqualTo(filter);
        assertThat(parsed.get(PartitionSelection.ACTIVE)).isEqualTo("housing-cell-totals:1;language-cell-totals:0,2");
    }

    @Test
    void noPartitionsIsAnEmptySelection() {
        assertThat(PartitionSelection.of(Map.of())).isEqualTo(new PartitionSelection(Map.of(), Map.of()));
        assertThatThrownBy(() -> PartitionSelection.of(Map.of(PartitionSelection.ACTIVE, "0,1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFilterMatchesOnlyTheGivenFieldsAndTreatsEmptyAsAny() {
        IndicatorCell cell = new IndicatorCell(Indicator.byId("long_stay_share"), Period.parse("2025"), "all");

        assertThat(IndicatorFilter.of(Map.of("period", "2025", "scope", "")).matches(cell)).isTrue();
        assertThat(IndicatorFilter.of(Map.of("scope", "sector:LOGISTICS")).matches(cell)).isFalse();
        assertThat(IndicatorFilter.of(Map.of("indicator", "language_training_share")).matches(cell)).isFalse();
    }

    @Test
    void cellTotalsRoundTripThroughJson() throws Exception {
        List<CellTotal> totals = List.of(
                new CellTotal(new IndicatorCell(Indicator.byId("long_stay_share"), Period.parse("2025-07"),
                        "sector:LOGISTICS"), 6, 10),
                new CellTotal(new IndicatorCell(Indicator.byId("language_training_share"), Period.parse("2025"),
                        "all"), 0, 0));

        assertThat(CellTotalsJson.read(CellTotalsJson.write(totals))).isEqualTo(totals);
    }
}
