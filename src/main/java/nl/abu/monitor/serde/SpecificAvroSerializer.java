package nl.abu.monitor.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a specific record in schema registry wire format, registering (or, with
 * {@code auto.register.schemas=false}, looking up) its schema under the topic's subject.
 * Thread-safe.
 */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsByTopic = new ConcurrentHashMap<>();
    private final ThreadLocal<BinaryEncoder> encoders = new ThreadLocal<>();
    private SchemaRegistryClient registry;
    private boolean autoRegister = true;
    private boolean isKey;

    /** For Kafka's reflective instantiation; {@link #configure} must follow. */
    public SpecificAvroSerializer() {
    }

    SpecificAvroSerializer(SchemaRegistryClient registry, boolean autoRegister, boolean isKey) {
        this.registry = registry;
        this.autoRegister = autoRegister;
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> config, boolean isKey) {
        configure(AvroSerdeConfig.client(config), config, isKey);
    }

    void configure(SchemaRegistryClient registry, Map<String, ?> config, boolean isKey) {
        this.registry = registry;
        this.autoRegister = AvroSerdeConfig.autoRegister(config);
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("SpecificAvroSerializer used before configure()");
        }
        Schema schema = record.getSchema();
        int id = schemaId(topic, schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        WireFormat.writeHeader(id, out);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, encoders.get());
        encoders.set(encoder);
        try {
            writers.computeIfAbsent(schema, SpecificDatumWriter::new).write(record, encoder);
            encoder.flush();
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            // The message names the field at fault, never its value.
            throw new SerializationException("Cannot write a " + schema.getFullName() + " to topic " + topic
                    + ": " + e.getClass().getSimpleName(), e);
        }
        return out.toByteArray();
    }

    private int schemaId(String topic, Schema schema) {
        Map<Schema, Integer> ids = idsByTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        Integer id = ids.get(schema);
        if (id == null) {
            String subject = SchemaRegistryClient.subjectFor(topic, isKey);
            id = autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema);
            ids.put(schema, id);
        }
        return id;
    }
}
