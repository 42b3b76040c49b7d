package nl.abu.monitor.reliability;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Stream;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.ingest.IngestCounters;
import nl.abu.monitor.oracle.AdversarialDataset;
import nl.abu.monitor.oracle.OracleComparison;
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
import nl.abu.monitor.tools.jsonl.JsonLinesFolder;
import nl.abu.monitor.tools.publish.PublishSummary;
import nl.abu.monitor.tools.publish.Publisher;
import nl.abu.monitor.tools.replay.IndicatorReport;
import nl.abu.monitor.tools.replay.IndicatorTopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The adversarial dataset and its oracle, an embedded platform with the pipeline's topics, and the pipeline in
 * this JVM: what the outage tests share. The pipeline's state changes are recorded, with their time.
 */
final class OutageHarness implements AutoCloseable {
    static final long SEED = 20251231L;
    static final String APPLICATION_ID = "reliability-it";

    /** A state change of the pipeline, {@code atMillis} after the pipeline was started. */
    record StateChange(long atMillis, KafkaStreams.State from, KafkaStreams.State to) {
        @Override
        public String toString() {
            return "+" + atMillis + "ms " + from + "->" + to;
        }
    }

    final Path input;
    final long datasetLines;
    final EmbeddedPlatform platform;
    final List<StateChange> states = new CopyOnWriteArrayList<>();
    private final Admin admin;
    private final Map<String, Object> serdeConfig;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final IngestCounters counters = new IngestCounters(meters);
    private final PipelineSettings settings;
    private final Path stateDir;
    private PipelineApp pipeline;
    private long pipelineStarted;

    OutageHarness(String name, Map<String, Object> extraSerdeConfig) throws IOException, InterruptedException {
        Path work = Path.of("target", "reliability-it", name).toAbsolutePath();
        deleteRecursively(work);
        input = work.resolve("input");
        datasetLines = AdversarialDataset.write(input, SEED);
        stateDir = Files.createDirectories(work.resolve("state"));
        platform = EmbeddedPlatform.start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()));
        Map<String, Object> serde = new HashMap<>(extraSerdeConfig);
        serde.put("schema.registry.url", platform.registryUrl());
        serdeConfig = Map.copyOf(serde);
        settings = PipelineSettings.defaults(AsOfDate.fixed(AdversarialDataset.AS_OF), serdeConfig, counters);
        new TopicSetup(Optional.of(2), Optional.of((short) 1)).createMissing(admin);
        TargetsSeeder.seedIfEmpty(platform.bootstrapServers(), Map.of(), serdeConfig, settings.seedTargets());
    }

    /** Publishes the dataset's lines of the topics that {@code topics} accepts; returns the records sent. */
    long publish(Predicate<String> topics) throws IOException {
        try (Publisher publisher = new Publisher(platform.bootstrapServers(), serdeConfig, Map.of());
                Stream<JsonLine> lines = JsonLinesFolder.open(input).lines()) {
            PublishSummary summary = publisher.publish(lines.filter(l -> topics.test(topicOf(l))), Optional.empty(),
                    line -> { }, s -> { });
            return summary.published();
        }
    }

    private static String topicOf(JsonLine line) {
        return line.fileName().substring(0, line.fileName().length() - JsonLinesFolder.EXTENSION.length());
    }

    /** Starts the pipeline with the project's Kafka Streams configuration (only the state dir and id differ). */
    void startPipeline() {
        Properties props = StreamsProperties.of(platform.bootstrapServers(), serdeConfig, counters);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        pipeline = new PipelineApp(PipelineTopology.build(settings), props, meters);
        pipelineStarted = System.nanoTime();
        pipeline.addStateListener((now, before) -> states.add(new StateChange(sincePipelineStart(), before, now)));
        pipeline.start();
    }

    long sincePipelineStart() {
        return (System.nanoTime() - pipelineStarted) / 1_000_000;
    }

    KafkaStreams.State pipelineState() {
        return pipeline.state();
    }

    /** Input records the pipeline has committed so far (sum of its committed offsets on the input topics). */
    long processedInputs() {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(APPLICATION_ID)
                    .partitionsToOffsetAndMetadata().get(5, java.util.concurrent.TimeUnit.SECONDS);
            return offsets.entrySet().stream().filter(e -> e.getValue() != null)
                    .filter(e -> Topics.INPUTS.contains(e.getKey().topic()))
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return -1;
        }
    }

    /** Waits until the pipeline has processed every input record; fails if it ends in ERROR or stops. */
    void awaitCaughtUp(Duration timeout) throws InterruptedException {
        new CatchUp(admin, APPLICATION_ID, Topics.INPUTS).await(timeout, processed -> { }, () -> {
            KafkaStreams.State s = pipeline.state();
            return s != KafkaStreams.State.ERROR && s != KafkaStreams.State.PENDING_ERROR
                    && s != KafkaStreams.State.NOT_RUNNING;
        });
    }

    /** The pipeline's output as {@code replay} completes it. */
    List<IndicatorValue> outputValues() {
        return IndicatorReport.complete(IndicatorTopicReader.latest(platform.bootstrapServers(), serdeConfig).values(),
                new ReportingCalendar(AdversarialDataset.AS_OF, settings.openYears()),
                new IndicatorValues(settings.seedTargets(), settings.minimumCellSize()));
    }

    /** The differences from the oracle, printed (first 30) when there are any. */
    List<String> differencesFromOracle() {
        return OracleComparison.differences(input, AdversarialDataset.AS_OF, outputValues());
    }

    @Override
    public void close() throws IOException {
        if (pipeline != null) {
            pipeline.close();
        }
        admin.close();
        platform.close();
        deleteRecursively(stateDir);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static List<String> statesAsText(List<StateChange> changes) {
        return new ArrayList<>(changes.stream().map(StateChange::toString).toList());
    }
}
