package nl.abu.monitor.pipeline;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.ingest.IngestCounters;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.serde.AvroSerdes;
import nl.abu.monitor.tools.embedded.EmbeddedPlatform;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;

/** The pipeline running in this JVM against a real broker and registry, for integration tests. */
public final class RunningPipeline implements AutoCloseable {
    private final EmbeddedPlatform platform;
    private final Path stateDir;
    private final PipelineApp app;
    private final Map<String, Object> serdeConfig;
    private final Map<String, IndicatorValue> indicators = new HashMap<>();
    private KafkaConsumer<String, IndicatorValue> indicatorConsumer;
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final String applicationId = "pipeline-it-" + UUID.randomUUID();
    private final PipelineSettings settings;

    public RunningPipeline(EmbeddedPlatform platform, LocalDate asOf) throws IOException, InterruptedException {
        this.platform = platform;
        this.serdeConfig = Map.of("schema.registry.url", platform.registryUrl());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()))) {
            new TopicSetup(Optional.of(2), Optional.of((short) 1)).createMissing(admin);
        }
        nl.abu.monitor.output.targets.TargetsSeeder.seedIfEmpty(platform.bootstrapServers(), Map.of(), serdeConfig,
                nl.abu.monitor.output.targets.Targets.contractDefaults());
        this.stateDir = Files.createTempDirectory("pipeline-it-state");
        IngestCounters counters = new IngestCounters(meters);
        Properties props = StreamsProperties.of(platform.bootstrapServers(), serdeConfig, counters);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        settings = PipelineSettings.defaults(AsOfDate.fixed(asOf), serdeConfig, counters);
        app = new PipelineApp(PipelineTopology.build(settings), props, meters);
        app.start();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(app::isRunning);
    }

    public Map<String, Object> serdeConfig() {
        return serdeConfig;
    }

    public PipelineSettings settings() {
        return settings;
    }

    public org.apache.kafka.streams.KafkaStreams.State state() {
        return app.state();
    }

    /** Waits until the running pipeline has processed every input record sent so far; fails if it stops. */
    public void awaitCaughtUp(Duration timeout) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.bootstrapServers()))) {
            new CatchUp(admin, applicationId, Topics.INPUTS).await(timeout, processed -> { }, () -> {
                var state = app.state();
                return state.isRunningOrRebalancing() || state == org.apache.kafka.streams.KafkaStreams.State.CREATED;
            });
        }
    }

    /** Reads the indicator output seen so far; returns the latest value of a cell, or null. */
    public IndicatorValue indicator(String cellKey) {
        if (indicatorConsumer == null) {
            indicatorConsumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.GROUP_ID_CONFIG, "it-indicators-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), AvroSerdes.valueSerde(IndicatorValue.class, serdeConfig).deserializer());
            indicatorConsumer.subscribe(List.of(Topics.INDICATORS));
        }
        indicatorConsumer.poll(Duration.ofMillis(500)).forEach(r -> indicators.put(r.key(), r.value()));
        return indicators.get(cellKey);
    }

    /** Every record on the dead-letter topic so far. */
    public List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.GROUP_ID_CONFIG, "it-dead-letters-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.REJECTED));
            List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
            for (int emptyPolls = 0; emptyPolls < 2; ) {
                var batch = consumer.poll(Duration.ofMillis(1_000));
                batch.forEach(all::add);
                emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
            }
            return all;
        }
    }

    @Override
    public void close() throws IOException {
        if (indicatorConsumer != null) {
            indicatorConsumer.close();
        }
        app.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
