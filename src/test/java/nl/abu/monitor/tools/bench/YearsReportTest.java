package nl.abu.monitor.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YearsReportTest {

    private static YearsReport.Year year(int year, long stateBytes) {
        return new YearsReport.Year(year, new Backfill.Result(30_000, 1.5),
                new ThroughputPhase.Result(30_000, 10, 6, 900, 7, 2), stateBytes, stateBytes / 2);
    }

    @Test
    void reportsTheStateOfEveryYearInOrder() {
        // given three years whose state grew from 10 MiB to 14 MiB after the first
        BenchOptions options = new BenchOptions(1, 1, 1, 3, 1, 1, List.of(), Map.of(), false, 3, 0.02, "nl.abu.monitor.cli.Main");
        List<YearsReport.Year> years = List.of(year(2023, 4L << 20), year(2024, 10L << 20), year(2025, 14L << 20));

        // when they are reported
        YearsReport report = new YearsReport(options, new Machine(2, "cpu", 1, "java", "1 1 1"), "2 2 2", 90, 0.02,
                years);

        // then the JSON lists them per year, and the table judges the last against the second
        assertThat(report.json()).containsEntry("years", 3).containsEntry("scale", 0.02)
                .containsEntry("events", 90_000L)
                .containsEntry("calendar_years", List.of(2023, 2024, 2025))
                .containsEntry("state_bytes_by_year", List.of(4L << 20, 10L << 20, 14L << 20))
                .containsEntry("state_live_bytes_by_year", List.of(2L << 20, 5L << 20, 7L << 20))
                .containsEntry("pipeline_events_per_s_by_year", List.of(5_000L, 5_000L, 5_000L));
        assertThat(report.table()).containsPattern("2025 +30,000 +5,000 events/s \\(6\\.0 s\\) +14 MiB")
                .contains("state of the last year / the second: 1.40 (target <= 1.5: met); live state: 1.40");
    }
}
