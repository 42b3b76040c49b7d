package nl.abu.monitor.pipeline;

import java.time.Duration;
import java.util.Map;
import nl.abu.monitor.ingest.IngestCounters;
import nl.abu.monitor.output.IndicatorValues;
import nl.abu.monitor.output.targets.Targets;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.ReportingCalendar;

/**
 * What the topology is built with: the as-of clock, the reporting rules and the serde configuration. The seed
 * targets fill the targets topic when it has never held anything; after that, the topic holds the targets in force.
 */
public record PipelineSettings(AsOfDate asOf, int openYears, int minimumCellSize, Targets seedTargets,
        Map<String, ?> serdeConfig, IngestCounters counters, Duration dateCheckInterval) {
    /** How often a running pipeline checks whether the as-of date has moved or a target has changed. */
    public static final Duration DEFAULT_DATE_CHECK_INTERVAL = Duration.ofSeconds(10);

    public static PipelineSettings defaults(AsOfDate asOf, Map<String, ?> serdeConfig, IngestCounters counters) {
        return new PipelineSettings(asOf, ReportingCalendar.DEFAULT_OPEN_YEARS,
                IndicatorValues.DEFAULT_MINIMUM_CELL_SIZE, Targets.contractDefaults(), serdeConfig, counters,
                DEFAULT_DATE_CHECK_INTERVAL);
    }
}
