package nl.abu.monitor.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A drop-in twin of Confluent's {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde}:
 * same constructor, same config keys ({@link AvroSerdeConfig}), same bytes on the wire.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final SpecificAvroSerializer<T> serializer = new SpecificAvroSerializer<>();
    private final SpecificAvroDeserializer<T> deserializer;

    /** Reads whichever generated class matches the writer's schema, as Confluent's serde does. */
    public SpecificAvroSerde() {
        this.deserializer = new SpecificAvroDeserializer<>();
    }

    /** Reads only {@code type}; records of another type fail with {@link WrongSchemaException}. */
    public SpecificAvroSerde(Class<T> type) {
        this.deserializer = new SpecificAvroDeserializer<>(type);
    }

    @Override
    public void configure(Map<String, ?> config, boolean isKey) {
        // One client for both halves, so they share its caches.
        SchemaRegistryClient registry = AvroSerdeConfig.client(config);
        serializer.configure(registry, config, isKey);
        deserializer.configure(registry);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
