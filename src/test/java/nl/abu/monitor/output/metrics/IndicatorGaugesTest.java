package nl.abu.monitor.output.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import nl.abu.monitor.events.IndicatorStatus;
import nl.abu.monitor.indicator.IndicatorCell;
import nl.abu.monitor.output.metrics.CellTotalsSource.CellTotal;
import nl.abu.monitor.output.targets.Targets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IndicatorGaugesTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicReference<LocalDate> today = new AtomicReference<>(LocalDate.of(2026, 11, 10));
    private final List<CellTotal> held = new ArrayList<>();
    private final AtomicBoolean rebalancing = new AtomicBoolean();
    private IndicatorGauges gauges;

    @BeforeEach
    void setUp() {
        CellTotalsSource source = () -> {
            if (rebalancing.get()) {
                throw new CellTotalsSource.Unavailable("rebalancing", null);
            }
            return List.copyOf(held);
        };
        gauges = new IndicatorGauges(registry, source, Targets::contractDefaults, 5, today::get);
    }

    @AfterEach
    void tearDown() {
        gauges.close();
    }

    @Test
    void exportsTheCellsOfTheCurrentMonthQuarterAndYear() {
        // given cells of the current month, quarter and year, and of past periods
        hold("language_training_share|2026-11|all", 40, 100);
        hold("language_training_share|2026-Q4|all", 70, 200);
        hold("language_training_share|2026|all", 300, 1000);
        hold("language_training_share|2026-10|all", 1, 2);
        hold("language_training_share|2026-Q3|all", 1, 2);
        hold("language_training_share|2025|all", 1, 2);

        // when refreshed
        assertThat(gauges.refresh()).isTrue();

        // then only the current periods are exported, with their kind
        assertThat(periods(IndicatorGauges.VALUE)).containsExactlyInAnyOrder("2026-11/month", "2026-Q4/quarter",
                "2026/year");
        assertThat(value(IndicatorGauges.VALUE, "language_training_share", "2026-11", "all")).isEqualTo(0.4);
        assertThat(value(IndicatorGauges.NUMERATOR, "language_training_share", "2026-11", "all")).isEqualTo(40);
        assertThat(value(IndicatorGauges.DENOMINATOR, "language_training_share", "2026-11", "all")).isEqualTo(100);
        assertThat(value(IndicatorGauges.VALUE, "language_training_share", "2026-Q4", "all")).isEqualTo(0.35);
        assertThat(value(IndicatorGauges.VALUE, "language_training_share", "2026", "all")).isEqualTo(0.3);
        // and the ratio target applies to every kind: expected = target
        assertThat(value(IndicatorGauges.TARGET, "language_training_share", "2026-11", "all")).isEqualTo(0.35);
        assertThat(value(IndicatorGauges.EXPECTED, "language_training_share", "2026-11", "all")).isEqualTo(0.35);
        // and 0.4 >= 0.35 on track; 0.35 >= 0.35 on track; 0.30 >= 0.35 - 0.05 at risk
        assertThat(status("language_training_share", "2026-11", "all")).isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(status("language_training_share", "2026-Q4", "all")).isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(status("language_training_share", "2026", "all")).isEqualTo(IndicatorStatus.AT_RISK);
    }

    @Test
    void aSuppressedCellHasAStatusAndATargetButNoValue() {
        // given a sector cell of 3 workers (minimum cell size 5) and one of 5
        hold("language_training_share|2026-11|sector:LOGISTICS", 1, 3);
        hold("language_training_share|2026-11|sector:HORTICULTURE", 1, 5);

        gauges.refresh();

        // then the small one has no value, numerator or denominator, and SUPPRESSED status
        for (String name : List.of(IndicatorGauges.VALUE, IndicatorGauges.NUMERATOR, IndicatorGauges.DENOMINATOR)) {
            assertThat(find(name, "language_training_share", "2026-11", "sector:LOGISTICS")).as(name).isNull();
        }
        assertThat(status("language_training_share", "2026-11", "sector:LOGISTICS"))
                .isEqualTo(IndicatorStatus.SUPPRESSED);
        assertThat(value(IndicatorGauges.TARGET, "language_training_share", "2026-11", "sector:LOGISTICS"))
                .isEqualTo(0.35);
        // and the one of 5 is reported: 1/5 = 0.2 < 0.30, off track
        assertThat(value(IndicatorGauges.VALUE, "language_training_share", "2026-11", "sector:HORTICULTURE"))
                .isEqualTo(0.2);
        assertThat(status("language_training_share", "2026-11", "sector:HORTICULTURE"))
                .isEqualTo(IndicatorStatus.OFF_TRACK);
    }

    @Test
    void targetAndExpectedOnlyWhereATargetApplies() {
        // given long_stay_share (no target), eures_fec_members (a yearly target of 35) and an empty housing cell
        hold("long_stay_share|2026-11|all", 3, 10);
        hold("eures_fec_members|2026|all", 20, 0);
        hold("eures_fec_members|2026-11|all", 2, 0);
        hold("housing_certified_share|2026-11|all", 0, 0);

        gauges.refresh();

        // then long_stay_share: a value, no target, NO_TARGET
        assertThat(value(IndicatorGauges.VALUE, "long_stay_share", "2026-11", "all")).isEqualTo(0.3);
        assertThat(find(IndicatorGauges.TARGET, "long_stay_share", "2026-11", "all")).isNull();
        assertThat(find(IndicatorGauges.EXPECTED, "long_stay_share", "2026-11", "all")).isNull();
        assertThat(status("long_stay_share", "2026-11", "all")).isEqualTo(IndicatorStatus.NO_TARGET);
        // and the count: value = numerator = 20, no denominator; expected pro rata 35 * 314 / 365 (2026-01-01 to
        // 2026-11-10 is 314 days) = 30.11; 20 < 30.11 * 0.9 = 27.1, off track
        assertThat(value(IndicatorGauges.VALUE, "eures_fec_members", "2026", "all")).isEqualTo(20);
        assertThat(value(IndicatorGauges.NUMERATOR, "eures_fec_members", "2026", "all")).isEqualTo(20);
        assertThat(find(IndicatorGauges.DENOMINATOR, "eures_fec_members", "2026", "all")).isNull();
        assertThat(value(IndicatorGauges.TARGET, "eures_fec_members", "2026", "all")).isEqualTo(35);
        assertThat(value(IndicatorGauges.EXPECTED, "eures_fec_members", "2026", "all"))
                .isEqualTo(35.0 * 314 / 365);
        assertThat(status("eures_fec_members", "2026", "all")).isEqualTo(IndicatorStatus.OFF_TRACK);
        // and the yearly target does not apply to the month
        assertThat(find(IndicatorGauges.TARGET, "eures_fec_members", "2026-11", "all")).isNull();
        assertThat(find(IndicatorGauges.EXPECTED, "eures_fec_members", "2026-11", "all")).isNull();
        assertThat(status("eures_fec_members", "2026-11", "all")).isEqualTo(IndicatorStatus.NO_TARGET);
        // and the empty ratio: no value, NO_DATA, but its target
        assertThat(find(IndicatorGauges.VALUE, "housing_certified_share", "2026-11", "all")).isNull();
        assertThat(value(IndicatorGauges.TARGET, "housing_certified_share", "2026-11", "all")).isEqualTo(1.0);
        assertThat(status("housing_certified_share", "2026-11", "all")).isEqualTo(IndicatorStatus.NO_DATA);
    }

    @Test
    void theStatusIsOneHotOverTheSixStatuses() {
        hold("language_training_share|2026-11|all", 40, 100);
        hold("language_training_share|2026-11|sector:LOGISTICS", 1, 3);
        hold("long_stay_share|2026|sector:OTHER", 3, 10);
        hold("housing_certified_share|2026-Q4|all", 0, 0);

        gauges.refresh();

        Map<String, Map<String, Double>> byCell = new TreeMap<>();
        for (Meter meter : registry.find(IndicatorGauges.STATUS).meters()) {
            String cell = meter.getId().getTag("indicator") + "|" + meter.getId().getTag("period") + "|"
                    + meter.getId().getTag("scope");
            byCell.computeIfAbsent(cell, c -> new TreeMap<>()).put(meter.getId().getTag("status"),
                    ((Gauge) meter).value());
        }
        assertThat(byCell).hasSize(4);
        Set<String> statuses = new TreeSet<>(List.of("ON_TRACK", "AT_RISK", "OFF_TRACK", "NO_TARGET", "NO_DATA",
                "SUPPRESSED"));
        byCell.forEach((cell, values) -> {
            assertThat(values.keySet()).as(cell).isEqualTo(statuses);
            assertThat(values.values()).as(cell).containsOnly(0.0, 1.0);
            assertThat(values.values().stream().mapToDouble(Double::doubleValue).sum()).as(cell).isEqualTo(1.0);
        });
        assertThat(byCell.get("language_training_share|2026-11|all").get("ON_TRACK")).isEqualTo(1.0);
        assertThat(byCell.get("language_training_share|2026-11|sector:LOGISTICS").get("SUPPRESSED")).isEqualTo(1.0);
        assertThat(byCell.get("long_stay_share|2026|sector:OTHER").get("NO_TARGET")).isEqualTo(1.0);
        assertThat(byCell.get("housing_certified_share|2026-Q4|all").get("NO_DATA")).isEqualTo(1.0);
    }

    @Test
    void theRowsOfAPastMonthVanishWhenTheDateMovesOn() {
        // given November's, the quarter's and the year's cells exported on 2026-11-30
        today.set(LocalDate.of(2026, 11, 30));
        hold("language_training_share|2026-11|all", 40, 100);
        hold("language_training_share|2026-Q4|all", 70, 200);
        hold("language_training_share|2026|all", 300, 1000);
        hold("language_training_share|2026-12|all", 0, 0);
        gauges.refresh();
        assertThat(periods(IndicatorGauges.STATUS)).containsExactlyInAnyOrder("2026-11/month", "2026-Q4/quarter",
                "2026/year");

        // when the as-of date moves to 2026-12-01
        today.set(LocalDate.of(2026, 12, 1));
        gauges.refresh();

        // then November's series are gone from every gauge, December's are there
        for (String name : List.of(IndicatorGauges.VALUE, IndicatorGauges.NUMERATOR, IndicatorGauges.DENOMINATOR,
                IndicatorGauges.TARGET, IndicatorGauges.EXPECTED, IndicatorGauges.STATUS)) {
            assertThat(registry.find(name).tag("period", "2026-11").meters()).as(name).isEmpty();
        }
        assertThat(periods(IndicatorGauges.STATUS)).containsExactlyInAnyOrder("2026-12/month", "2026-Q4/quarter",
                "2026/year");
        assertThat(status("language_training_share", "2026-12", "all")).isEqualTo(IndicatorStatus.NO_DATA);
    }

    @Test
    void aCellNoLongerHeldVanishesButAnUnreadableSourceKeepsTheLastRows() {
        hold("language_training_share|2026-11|all", 40, 100);
        hold("long_stay_share|2026-11|all", 3, 10);
        gauges.refresh();

        // when the stores cannot be read (a rebalance)
        rebalancing.set(true);
        held.clear();
        assertThat(gauges.refresh()).isFalse();

        // then the last rows stay
        assertThat(value(IndicatorGauges.VALUE, "language_training_share", "2026-11", "all")).isEqualTo(0.4);
        assertThat(value(IndicatorGauges.VALUE, "long_stay_share", "2026-11", "all")).isEqualTo(0.3);

        // when readable again, with one cell moved to another instance and the other changed
        rebalancing.set(false);
        hold("language_training_share|2026-11|all", 50, 100);
        assertThat(gauges.refresh()).isTrue();

        // then the moved cell has no series here any more, the other has its new value
        assertThat(registry.find(IndicatorGauges.STATUS).tag("indicator", "long_stay_share").meters()).isEmpty();
        assertThat(registry.find(IndicatorGauges.VALUE).tag("indicator", "long_stay_share").meters()).isEmpty();
        assertThat(value(IndicatorGauges.VALUE, "language_training_share", "2026-11", "all")).isEqualTo(0.5);
    }

    @Test
    void closingRemovesEverySeries() {
        hold("language_training_share|2026-11|all", 40, 100);
        gauges.refresh();
        assertThat(registry.getMeters()).isNotEmpty();

        gauges.close();

        assertThat(registry.getMeters()).isEmpty();
        assertThat(gauges.refresh()).isFalse();
    }

    private void hold(String key, long numerator, long denominator) {
        held.add(new CellTotal(IndicatorCell.parse(key), numerator, denominator));
    }

    private Gauge find(String name, String indicator, String period, String scope) {
        return registry.find(name).tags("indicator", indicator, "period", period, "scope", scope).gauge();
    }

    private double value(String name, String indicator, String period, String scope) {
        Gauge gauge = find(name, indicator, period, scope);
        assertThat(gauge).as("%s{%s,%s,%s}", name, indicator, period, scope).isNotNull();
        return gauge.value();
    }

    private IndicatorStatus status(String indicator, String period, String scope) {
        List<String> on = registry.find(IndicatorGauges.STATUS)
                .tags("indicator", indicator, "period", period, "scope", scope).gauges().stream()
                .filter(g -> g.value() == 1.0).map(g -> g.getId().getTag("status")).toList();
        assertThat(on).as("statuses at 1 of %s|%s|%s", indicator, period, scope).hasSize(1);
        return IndicatorStatus.valueOf(on.get(0));
    }

    private Set<String> periods(String name) {
        return registry.find(name).meters().stream()
                .map(m -> m.getId().getTag("period") + "/" + m.getId().getTag("period_kind"))
                .collect(Collectors.toSet());
    }
}
