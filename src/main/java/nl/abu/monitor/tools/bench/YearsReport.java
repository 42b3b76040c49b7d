package nl.abu.monitor.tools.bench;

import static nl.abu.monitor.tools.bench.ReportFormat.fmt;
import static nl.abu.monitor.tools.bench.ReportFormat.mib;
import static nl.abu.monitor.tools.bench.ReportFormat.round;
import static nl.abu.monitor.tools.bench.ReportFormat.round2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The figures of a run over several years ({@code --years}): per year, the records published, how fast one pipeline
 * worked them off, and its state on disk once it had.
 */
record YearsReport(BenchOptions options, Machine machine, String loadAverageEnd, double elapsedSeconds,
        double scale, List<Year> years) implements Report {

    /**
     * @param stateBytes the bytes under the pipeline's state directory after it caught up with the year and stopped
     * @param liveStateBytes the keys and values its stores then held, without what RocksDB keeps on disk until it
     *     compacts (overwritten values, deletion markers)
     */
    record Year(int year, Backfill.Result backfill, ThroughputPhase.Result throughput, long stateBytes,
            long liveStateBytes) {
    }

    /** Issue 11: state that stays bounded as years pass, once the first closed year has left the open ones. */
    static final double TARGET_STATE_GROWTH = 1.5;

    YearsReport {
        years = List.copyOf(years);
    }

    @Override
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("events", years.stream().mapToLong(y -> y.backfill().events()).sum());
        json.put("years", options.years());
        json.put("scale", scale);
        json.put("calendar_years", each(Year::year));
        json.put("state_bytes_by_year", each(Year::stateBytes));
        json.put("state_live_bytes_by_year", each(Year::liveStateBytes));
        json.put("events_by_year", each(y -> y.backfill().events()));
        json.put("pipeline_events_per_s_by_year", each(y -> round(y.throughput().eventsPerSecond())));
        json.put("pipeline_seconds_by_year", each(y -> round2(y.throughput().seconds())));
        json.put("pipeline_cpu_seconds_by_year", each(y -> round2(y.throughput().cpuSeconds())));
        json.put("output_records_by_year", each(y -> y.throughput().outputRecords()));
        json.put("publish_seconds_by_year", each(y -> round2(y.backfill().seconds())));
        json.putAll(ReportFormat.runKeys(options, machine, loadAverageEnd, elapsedSeconds));
        return json;
    }

    /** The last year's state over the second's. */
    double stateGrowth() {
        return (double) years.get(years.size() - 1).stateBytes() / years.get(1).stateBytes();
    }

    /** The last year's live state over the second's. */
    double liveStateGrowth() {
        return (double) years.get(years.size() - 1).liveStateBytes() / years.get(1).liveStateBytes();
    }

    private <T> List<T> each(Function<Year, T> figure) {
        return years.stream().map(figure).toList();
    }

    @Override
    public String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"year (as of 31 Dec)", "events", "pipeline", "state on disk", "live state"});
        for (Year y : years) {
            rows.add(new String[] {Integer.toString(y.year()), fmt("%,d", y.backfill().events()),
                fmt("%,.0f events/s (%,.1f s)", y.throughput().eventsPerSecond(), y.throughput().seconds()),
                mib(y.stateBytes()) + fmt(" (%,d bytes)", y.stateBytes()), mib(y.liveStateBytes())});
        }
        String growth = years.size() < 2 ? "" : fmt("state of the last year / the second: %.2f (target <= %.1f: %s);"
                + " live state: %.2f%n", stateGrowth(), TARGET_STATE_GROWTH,
                stateGrowth() <= TARGET_STATE_GROWTH ? "met" : "MISSED", liveStateGrowth());
        return ReportFormat.render(rows) + growth + fmt("one pipeline over %d years at scale %s; ", years.size(), scale)
                + ReportFormat.footer(options, machine, loadAverageEnd);
    }
}
