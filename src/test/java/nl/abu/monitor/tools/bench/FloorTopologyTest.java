package nl.abu.monitor.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import nl.abu.monitor.TestRecords;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.contract.InputTopic;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.serde.AvroSerdeConfig;
import nl.abu.monitor.serde.AvroSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FloorTopologyTest {
    private static final String OUTPUT = "bench.floor-counts";
    private static final Instant T1 = Instant.parse("2025-03-01T10:00:00Z");

    private final Map<String, Object> serdeConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
            "mock://" + UUID.randomUUID());
    private TopologyTestDriver driver;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private TestOutputTopic<String, Long> start(Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "floor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // Record cache off: every update of a count is written, as in the bench's floor_events_per_s.
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        driver = new TopologyTestDriver(FloorTopology.build(OUTPUT, serdeConfig), props);
        return driver.createOutputTopic(OUTPUT, new StringDeserializer(), new LongDeserializer());
    }

    private void send(String topic, SpecificRecord value) {
        send(topic, EntityKeys.of(value), value);
    }

    @SuppressWarnings("unchecked")
    private void send(String topic, String key, SpecificRecord value) {
        Serializer<SpecificRecord> serializer = (Serializer<SpecificRecord>) AvroSerdes
                .valueSerde(InputTopic.of(topic).recordType(), serdeConfig).serializer();
        driver.createInputTopic(topic, new StringSerializer(), serializer).pipeInput(new TestRecord<>(key, value, T1));
    }

    @Test
    void countsEveryVersionOfEveryInputPerMember(@TempDir Path stateDir) {
        // given the floor with its record cache off
        TestOutputTopic<String, Long> counts = start(stateDir);

        // when two members send records to four input topics, and one of them retracts a stay
        send(Topics.MEMBERS, TestRecords.member().build());
        send(Topics.WORKER_STAYS, TestRecords.stay().build());
        send(Topics.BRP_REGISTRATIONS, TestRecords.registration().setMemberId("M0002").build());
        send(Topics.WORKER_STAYS, "M0001/S-88213", null);
        send(Topics.PKS_HOUSING_RATINGS, TestRecords.housing().setMemberId("M0002").build());

        // then every record, the tombstone included, updates its member's count, keyed by the member alone
        assertThat(counts.readKeyValuesToList()).containsExactly(KeyValue.pair("M0001", 1L),
                KeyValue.pair("M0001", 2L), KeyValue.pair("M0002", 1L), KeyValue.pair("M0001", 3L),
                KeyValue.pair("M0002", 2L));
        assertThat(driver.<String, Long>getTimestampedKeyValueStore(FloorTopology.COUNT_STORE).get("M0001").value())
                .isEqualTo(3L);
    }

    @Test
    void goesThroughOneRepartitionTopicWithEveryNodeNamed() {
        // given the floor, when it is described
        TopologyDescription description = FloorTopology.build(OUTPUT, serdeConfig).describe();

        // then it reads the six inputs, writes one repartition topic and the output, and names every node
        List<String> nodes = new ArrayList<>();
        List<String> sinkTopics = new ArrayList<>();
        List<String> sourceTopics = new ArrayList<>();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                nodes.add(node.name());
                if (node instanceof TopologyDescription.Sink sink) {
                    sinkTopics.add(sink.topic());
                } else if (node instanceof TopologyDescription.Source source) {
                    sourceTopics.addAll(source.topicSet());
                }
            }
        }
        assertThat(description.subtopologies()).hasSize(2);
        assertThat(sinkTopics).containsExactlyInAnyOrder(FloorTopology.REPARTITION + "-repartition", OUTPUT);
        assertThat(sourceTopics).containsAll(Topics.INPUTS).contains(FloorTopology.REPARTITION + "-repartition");
        assertThat(nodes).noneMatch(n -> n.matches("(?i).*(KSTREAM|KTABLE)-.*\\d{10}.*"));
    }
}
