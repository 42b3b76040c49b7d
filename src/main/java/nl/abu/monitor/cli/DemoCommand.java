package nl.abu.monitor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.abu.monitor.output.IndicatorValues;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.pipeline.StreamsProperties;
import nl.abu.monitor.tools.embedded.EmbeddedPlatform;
import nl.abu.monitor.tools.publish.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "demo", description = "Runs everything on this machine: an embedded Kafka broker and schema "
        + "registry, the pipeline, and a simulator publishing realistic member events. Ctrl-C stops it all.")
final class DemoCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

    @Option(names = "--kafka-port", defaultValue = "0", description = "Broker port; 0 = a free port.")
    int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "0", description = "Schema registry port; 0 = a free port.")
    int registryPort;

    @Option(names = "--http-port", defaultValue = "0", description = "Metrics and API port; 0 = a free port.")
    int httpPort;

    @Option(names = "--no-simulator", description = "Publish nothing; members' systems or `publish` feed it.")
    boolean noSimulator;

    @Option(names = "--scale", defaultValue = "0.01", description = "Share of a national year to simulate "
            + "(1.0 = about 460,000 migrants).")
    double scale;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulation.")
    long seed;

    @Option(names = "--history-minutes", defaultValue = "3",
            description = "Minutes in which the simulator publishes the history since the start of last year.")
    int historyMinutes;

    @Override
    public Integer call() throws Exception {
        ShutdownSignal shutdown = new ShutdownSignal();
        Path stateDir = Files.createTempDirectory("migration-monitor-demo-state");
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(kafkaPort, registryPort)
                .closedByOwnerOnShutdown(Duration.ofSeconds(30))) {
            Map<String, Object> serdeConfig = new HashMap<>(Map.of("schema.registry.url", platform.registryUrl()));
            MonitorOptions options = new MonitorOptions(platform.bootstrapServers(), serdeConfig,
                    StreamsProperties.DEFAULT_APPLICATION_ID, stateDir, "127.0.0.1", httpPort, "127.0.0.1",
                    AsOfDate.today(Clock.systemUTC()), ReportingCalendar.DEFAULT_OPEN_YEARS,
                    IndicatorValues.DEFAULT_MINIMUM_CELL_SIZE, Optional.of(3), Optional.of((short) 1), Map.of());
            StopSteps stopping = new StopSteps();
            try (RunningMonitor monitor = new RunningMonitor(options)) {
                try (DemoSimulation simulation = noSimulator ? null : new DemoSimulation(
                        new Publisher(platform.bootstrapServers(), serdeConfig, Map.of()), seed, scale,
                        Duration.ofMinutes(historyMinutes))) {
                    Addresses.print(platform.bootstrapServers(), platform.registryUrl(), monitor.http());
                    shutdown.awaitRequest();
                    stopping.begin("Stopping the demo: simulator, pipeline, schema registry, broker");
                }
                stopping.done("simulator");
            }
            // The pipeline first, while the broker and registry it talks to still run (they are in sessions of their
            // own, so a terminal's Ctrl-C has not reached them); then the registry, whose schemas live in the broker.
            stopping.done("pipeline");
            if (!platform.registry().isRunning() || !platform.kafka().isRunning()) {
                LOG.warn("The schema registry or the Kafka broker exited before the pipeline had closed");
            }
            platform.registry().close();
            stopping.done("schema registry");
            platform.kafka().close();
            stopping.done("Kafka broker");
            stopping.end("demo");
        } finally {
            Files.walk(stateDir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            shutdown.closed();
        }
        return 0;
    }
}
