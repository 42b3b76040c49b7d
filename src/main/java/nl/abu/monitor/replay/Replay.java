package nl.abu.monitor.replay;

import io.micrometer.core.instrument.Counter;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import nl.abu.monitor.Topics;
import nl.abu.monitor.embedded.EmbeddedPlatform;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.indicator.IndicatorValues;
import nl.abu.monitor.ingest.IngestCounters;
import nl.abu.monitor.jsonl.JsonLine;
import nl.abu.monitor.jsonl.JsonLinesFolder;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.pipeline.CatchUp;
import nl.abu.monitor.pipeline.PipelineApp;
import nl.abu.monitor.pipeline.PipelineSettings;
import nl.abu.monitor.pipeline.PipelineTopology;
import nl.abu.monitor.pipeline.StreamsProperties;
import nl.abu.monitor.pipeline.TopicSetup;
import nl.abu.monitor.publish.PublishSummary;
import nl.abu.monitor.publish.Publisher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Replays a folder of JSON-lines input through the real pipeline on an embedded broker and registry, for a fixed
 * as-of date, and returns the indicators once every input record is processed. Records are published as they are,
 * without the publisher's validation, so the pipeline itself judges them as it would live.
 */
public final class Replay {
    static final String APPLICATION_ID = "migration-monitor-replay";
    private static final Duration MAX_PROCESSING_TIME = Duration.ofMinutes(30);

    private final Path input;
    private final LocalDate asOf;
    private final int partitions;
    private final PrintStream progress;

    public Replay(Path input, LocalDate asOf, int partitions, PrintStream progress) {
        this.input = input;
        this.asOf = asOf;
        this.partitions = partitions;
        this.progress = progress;
    }

    public List<IndicatorValue> run() throws IOException, InterruptedException {
        JsonLinesFolder folder = JsonLinesFolder.open(input);
        Path stateDir = Files.createTempDirectory("migration-monitor-replay-state");
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(0, 0);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        platform.bootstrapServers()))) {
            Map<String, Object> serdeConfig = Map.of("schema.registry.url", platform.registryUrl());
            new TopicSetup(Optional.of(partitions), Optional.of((short) 1)).createMissing(admin);
            PublishSummary published = publish(folder, platform.bootstrapServers(), serdeConfig);

            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            IngestCounters counters = new IngestCounters(meters);
            PipelineSettings settings = PipelineSettings.defaults(AsOfDate.fixed(asOf), serdeConfig, counters);
            Properties props = StreamsProperties.of(platform.bootstrapServers(), serdeConfig, counters);
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            try (PipelineApp pipeline = new PipelineApp(PipelineTopology.build(settings), props, meters)) {
                pipeline.start();
                AtomicLong shown = new AtomicLong(-1);
                new CatchUp(admin, APPLICATION_ID, Topics.INPUTS).await(MAX_PROCESSING_TIME, processed -> {
                    if (shown.getAndSet(processed) != processed) {
                        progress.printf("processed %d of %d records%n", processed, published.published());
                    }
                }, () -> isAlive(pipeline.state()));
            }
            double rejected = meters.find("abu_records_rejected").counters().stream().mapToDouble(Counter::count).sum();
            progress.printf("done: %d records published, %d lines skipped, %.0f records rejected by the pipeline%n",
                    published.published(), published.badLines(), rejected);
            return IndicatorReport.complete(
                    IndicatorTopicReader.latest(platform.bootstrapServers(), serdeConfig).values(),
                    new ReportingCalendar(asOf, settings.openYears()),
                    new IndicatorValues(settings.targets(), settings.minimumCellSize()));
        } finally {
            try (Stream<Path> files = Files.walk(stateDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private PublishSummary publish(JsonLinesFolder folder, String bootstrapServers, Map<String, Object> serdeConfig)
            throws IOException {
        try (Publisher publisher = new Publisher(bootstrapServers, serdeConfig, Map.of());
                Stream<JsonLine> lines = folder.lines()) {
            PublishSummary summary = publisher.publish(lines, Optional.empty(), progress::println,
                    s -> progress.printf("published %d records%n", s.published()));
            progress.printf("published %d records, skipped %d lines%n", summary.published(), summary.badLines());
            return summary;
        }
    }

    private static boolean isAlive(KafkaStreams.State state) {
        return state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR
                && state != KafkaStreams.State.NOT_RUNNING;
    }
}
