package nl.abu.monitor.serde;

import org.apache.avro.Schema;

/** The part of the Confluent Schema Registry API the serdes need. Implementations are thread-safe. */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its id. */
    int register(String subject, Schema schema);

    /**
     * Returns the id of {@code schema} registered under {@code subject}.
     *
     * @throws SchemaRegistryException with {@link SchemaRegistryException#isNotFound()} if it is not
     *     registered there
     */
    int lookup(String subject, Schema schema);

    /** Returns the schema with this id. @throws UnknownSchemaIdException if there is none */
    Schema schemaById(int id);

    /** TopicNameStrategy: {@code <topic>-key} or {@code <topic>-value}. */
    static String subjectFor(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
