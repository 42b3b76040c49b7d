package nl.abu.monitor.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import nl.abu.monitor.cli.Main;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A short `bench` run end to end: the JSON has every figure, each plausible. Its figures are not judged. */
class BenchCommandIT {

    @Test
    void writesEveryFigureOfASmallRun(@TempDir Path dir) throws Exception {
        // given a small run: 20,000 events, then 8 s of live load at 500 records/s
        Path json = dir.resolve("bench.json");

        // when it runs
        int exit = new CommandLine(new Main()).execute("bench", "--events", "20000", "--rate", "500",
                "--live-seconds", "8", "--partitions", "2", "--json", json.toString());

        // then it succeeds and reports every figure
        assertThat(exit).isZero();
        JsonNode figures = new ObjectMapper().readTree(json.toFile());
        for (String key : List.of("events", "pipeline_events_per_s", "raw_events_per_s", "ratio", "latency_p50_ms",
                "latency_p99_ms", "heap_peak_bytes", "rss_peak_bytes", "state_bytes", "floor_events_per_s",
                "ratio_to_floor", "floor_cached_events_per_s", "ratio_to_cached_floor", "floor_seconds",
                "floor_cached_seconds", "floor_cpu_seconds", "floor_cached_cpu_seconds")) {
            assertThat(figures.has(key)).as(key).isTrue();
        }
        assertThat(figures.get("events").asLong()).isEqualTo(20_000);
        double pipeline = figures.get("pipeline_events_per_s").asDouble();
        double raw = figures.get("raw_events_per_s").asDouble();
        assertThat(pipeline).isPositive();
        assertThat(raw).isPositive();
        assertThat(figures.get("ratio").asDouble()).isCloseTo(pipeline / raw, Offset.offset(0.01));
        // the floors: the one with the record cache off writes one count per input record
        double floor = figures.get("floor_events_per_s").asDouble();
        double cachedFloor = figures.get("floor_cached_events_per_s").asDouble();
        assertThat(floor).isPositive();
        assertThat(cachedFloor).isPositive();
        assertThat(figures.get("ratio_to_floor").asDouble()).isCloseTo(pipeline / floor, Offset.offset(0.01));
        assertThat(figures.get("ratio_to_cached_floor").asDouble()).isCloseTo(pipeline / cachedFloor,
                Offset.offset(0.01));
        assertThat(figures.get("floor_output_records").asLong()).isEqualTo(20_000);
        assertThat(figures.get("floor_cached_output_records").asLong()).isPositive().isLessThanOrEqualTo(20_000);
        for (String key : List.of("floor_seconds", "floor_cached_seconds", "floor_cpu_seconds",
                "floor_cached_cpu_seconds")) {
            assertThat(figures.get(key).asDouble()).as(key).isPositive();
        }
        // latencies to the output topic and to /metrics: samples taken, and ordered
        assertThat(figures.get("latency_samples").asLong()).isPositive();
        assertThat(figures.get("latency_p50_ms").asLong()).isNotNegative()
                .isLessThanOrEqualTo(figures.get("latency_p99_ms").asLong());
        assertThat(figures.get("latency_p99_ms").asLong()).isLessThanOrEqualTo(figures.get("latency_max_ms").asLong());
        assertThat(figures.get("metrics_probes_seen").asLong()).isPositive()
                .isEqualTo(figures.get("metrics_probes_sent").asLong());
        assertThat(figures.get("latency_metrics_p50_ms").asLong()).isNotNegative()
                .isLessThanOrEqualTo(figures.get("latency_metrics_p99_ms").asLong());
        assertThat(figures.get("latency_metrics_p99_ms").asLong())
                .isLessThanOrEqualTo(figures.get("latency_metrics_max_ms").asLong());
        // resources of the pipeline process: a heap below its -Xmx, an RSS above its heap, some state on disk
        assertThat(figures.get("heap_peak_bytes").asLong()).isPositive().isLessThanOrEqualTo(1L << 30);
        assertThat(figures.get("rss_peak_bytes").asLong()).isGreaterThan(figures.get("heap_peak_bytes").asLong());
        assertThat(figures.get("state_bytes").asLong()).isPositive();
        assertThat(figures.get("live_records").asLong()).isPositive();
    }

    @Test
    void reportsTheStateOfOnePipelineAfterEachYear(@TempDir Path dir) throws Exception {
        // given two simulated years at a small scale
        Path json = dir.resolve("years.json");

        // when it runs
        int exit = new CommandLine(new Main()).execute("bench", "--years", "2", "--scale", "0.005", "--partitions",
                "2", "--json", json.toString());

        // then it succeeds and reports every year in order: the records sent in it, and the state after it
        assertThat(exit).isZero();
        JsonNode figures = new ObjectMapper().readTree(json.toFile());
        assertThat(figures.get("years").asInt()).isEqualTo(2);
        assertThat(figures.get("scale").asDouble()).isEqualTo(0.005);
        assertThat(figures.get("calendar_years")).extracting(JsonNode::asInt).containsExactly(2024, 2025);
        assertThat(figures.get("events_by_year")).hasSize(2).allSatisfy(n -> assertThat(n.asLong()).isPositive());
        assertThat(figures.get("events").asLong()).isEqualTo(
                figures.get("events_by_year").get(0).asLong() + figures.get("events_by_year").get(1).asLong());
        assertThat(figures.get("state_bytes_by_year")).hasSize(2)
                .allSatisfy(n -> assertThat(n.asLong()).isPositive());
        assertThat(figures.get("pipeline_events_per_s_by_year")).hasSize(2)
                .allSatisfy(n -> assertThat(n.asDouble()).isPositive());
        // the phases of a single year are left out
        assertThat(figures.has("floor_events_per_s")).isFalse();
        assertThat(figures.has("latency_p99_ms")).isFalse();
    }
}
