package nl.abu.monitor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one bench run: a summary table with the targets of issue 6, and JSON. */
record BenchReport(BenchOptions options, Machine machine, String loadAverageEnd, double elapsedSeconds,
        double publishSeconds, RawConsumerPhase.Result raw, ThroughputPhase.Result throughput,
        LatencyPhase.Result latency, Resources resources) {

    static final double TARGET_EVENTS_PER_S = 25_000;
    static final double TARGET_RATIO = 0.25;
    static final long TARGET_P99_MS = 2_000;
    static final long TARGET_HEAP_BYTES = 1L << 30;
    private static final long MIB = 1L << 20;

    /** What the pipeline process used. */
    record Resources(long heapPeakBytes, long gcPauses, double gcPauseMillis, long rssPeakBytes, long stateBytes) {
    }

    double ratio() {
        return throughput.eventsPerSecond() / raw.perSecond();
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("events", options.events());
        json.put("pipeline_events_per_s", round(throughput.eventsPerSecond()));
        json.put("raw_events_per_s", round(raw.perSecond()));
        json.put("ratio", Math.round(ratio() * 1000) / 1000.0);
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
        json.put("pipeline_cpu_seconds", round2(throughput.pipelineCpuSeconds()));
        json.put("broker_cpu_seconds", round2(throughput.brokerCpuSeconds()));
        json.put("output_records", throughput.outputRecords());
        json.put("raw_seconds", round2(raw.seconds()));
        json.put("raw_undecodable", raw.undecodable());
        json.put("publish_seconds", round2(publishSeconds));
        json.put("publish_events_per_s", round(options.events() / publishSeconds));
        json.put("live_rate_target", options.rate());
        json.put("live_rate", round(latency.loadRate()));
        json.put("live_records", latency.loadSent());
        json.put("live_seconds", options.liveSeconds());
        json.put("partitions", options.partitions());
        json.put("stream_threads", options.streamThreads());
        json.put("processing_guarantee", "exactly_once_v2");
        json.put("pipeline_java_options", options.pipelineJavaOptions());
        json.put("streams_config", options.streamsConfig());
        json.put("elapsed_s", round2(elapsedSeconds));
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("cpus", machine.cpus());
        host.put("cpu_model", machine.cpuModel());
        host.put("memory_bytes", machine.memoryBytes());
        host.put("java", machine.java());
        host.put("load_average_start", machine.loadAverage());
        host.put("load_average_end", loadAverageEnd);
        json.put("machine", host);
        json.put("finished_at", Instant.now().toString());
        return json;
    }

    void writeJson(Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json());
    }

    String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"measure", "value", "target", ""});
        rows.add(row("pipeline throughput", fmt("%,.0f events/s", throughput.eventsPerSecond()),
                fmt(">= %,.0f events/s", TARGET_EVENTS_PER_S), throughput.eventsPerSecond() >= TARGET_EVENTS_PER_S));
        rows.add(new String[] {"pipeline time", fmt("%,.1f s for %,d events", throughput.seconds(), options.events()),
            "", ""});
        rows.add(new String[] {"raw consumer (read + decode)", fmt("%,.0f events/s", raw.perSecond()), "", ""});
        rows.add(row("ratio pipeline / raw", fmt("%.3f", ratio()), fmt(">= %.2f", TARGET_RATIO), ratio() >= TARGET_RATIO));
        rows.add(row("latency to topic p50 / p99 / max", latencies(latency.output()),
                fmt("p99 <= %,d ms", TARGET_P99_MS), met(latency.output())));
        rows.add(row("latency to /metrics p50 / p99 / max", latencies(latency.metrics()),
                fmt("p99 <= %,d ms", TARGET_P99_MS), met(latency.metrics())));
        rows.add(row("peak heap", mib(resources.heapPeakBytes()), "<= 1,024 MiB",
                resources.heapPeakBytes() <= TARGET_HEAP_BYTES));
        rows.add(new String[] {"peak RSS", mib(resources.rssPeakBytes()), "", ""});
        rows.add(new String[] {"state on disk", mib(resources.stateBytes()), "", ""});
        rows.add(new String[] {"publish (generate + send)", fmt("%,.0f events/s", options.events() / publishSeconds),
            "", ""});
        rows.add(new String[] {"live load", fmt("%,d records at %,.0f/s", latency.loadSent(), latency.loadRate()), "",
            ""});
        return render(rows) + fmt("exactly_once_v2, %d partitions, %d stream thread(s); %d CPUs (%s); load %s -> %s%n",
                options.partitions(), options.streamThreads(), machine.cpus(), machine.cpuModel(),
                machine.loadAverage(), loadAverageEnd);
    }

    private static boolean met(Latencies.Summary s) {
        return s.samples() > 0 && s.p99Ms() <= TARGET_P99_MS;
    }

    private static String latencies(Latencies.Summary s) {
        return s.samples() == 0 ? "no samples"
                : fmt("%,d / %,d / %,d ms (%,d samples)", s.p50Ms(), s.p99Ms(), s.maxMs(), s.samples());
    }

    private static String[] row(String measure, String value, String target, boolean met) {
        return new String[] {measure, value, target, met ? "met" : "MISSED"};
    }

    private static String render(List<String[]> rows) {
        int[] widths = new int[4];
        rows.forEach(r -> {
            for (int i = 0; i < 4; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            out.append(fmt("%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s", r[0], r[1], r[2],
                    r[3]).stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "unknown" : fmt("%,d MiB", bytes / MIB);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static long round(double v) {
        return Math.round(v);
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
