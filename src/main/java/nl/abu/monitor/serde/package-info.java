/**
 * Avro serdes in Confluent Schema Registry wire format (magic byte 0, 4-byte big-endian schema id,
 * Avro binary) and a client for the Confluent Schema Registry REST API.
 *
 * <p>Hand-written because Confluent's serializer artifacts ({@code kafka-avro-serializer},
 * {@code kafka-streams-avro-serde}) are not available from the package registries this project may
 * use. The config names are Confluent's, so Confluent's {@code SpecificAvroSerde} can be swapped in by
 * configuration alone: see {@link nl.abu.monitor.serde.AvroSerdes}.
 */
package nl.abu.monitor.serde;
