package nl.abu.monitor.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import nl.abu.monitor.events.WorkerStay;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerdesTest {

    private final String scope = "seam-test-" + UUID.randomUUID();

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistryClient.dropScope(scope);
    }

    /** Stands in for Confluent's SpecificAvroSerde: a Serde class with a no-arg constructor. */
    public static class RecordingSerde implements Serde<Object> {
        Map<String, ?> configuredWith;
        Boolean configuredAsKey;

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
            configuredWith = configs;
            configuredAsKey = isKey;
        }

        @Override
        public Serializer<Object> serializer() {
            return (topic, data) -> null;
        }

        @Override
        public Deserializer<Object> deserializer() {
            return (topic, data) -> null;
        }
    }

    @Test
    void givesOurSerdeByDefault() {
        // given
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);

        // when
        Serde<WorkerStay> serde = AvroSerdes.valueSerde(WorkerStay.class, config);

        // then: a configured serde that reads only WorkerStay
        assertThat(serde).isInstanceOf(SpecificAvroSerde.class);
        byte[] bytes = serde.serializer().serialize("t", SampleRecords.workerStay());
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(SampleRecords.workerStay());
        assertThat(((SpecificAvroDeserializer<?>) serde.deserializer()).type()).isEqualTo(WorkerStay.class);
    }

    @Test
    void givesTheConfiguredSerdeClassConfiguredWithTheSameMap() {
        // given
        Map<String, Object> config = Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry.invalid:8081",
                AvroSerdes.VALUE_SERDE_CLASS, RecordingSerde.class.getName());

        // when
        Serde<WorkerStay> serde = AvroSerdes.valueSerde(WorkerStay.class, config);

        // then
        assertThat(serde).isInstanceOfSatisfying(RecordingSerde.class, recording -> {
            assertThat(recording.configuredWith).isEqualTo(config);
            assertThat(recording.configuredAsKey).isFalse();
        });
    }

    @Test
    void refusesAClassThatIsNotASerde() {
        // given
        Map<String, Object> config = Map.of(AvroSerdes.VALUE_SERDE_CLASS, String.class.getName());

        // when / then
        assertThatThrownBy(() -> AvroSerdes.valueSerde(WorkerStay.class, config))
                .isInstanceOf(ConfigException.class).hasMessageContaining(AvroSerdes.VALUE_SERDE_CLASS);
    }

    @Test
    void refusesAClassThatIsNotOnTheClasspath() {
        // given
        Map<String, Object> config = Map.of(AvroSerdes.VALUE_SERDE_CLASS,
                "io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde");

        // when / then
        assertThatThrownBy(() -> AvroSerdes.valueSerde(WorkerStay.class, config))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not found");
    }
}
