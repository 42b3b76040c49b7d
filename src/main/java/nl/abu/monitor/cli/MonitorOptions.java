package nl.abu.monitor.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import nl.abu.monitor.period.AsOfDate;

/**
 * What a running instance needs to know, whichever command started it.
 * @param httpAdvertisedHost the host other instances reach this one's HTTP server on ({@link AdvertisedHost})
 */
record MonitorOptions(String bootstrapServers, Map<String, Object> serdeConfig, String applicationId, Path stateDir,
        String httpHost, int httpPort, String httpAdvertisedHost, AsOfDate asOf, int openYears, int minimumCellSize,
        Optional<Integer> partitions, Optional<Short> replicationFactor, Map<String, Object> kafkaOverrides) {
}
