package nl.abu.monitor.tools.replay;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.ingest.IngestCounters;
import nl.abu.monitor.output.IndicatorValues;
import nl.abu.monitor.output.targets.TargetsSeeder;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.pipeline.CatchUp;
import nl.abu.monitor.pipeline.PipelineApp;
import nl.abu.monitor.pipeline.PipelineSettings;
import nl.abu.monitor.pipeline.PipelineTopology;
import nl.abu.monitor.pipeline.StreamsProperties;
import nl.abu.monitor.pipeline.TopicSetup;
import nl.abu.monitor.tools.embedded.EmbeddedPlatform;
import nl.abu.monitor.tools.jsonl.JsonLine;
import nl.abu.monitor.tools.publish.PublishSummary;
import nl.abu.monitor.tools.publish.Publisher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * An embedded broker and registry with the pipeline's topics, into which input is published, through which the
 * pipeline runs until it has processed everything, and from which the indicators are read. The pipeline can run
 * more than once on the same state, as an operator would stop and restart it.
 */
public final class ReplaySession implements AutoCloseable {
    public static final String APPLICATION_ID = "migration-monitor-replay";
    private static final Duration MAX_PROCESSING_TIME = Duration.ofMinutes(30);

    private final LocalDate asOf;
    private final PrintStream progress;
    private final EmbeddedPlatform platform;
    private final Admin admin;
    private final Path stateDir;
    private final Map<String, Object> serdeConfig;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final IngestCounters counters = new IngestCounters(meters);
    private final PipelineSettings settings;
    private long published;

    public ReplaySession(LocalDate asOf, int partitions, PrintStream progress) throws IOException, InterruptedException {
        this.asOf = asOf;
        this.progress = progress;
        this.stateDir = Files.createTempDirectory("migration-monitor-replay-state");
        this.platform = EmbeddedPlatform.start(0, 0);
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()));
        this.serdeConfig = Map.of("schema.registry.url", platform.registryUrl());
        this.settings = PipelineSettings.defaults(AsOfDate.fixed(asOf), serdeConfig, counters);
        new TopicSetup(Optional.of(partitions), Optional.of((short) 1)).createMissing(admin);
        TargetsSeeder.seedIfEmpty(platform.bootstrapServers(), Map.of(), serdeConfig, settings.seedTargets());
    }

    /** Publishes the lines as they are (the pipeline judges them); a line that is no record is reported. */
    public PublishSummary publish(Stream<JsonLine> lines) {
        try (Publisher publisher = new Publisher(platform.bootstrapServers(), serdeConfig, Map.of())) {
            PublishSummary summary = publisher.publish(lines, Optional.empty(), progress::println,
                    s -> progress.printf("published %d records%n", s.published()));
            progress.printf("published %d records, skipped %d lines%n", summary.published(), summary.badLines());
            published += summary.published();
            return summary;
        }
    }

    /** Runs the pipeline until it has processed everything published so far, then stops it. */
    public void runPipelineUntilCaughtUp() throws InterruptedException {
        try (PipelineApp pipeline = pipeline(stateDir, Map.of())) {
            pipeline.start();
            awaitCaughtUp(pipeline);
        }
        Map<String, Long> rejected = new TreeMap<>();
        meters.find("abu_records_rejected").counters().forEach(c ->
                rejected.merge(c.getId().getTag("reason"), (long) c.count(), Long::sum));
        progress.printf("caught up with %d records; rejected by the pipeline: %s%n", published, rejected);
    }

    /**
     * An instance of the session's pipeline (its application id, topology and settings), not yet started, on
     * {@code stateDir}, with {@code overrides} added to its streams configuration: for tests that run instances of
     * their own (several at once, with listeners).
     */
    public PipelineApp pipeline(Path stateDir, Map<String, ?> overrides) {
        Properties props = StreamsProperties.of(platform.bootstrapServers(), serdeConfig, counters);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.putAll(overrides);
        return new PipelineApp(PipelineTopology.build(settings), props, meters);
    }

    /** Waits until the application has processed everything published so far; fails when {@code pipeline} dies. */
    public void awaitCaughtUp(PipelineApp pipeline) throws InterruptedException {
        AtomicLong shown = new AtomicLong(-1);
        new CatchUp(admin, APPLICATION_ID, Topics.INPUTS).await(MAX_PROCESSING_TIME, processed -> {
            if (shown.getAndSet(processed) != processed) {
                progress.printf("processed %d of %d records%n", processed, published);
            }
        }, () -> isAlive(pipeline.state()));
    }

    /** The state dir of {@link #runPipelineUntilCaughtUp}. */
    public Path stateDir() {
        return stateDir;
    }

    /** Deletes everything in the local state dir, as when a host loses its disk; the changelogs stay. */
    public void deleteLocalState() throws IOException {
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(stateDir)).forEach(p -> p.toFile().delete());
        }
    }

    public String bootstrapServers() {
        return platform.bootstrapServers();
    }

    public String registryUrl() {
        return platform.registryUrl();
    }

    /** The indicators as contract section 6 lists them. */
    public List<IndicatorValue> indicators() {
        return IndicatorReport.complete(IndicatorTopicReader.latest(platform.bootstrapServers(), serdeConfig).values(),
                new ReportingCalendar(asOf, settings.openYears()),
                new IndicatorValues(settings.seedTargets(), settings.minimumCellSize()));
    }

    private static boolean isAlive(KafkaStreams.State state) {
        return state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR
                && state != KafkaStreams.State.NOT_RUNNING;
    }

    @Override
    public void close() throws IOException {
        admin.close();
        platform.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
