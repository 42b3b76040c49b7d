package nl.abu.monitor.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    private static final BenchOptions OPTIONS = new BenchOptions(100_000, 2_000, 10, 3, 1, 1, List.of("-Xmx1g"),
            Map.of(), true, 1, null, "nl.abu.monitor.cli.Main");
    private static final Machine MACHINE = new Machine(2, "cpu", 1L << 34, "java", "1.0 1.0 1.0");
    private static final ThroughputPhase.Result PIPELINE = new ThroughputPhase.Result(100_000, 12, 20, 1_600, 21, 8);
    private static final LatencyPhase.Result LATENCY = new LatencyPhase.Result(20_000, 2_000,
            new Latencies.Summary(9_000, 500, 900, 1_100), new Latencies.Summary(20, 1_000, 2_500, 2_500), 20, 20);

    private static BenchReport report(FloorPhase.Result floor) {
        return new BenchReport(OPTIONS, MACHINE, "2.0 2.0 2.0", 80, 0.06, new Backfill.Result(100_000, 3),
                new RawConsumerPhase.Result(100_000, 0, 1),
                floor, PIPELINE, LATENCY, new BenchReport.Resources(200L << 20, 10, 50, 450L << 20, 1L << 20));
    }

    @Test
    void judgesThePipelineAgainstTheFloorWithTheCacheOff() {
        // given a pipeline at 5,000 events/s and floors at 16,000 (cache off) and 25,000 (default cache)
        FloorPhase.Result floor = new FloorPhase.Result(new ThroughputPhase.Result(100_000, 4, 6.25, 100_000, 7, 3),
                new ThroughputPhase.Result(100_000, 3, 4, 1_000, 5, 2));

        // when it is reported
        BenchReport report = report(floor);

        // then the ratios are pipeline / floor, and only the one to the floor with the cache off has a target
        assertThat(report.json()).containsEntry("floor_events_per_s", 16_000L).containsEntry("ratio_to_floor", 0.313)
                .containsEntry("floor_cached_events_per_s", 25_000L).containsEntry("ratio_to_cached_floor", 0.2)
                .containsEntry("floor_seconds", 6.25).containsEntry("floor_cpu_seconds", 7.0);
        assertThat(report.table()).containsPattern("ratio pipeline / floor +0\\.313 +>= 0\\.25 +met")
                .containsPattern("ratio pipeline / cached floor +0\\.200\n")
                .containsPattern("pipeline throughput +5,000 events/s\n")
                .containsPattern("ratio pipeline / raw +0\\.050\n")
                .containsPattern("latency to topic .* p99 <= 1,000 ms +met")
                .containsPattern("latency to /metrics .* p99 <= 2,000 ms +MISSED");
    }

    @Test
    void leavesTheFloorFiguresNullWithoutTheFloor() {
        // given a run with --no-floor, when it is reported
        BenchReport report = report(null);

        // then the floor's keys are there, null, and the table says why
        for (String key : List.of("floor_events_per_s", "ratio_to_floor", "floor_cached_events_per_s",
                "ratio_to_cached_floor", "floor_seconds", "floor_cached_seconds", "floor_cpu_seconds",
                "floor_cached_cpu_seconds")) {
            assertThat(report.json()).as(key).containsKey(key);
            assertThat(report.json().get(key)).as(key).isNull();
        }
        assertThat(report.table()).contains("skipped (--no-floor)").containsPattern("ratio pipeline / floor +no floor");
    }
}
