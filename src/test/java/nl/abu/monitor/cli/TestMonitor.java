package nl.abu.monitor.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import nl.abu.monitor.output.IndicatorValues;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.tools.embedded.EmbeddedPlatform;

/**
 * One {@link RunningMonitor} on an {@link EmbeddedPlatform}, for tests outside this package (RunningMonitor and
 * MonitorOptions are package-private): a fixed as-of date, a free HTTP port on 127.0.0.1, two partitions.
 */
public final class TestMonitor implements AutoCloseable {
    private final RunningMonitor monitor;

    private TestMonitor(RunningMonitor monitor) {
        this.monitor = monitor;
    }

    /**
     * @param dateCheckInterval how often the pipeline re-reads the as-of date and the targets (the default is a
     *     minute; a test that changes targets shortens it)
     */
    public static TestMonitor start(EmbeddedPlatform platform, String applicationId, Path stateDir, LocalDate asOf,
            Duration dateCheckInterval) throws IOException, InterruptedException {
        MonitorOptions options = new MonitorOptions(platform.bootstrapServers(),
                Map.of("schema.registry.url", platform.registryUrl()), applicationId, stateDir, "127.0.0.1", 0,
                "127.0.0.1", AsOfDate.fixed(asOf), ReportingCalendar.DEFAULT_OPEN_YEARS,
                IndicatorValues.DEFAULT_MINIMUM_CELL_SIZE, Optional.of(2), Optional.of((short) 1), Map.of(),
                dateCheckInterval);
        return new TestMonitor(new RunningMonitor(options));
    }

    /** {@code http://127.0.0.1:<port>}: /metrics, /api/indicators, /health/ready. */
    public URI baseUrl() {
        return monitor.http().baseUrl();
    }

    public boolean isRunning() {
        return monitor.pipeline().isRunning();
    }

    @Override
    public void close() {
        monitor.close();
    }
}
