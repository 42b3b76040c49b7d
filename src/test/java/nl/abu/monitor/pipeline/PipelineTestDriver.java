package nl.abu.monitor.pipeline;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import nl.abu.monitor.TestRecords;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.contract.SourceTopic;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.IndicatorAlert;
import nl.abu.monitor.events.IndicatorTarget;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.families.Families;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.ingest.FeedbackTopics;
import nl.abu.monitor.ingest.IngestCounters;
import nl.abu.monitor.output.targets.Target;
import nl.abu.monitor.output.targets.TargetRecords;
import nl.abu.monitor.output.targets.Targets;
import nl.abu.monitor.serde.AvroSerdeConfig;
import nl.abu.monitor.serde.PipelineSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/** The whole pipeline in a TopologyTestDriver, with an in-memory schema registry, for given/when/then tests. */
public final class PipelineTestDriver implements AutoCloseable {
    /** A second member with a feedback topic. */
    public static final String OTHER_MEMBER = "M0002";
    private final TopologyTestDriver driver;
    private final PipelineSerdes serdes;
    private final Map<String, IndicatorValue> indicators = new HashMap<>();
    private final TestOutputTopic<String, IndicatorValue> indicatorTopic;
    private final TestOutputTopic<byte[], byte[]> rejectedTopic;
    private final TestOutputTopic<String, IndicatorAlert> alertTopic;
    private final TestInputTopic<String, IndicatorTarget> targetTopic;
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final AtomicReference<LocalDate> today;

    /** A pipeline whose as-of date is {@code asOf} until {@link #moveTo} moves it. */
    public PipelineTestDriver(LocalDate asOf) {
        this(asOf, Families.ALL);
    }

    /** As {@link #PipelineTestDriver(LocalDate)}, with these families alone. */
    public PipelineTestDriver(LocalDate asOf, List<Family<?>> families) {
        this.today = new AtomicReference<>(asOf);
        Map<String, Object> serdeConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + UUID.randomUUID());
        IngestCounters counters = new IngestCounters(meters);
        PipelineSettings settings = PipelineSettings.defaults(today::get, serdeConfig, counters);
        Properties props = StreamsProperties.of("test:9092", serdeConfig, counters);
        props.put(FeedbackTopics.CONFIG_KEY, FeedbackTopics.of(Set.of(Topics.memberRejected(TestRecords.MEMBER),
                Topics.memberRejected(OTHER_MEMBER))));
        // Each driver its own state directory, so that two can run side by side.
        props.put(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG,
                System.getProperty("java.io.tmpdir") + "/pipeline-test-" + UUID.randomUUID());
        this.driver = new TopologyTestDriver(PipelineTopology.build(settings, families), props);
        this.serdes = new PipelineSerdes(serdeConfig);
        this.indicatorTopic = driver.createOutputTopic(Topics.INDICATORS, new StringDeserializer(),
                serdes.of(IndicatorValue.class).deserializer());
        this.rejectedTopic = driver.createOutputTopic(Topics.REJECTED, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.alertTopic = driver.createOutputTopic(Topics.INDICATOR_ALERTS, new StringDeserializer(),
                serdes.of(IndicatorAlert.class).deserializer());
        this.targetTopic = driver.createInputTopic(Topics.INDICATOR_TARGETS, new StringSerializer(),
                serdes.of(IndicatorTarget.class).serializer());
        // As a new deployment does, the targets topic starts with the targets file's defaults.
        Targets.contractDefaults().all().forEach(this::setTarget);
        tick();
    }

    /** Sets a target on the targets topic, as an operator does at run time; the pipeline notices within its check. */
    public void setTarget(Target target) {
        targetTopic.pipeInput(target.indicator().id(), TargetRecords.toRecord(target, Instant.now()));
    }

    /** Lets the pipeline's periodic check run (date and target changes). */
    public void tick() {
        driver.advanceWallClockTime(PipelineSettings.DEFAULT_DATE_CHECK_INTERVAL);
    }

    public List<IndicatorAlert> alerts() {
        return alertTopic.readValuesToList();
    }

    /** Moves the as-of date, as the calendar does in live mode, and lets the pipeline notice. */
    public void moveTo(LocalDate date) {
        today.set(date);
        driver.advanceWallClockTime(PipelineSettings.DEFAULT_DATE_CHECK_INTERVAL);
    }

    /** Sends a version of an entity, keyed as the contract says, stamped with its recordedAt. */
    public <V extends SpecificRecord> void send(String topic, V value) {
        send(topic, EntityKeys.of(value), value, ((Instant) value.get(value.getSchema().getField("recordedAt").pos())));
    }

    @SuppressWarnings("unchecked")
    public <V extends SpecificRecord> void send(String topic, String key, V value, Instant timestamp) {
        Serde<V> serde = (Serde<V>) serdes.of(SourceTopic.of(topic).orElseThrow().input().recordType());
        driver.createInputTopic(topic, new StringSerializer(), serde.serializer())
                .pipeInput(new TestRecord<>(key, value, timestamp));
    }

    @SuppressWarnings("unchecked")
    public <V extends SpecificRecord> byte[] serialize(String topic, V value) {
        return ((Serde<V>) serdes.of(SourceTopic.of(topic).orElseThrow().input().recordType())).serializer()
                .serialize(topic, value);
    }

    /** Retracts an entity at the given time. */
    public void retract(String topic, String key, Instant at) {
        send(topic, key, null, at);
    }

    public void sendRaw(String topic, String key, byte[] value) {
        TestInputTopic<String, byte[]> input = driver.createInputTopic(topic, new StringSerializer(),
                new ByteArraySerializer());
        input.pipeInput(key, value);
    }

    /** The latest value of an indicator cell {@code indicator|period|scope}, or null if never published. */
    public IndicatorValue indicator(String cellKey) {
        indicatorTopic.readKeyValuesToList().forEach(kv -> indicators.put(kv.key, kv.value));
        return indicators.get(cellKey);
    }

    /** Every cell's latest published value, without the withdrawn ones: what the compacted output topic holds. */
    public List<IndicatorValue> publishedValues() {
        indicatorTopic.readKeyValuesToList().forEach(kv -> indicators.put(kv.key, kv.value));
        return indicators.values().stream().filter(Objects::nonNull).toList();
    }

    /** A state store of the pipeline, to look at what it holds. */
    public <V> KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    public List<TestRecord<byte[], byte[]>> rejected() {
        return rejectedTopic.readRecordsToList();
    }

    /** The records on a member's feedback topic; {@link TestRecords#MEMBER} and {@link #OTHER_MEMBER} have one. */
    public List<TestRecord<byte[], byte[]>> feedbackOf(String memberId) {
        return driver.createOutputTopic(Topics.memberRejected(memberId), new ByteArrayDeserializer(),
                new ByteArrayDeserializer()).readRecordsToList();
    }

    public static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        driver.close();
    }
}
