package nl.abu.monitor.tools.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the bench's reports share: how figures are rounded and shown, and the keys that describe the run. */
final class ReportFormat {
    private static final long MIB = 1L << 20;

    private ReportFormat() {
    }

    /** The keys after the figures: settings, machine and time. */
    static Map<String, Object> runKeys(BenchOptions options, Machine machine, String loadAverageEnd,
            double elapsedSeconds) {
        Map<String, Object> json = new LinkedHashMap<>();
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

    static String footer(BenchOptions options, Machine machine, String loadAverageEnd) {
        return fmt("exactly_once_v2, %d partitions, %d stream thread(s); %d CPUs (%s); load %s -> %s%n",
                options.partitions(), options.streamThreads(), machine.cpus(), machine.cpuModel(),
                machine.loadAverage(), loadAverageEnd);
    }

    /** Columns padded to their widest cell. */
    static String render(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        rows.forEach(r -> {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i < columns - 1 ? String.format(Locale.ROOT, "%-" + widths[i] + "s  ", r[i]) : r[i]);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    static String mib(long bytes) {
        return bytes < 0 ? "unknown" : fmt("%,d MiB", bytes / MIB);
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static long round(double v) {
        return Math.round(v);
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
