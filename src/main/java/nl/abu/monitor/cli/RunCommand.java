package nl.abu.monitor.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
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
        String applicationId = cfg.string(MonitorConfig.APPLICATION_ID);
        var serdeConfig = cfg.serdeConfig();
        serdeConfig.put(MonitorConfig.SCHEMA_REGISTRY_URL, cfg.required(MonitorConfig.SCHEMA_REGISTRY_URL));
        String httpHost = cfg.string(MonitorConfig.HTTP_HOST);
        MonitorOptions options = new MonitorOptions(cfg.required(MonitorConfig.BOOTSTRAP_SERVERS), serdeConfig,
                applicationId, Path.of(cfg.string(MonitorConfig.STATE_DIR)),
                httpHost, cfg.integer(MonitorConfig.HTTP_PORT).orElseThrow(),
                AdvertisedHost.of(cfg.optional(MonitorConfig.HTTP_ADVERTISED_HOST), httpHost),
                cfg.asOfDate(Clock.systemUTC()),
                cfg.integer(MonitorConfig.OPEN_YEARS).orElseThrow(),
                cfg.integer(MonitorConfig.MINIMUM_CELL_SIZE).orElseThrow(),
                cfg.integer(MonitorConfig.TOPIC_PARTITIONS),
                cfg.integer(MonitorConfig.TOPIC_REPLICATION_FACTOR).map(Integer::shortValue),
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
