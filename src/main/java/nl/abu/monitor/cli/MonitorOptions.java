package nl.abu.monitor.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.pipeline.PipelineSettings;

/**
 * What a running instance needs to know, whichever command started it.
 * @param httpAdvertisedHost the host other instances reach this one's HTTP server on ({@link AdvertisedHost})
 * @param dateCheckInterval how often the pipeline checks whether the as-of date or the targets have changed
 *     ({@link PipelineSettings#dateCheckInterval()}); the commands use the default, tests may shorten it
 */
record MonitorOptions(String bootstrapServers, Map<String, Object> serdeConfig, String applicationId, Path stateDir,
        String httpHost, int httpPort, String httpAdvertisedHost, AsOfDate asOf, int openYears, int minimumCellSize,
        Optional<Integer> partitions, Optional<Short> replicationFactor, Map<String, Object> kafkaOverrides,
        Duration dateCheckInterval) {

    /** With the default date check interval, {@link PipelineSettings#DEFAULT_DATE_CHECK_INTERVAL}. */
    MonitorOptions(String bootstrapServers, Map<String, Object> serdeConfig, String applicationId, Path stateDir,
            String httpHost, int httpPort, String httpAdvertisedHost, AsOfDate asOf, int openYears,
            int minimumCellSize, Optional<Integer> partitions, Optional<Short> replicationFactor,
            Map<String, Object> kafkaOverrides) {
        this(bootstrapServers, serdeConfig, applicationId, stateDir, httpHost, httpPort, httpAdvertisedHost, asOf,
                openYears, minimumCellSize, partitions, replicationFactor, kafkaOverrides,
                PipelineSettings.DEFAULT_DATE_CHECK_INTERVAL);
    }
}
