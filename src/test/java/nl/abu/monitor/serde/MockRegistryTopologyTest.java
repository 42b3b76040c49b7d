package nl.abu.monitor.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.WorkerStay;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TopologyTestDriver tests need no registry: serdes that name the same mock:// scope share one. */
class MockRegistryTopologyTest {

    private static final String OUTPUT = "serde-test.departed-stays";

    private final String scope = "topology-test-" + UUID.randomUUID();
    private final Map<String, Object> serdeConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistryClient.dropScope(scope);
    }

    @Test
    void aTopologyWithTheDefaultValueSerdeReadsAndWritesThroughTheMockRegistry() {
        // given: our serde as Kafka Streams' default value serde, instantiated reflectively by Streams
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, WorkerStay>stream(Topics.WORKER_STAYS)
                .filter((key, stay) -> stay != null && stay.getDepartureDate() != null)
                .to(OUTPUT);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "serde-topology-test");
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, SpecificAvroSerde.class);
        props.putAll(serdeConfig);
        Serde<WorkerStay> testSerde = AvroSerdes.valueSerde(WorkerStay.class, serdeConfig);

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, WorkerStay> input = driver.createInputTopic(
                    Topics.WORKER_STAYS, Serdes.String().serializer(), testSerde.serializer());
            TestOutputTopic<String, WorkerStay> output = driver.createOutputTopic(
                    OUTPUT, Serdes.String().deserializer(), testSerde.deserializer());

            // when
            WorkerStay departed = SampleRecords.workerStay();
            WorkerStay stillHere = WorkerStay.newBuilder(departed).setStayId("S-43").setDepartureDate(null).build();
            input.pipeInput("M-1001/S-42", departed);
            input.pipeInput("M-1001/S-43", stillHere);
            input.pipeInput("M-1001/S-44", null);

            // then
            assertThat(output.readValuesToList()).containsExactly(departed);
        }
    }
}
