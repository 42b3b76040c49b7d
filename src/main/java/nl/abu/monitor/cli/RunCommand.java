package nl.abu.monitor.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.abu.monitor.indicator.IndicatorValues;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.pipeline.StreamsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "run", description = "Runs the pipeline against a configured Kafka cluster and schema registry "
        + "until Ctrl-C or SIGTERM. Configuration: --config FILE and MONITOR_* environment variables (see README).")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    /** How often a running instance checks that its pipeline is still alive. */
    private static final Duration LIVENESS_CHECK = Duration.ofSeconds(1);

    @Option(names = "--config", description = "A properties file; environment variables override it.")
    Path config;

    @Override
    public Integer call() throws Exception {
        MonitorConfig cfg = MonitorConfig.load(Optional.ofNullable(config), System.getenv());
        String applicationId = cfg.optional(MonitorConfig.APPLICATION_ID).orElse(StreamsProperties.DEFAULT_APPLICATION_ID);
        var serdeConfig = cfg.serdeConfig();
        serdeConfig.put(MonitorConfig.SCHEMA_REGISTRY_URL, cfg.required(MonitorConfig.SCHEMA_REGISTRY_URL));
        String httpHost = cfg.optional(MonitorConfig.HTTP_HOST).orElse("0.0.0.0");
        MonitorOptions options = new MonitorOptions(cfg.required(MonitorConfig.BOOTSTRAP_SERVERS), serdeConfig,
                applicationId,
                Path.of(cfg.optional(MonitorConfig.STATE_DIR).orElse("/var/lib/migration-monitor")),
                httpHost, cfg.intValue(MonitorConfig.HTTP_PORT, 8080),
                AdvertisedHost.of(cfg.optional(MonitorConfig.HTTP_ADVERTISED_HOST), httpHost),
                cfg.asOfDate(Clock.systemUTC()),
                cfg.intValue(MonitorConfig.OPEN_YEARS, ReportingCalendar.DEFAULT_OPEN_YEARS),
                cfg.intValue(MonitorConfig.MINIMUM_CELL_SIZE, IndicatorValues.DEFAULT_MINIMUM_CELL_SIZE),
                cfg.optional(MonitorConfig.TOPIC_PARTITIONS).map(Integer::valueOf),
                cfg.optional(MonitorConfig.TOPIC_REPLICATION_FACTOR).map(Short::valueOf),
                cfg.kafkaClientOverrides());
        ShutdownSignal shutdown = new ShutdownSignal();
        Optional<String> failure;
        try (RunningMonitor monitor = new RunningMonitor(options)) {
            Addresses.print(options.bootstrapServers(), serdeConfig.get(MonitorConfig.SCHEMA_REGISTRY_URL).toString(),
                    monitor.http());
            failure = shutdown.awaitRequestOrFailure(monitor.pipeline()::failure, LIVENESS_CHECK);
            failure.ifPresent(why -> LOG.error("The pipeline has failed ({}); run stops with exit code 1, so that it "
                    + "can be restarted", why));
        } finally {
            shutdown.closed();
        }
        return failure.isPresent() ? 1 : 0;
    }
}
