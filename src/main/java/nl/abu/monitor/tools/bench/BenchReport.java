package nl.abu.monitor.tools.bench;

import static nl.abu.monitor.tools.bench.ReportFormat.fmt;
import static nl.abu.monitor.tools.bench.ReportFormat.mib;
import static nl.abu.monitor.tools.bench.ReportFormat.round;
import static nl.abu.monitor.tools.bench.ReportFormat.round2;
import static nl.abu.monitor.tools.bench.ReportFormat.round3;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one bench run of one year: a summary table with the targets of issue 11, and JSON.
 *
 * @param floor null when the floor phase was skipped ({@code --no-floor})
 */
record BenchReport(BenchOptions options, Machine machine, String loadAverageEnd, double elapsedSeconds,
        double scale, Backfill.Result backfill, RawConsumerPhase.Result raw, FloorPhase.Result floor,
        ThroughputPhase.Result throughput, LatencyPhase.Result latency, Resources resources) implements Report {

    static final double TARGET_FLOOR_RATIO = 0.25;
    static final long TARGET_TOPIC_P99_MS = 1_000;
    static final long TARGET_METRICS_P99_MS = 2_000;
    static final long TARGET_HEAP_BYTES = 1L << 30;

    /** What the pipeline process used. */
    record Resources(long heapPeakBytes, long gcPauses, double gcPauseMillis, long rssPeakBytes, long stateBytes) {
    }

    double rawRatio() {
        return throughput.eventsPerSecond() / raw.perSecond();
    }

    /** Pipeline / floor with the record cache off: the ratio issue 11 sets a target for. */
    Double floorRatio() {
        return floor == null ? null : throughput.eventsPerSecond() / floor.cacheOff().eventsPerSecond();
    }

    Double cachedFloorRatio() {
        return floor == null ? null : throughput.eventsPerSecond() / floor.defaultCache().eventsPerSecond();
    }

    @Override
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("events", backfill.events());
        json.put("years", options.years());
        json.put("scale", scale);
        json.put("pipeline_events_per_s", round(throughput.eventsPerSecond()));
        json.put("floor_events_per_s", floor == null ? null : round(floor.cacheOff().eventsPerSecond()));
        json.put("ratio_to_floor", floor == null ? null : round3(floorRatio()));
        json.put("floor_cached_events_per_s", floor == null ? null : round(floor.defaultCache().eventsPerSecond()));
        json.put("ratio_to_cached_floor", floor == null ? null : round3(cachedFloorRatio()));
        json.put("raw_events_per_s", round(raw.perSecond()));
        json.put("ratio", round3(rawRatio()));
        json.put("latency_p50_ms", latency.output().p50Ms());
        json.put("latency_p99_ms", latency.output().p99Ms());
        json.put("latency_max_ms", latency.output().maxMs());
        json.put("latency_samples", latency.output().samples());
        json.put("latency_metrics_p50_ms", latency.metrics().p50Ms());
        json.put("latency_metrics_p99_ms", latency.metrics().p99Ms());
        json.put("latency_metrics_max_ms", latency.metrics().maxMs());
        json.put("metrics_probes_sent", latency.probesSent());
        json.put("metrics_probes_seen", latency.probesSeen());
        json.put("heap_peak_bytes", resources.heapPeakBytes());
        json.put("rss_peak_bytes", resources.rssPeakBytes());
        json.put("state_bytes", resources.stateBytes());
        json.put("gc_pauses", resources.gcPauses());
        json.put("gc_pause_ms", round(resources.gcPauseMillis()));
        json.put("pipeline_seconds", round2(throughput.seconds()));
        json.put("pipeline_startup_seconds", round2(throughput.startupSeconds()));
        json.put("pipeline_cpu_seconds", round2(throughput.cpuSeconds()));
        json.put("broker_cpu_seconds", round2(throughput.brokerCpuSeconds()));
        json.put("output_records", throughput.outputRecords());
        json.put("floor_seconds", floor == null ? null : round2(floor.cacheOff().seconds()));
        json.put("floor_cached_seconds", floor == null ? null : round2(floor.defaultCache().seconds()));
        json.put("floor_cpu_seconds", floor == null ? null : round2(floor.cacheOff().cpuSeconds()));
        json.put("floor_cached_cpu_seconds", floor == null ? null : round2(floor.defaultCache().cpuSeconds()));
        json.put("floor_output_records", floor == null ? null : floor.cacheOff().outputRecords());
        json.put("floor_cached_output_records", floor == null ? null : floor.defaultCache().outputRecords());
        json.put("raw_seconds", round2(raw.seconds()));
        json.put("raw_undecodable", raw.undecodable());
        json.put("publish_seconds", round2(backfill.seconds()));
        json.put("publish_events_per_s", round(backfill.eventsPerSecond()));
        json.put("live_rate_target", options.rate());
        json.put("live_rate", round(latency.loadRate()));
        json.put("live_records", latency.loadSent());
        json.put("live_seconds", options.liveSeconds());
        json.putAll(ReportFormat.runKeys(options, machine, loadAverageEnd, elapsedSeconds));
        return json;
    }

    @Override
    public String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"measure", "value", "target", ""});
        rows.add(figure("pipeline throughput", fmt("%,.0f events/s", throughput.eventsPerSecond())));
        rows.add(figure("pipeline time", fmt("%,.1f s for %,d events", throughput.seconds(), backfill.events())));
        if (floor == null) {
            rows.add(figure("floor (Kafka Streams' own)", "skipped (--no-floor)"));
            rows.add(new String[] {"ratio pipeline / floor", "no floor", fmt(">= %.2f", TARGET_FLOOR_RATIO), ""});
        } else {
            rows.add(figure("floor, record cache off", floorFigure(floor.cacheOff())));
            rows.add(figure("floor, default record cache", floorFigure(floor.defaultCache())));
            rows.add(judged("ratio pipeline / floor", fmt("%.3f", floorRatio()), fmt(">= %.2f", TARGET_FLOOR_RATIO),
                    floorRatio() >= TARGET_FLOOR_RATIO));
            rows.add(figure("ratio pipeline / cached floor", fmt("%.3f", cachedFloorRatio())));
        }
        rows.add(figure("raw consumer (read + decode)", fmt("%,.0f events/s", raw.perSecond())));
        rows.add(figure("ratio pipeline / raw", fmt("%.3f", rawRatio())));
        rows.add(judged("latency to topic p50 / p99 / max", latencies(latency.output()),
                fmt("p99 <= %,d ms", TARGET_TOPIC_P99_MS), met(latency.output(), TARGET_TOPIC_P99_MS)));
        rows.add(judged("latency to /metrics p50 / p99 / max", latencies(latency.metrics()),
                fmt("p99 <= %,d ms", TARGET_METRICS_P99_MS), met(latency.metrics(), TARGET_METRICS_P99_MS)));
        rows.add(judged("peak heap", mib(resources.heapPeakBytes()), "<= 1,024 MiB",
                resources.heapPeakBytes() <= TARGET_HEAP_BYTES));
        rows.add(figure("peak RSS", mib(resources.rssPeakBytes())));
        rows.add(figure("state on disk", mib(resources.stateBytes())));
        rows.add(figure("publish (generate + send)", fmt("%,.0f events/s", backfill.eventsPerSecond())));
        rows.add(figure("live load", fmt("%,d records at %,.0f/s", latency.loadSent(), latency.loadRate())));
        return ReportFormat.render(rows) + ReportFormat.footer(options, machine, loadAverageEnd);
    }

    private static String floorFigure(ThroughputPhase.Result floor) {
        return fmt("%,.0f events/s (%,.1f s)", floor.eventsPerSecond(), floor.seconds());
    }

    private static boolean met(Latencies.Summary s, long targetP99Ms) {
        return s.samples() > 0 && s.p99Ms() <= targetP99Ms;
    }

    private static String latencies(Latencies.Summary s) {
        return s.samples() == 0 ? "no samples"
                : fmt("%,d / %,d / %,d ms (%,d samples)", s.p50Ms(), s.p99Ms(), s.maxMs(), s.samples());
    }

    /** A figure shown without a target. */
    private static String[] figure(String measure, String value) {
        return new String[] {measure, value, "", ""};
    }

    private static String[] judged(String measure, String value, String target, boolean met) {
        return new String[] {measure, value, target, met ? "met" : "MISSED"};
    }
}
