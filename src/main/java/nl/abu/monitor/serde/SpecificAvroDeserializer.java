package nl.abu.monitor.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads schema registry wire format into a specific record, resolving the writer's schema (from the
 * registry, by the id in the record) to the reader's (the record class's), so older and newer
 * writers are read as Avro's schema resolution allows. Thread-safe.
 *
 * <p>Failures are {@link AvroSerdeException}s with a {@link AvroSerdeException.Reason}; an
 * unreachable registry is retried, and is never reported as a bad record.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final Class<T> type;
    private final Schema expectedSchema;
    private final Map<Integer, DatumReader<T>> readersById = new ConcurrentHashMap<>();
    private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();
    private SchemaRegistryClient registry;

    /** Reads whichever generated class matches the writer schema's full name; {@link #configure} must follow. */
    public SpecificAvroDeserializer() {
        this((Class<T>) null);
    }

    /** Reads only records of {@code type}, refusing other record types with {@link WrongSchemaException}. */
    public SpecificAvroDeserializer(Class<T> type) {
        this.type = type;
        this.expectedSchema = type == null ? null : SpecificData.get().getSchema(type);
    }

    SpecificAvroDeserializer(Class<T> type, SchemaRegistryClient registry) {
        this(type);
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> config, boolean isKey) {
        configure(AvroSerdeConfig.client(config));
    }

    void configure(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public T deserialize(String topic, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("SpecificAvroDeserializer used before configure()");
        }
        int id = WireFormat.schemaIdOf(bytes);
        DatumReader<T> reader = readersById.get(id);
        if (reader == null) {
            reader = readerFor(id, registry.schemaById(id));
            readersById.putIfAbsent(id, reader);
        }
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(
                bytes, WireFormat.HEADER_LENGTH, bytes.length - WireFormat.HEADER_LENGTH, decoders.get());
        decoders.set(decoder);
        try {
            return reader.read(null, decoder);
        } catch (Exception e) {
            // Avro reports bad bytes with assorted runtime exceptions; the message never holds field values.
            throw new UndecodableAvroException("Record on topic " + topic + " does not decode with schema id " + id
                    + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private DatumReader<T> readerFor(int id, Schema writer) {
        Schema reader = expectedSchema != null ? expectedSchema : readerSchemaByName(id, writer);
        if (!namesMatch(writer, reader)) {
            throw new WrongSchemaException("Record written with schema id " + id + " (" + writer.getFullName()
                    + ") where a " + reader.getFullName() + " is expected");
        }
        return new SpecificDatumReader<>(writer, reader);
    }

    @SuppressWarnings("unchecked")
    private Schema readerSchemaByName(int id, Schema writer) {
        Class<?> generated = writer.getType() == Schema.Type.RECORD ? SpecificData.get().getClass(writer) : null;
        if (generated == null || !SpecificRecord.class.isAssignableFrom(generated)) {
            throw new WrongSchemaException("No generated record class for " + writer.getFullName()
                    + " (schema id " + id + ")");
        }
        return SpecificData.get().getSchema(generated);
    }

    /** Same full name, or the reader names the writer as an alias (an Avro rename). */
    private static boolean namesMatch(Schema writer, Schema reader) {
        return writer.getType() == Schema.Type.RECORD
                && (writer.getFullName().equals(reader.getFullName())
                        || reader.getAliases().contains(writer.getFullName()));
    }

    /** The record class this deserializer reads, or {@code null} if it reads any generated class. */
    public Class<T> type() {
        return type;
    }
}
