package nl.abu.monitor.tools.publish;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import nl.abu.monitor.contract.InputTopic;
import nl.abu.monitor.contract.SourceTopic;
import nl.abu.monitor.ingest.RecordValidator;
import nl.abu.monitor.serde.AvroSerdes;
import nl.abu.monitor.tools.jsonl.JsonLine;
import nl.abu.monitor.tools.jsonl.LineError;
import nl.abu.monitor.tools.jsonl.ParsedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes input records in the Confluent wire format, each stamped with its version time (contract section 7).
 * With a validator, a record that breaks a contract rule is reported and not sent; without one, the pipeline's
 * dead-letter topic is where such records end up.
 */
public final class Publisher implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, ?> serdeConfig;
    private final Map<String, Serializer<SpecificRecord>> serializers = new HashMap<>();
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private Optional<String> member = Optional.empty();

    public Publisher(String bootstrapServers, Map<String, ?> serdeConfig, Map<String, Object> producerOverrides) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // One request in flight per partition: a refused first batch can then never be overtaken by a later one,
        // which a broker that has just created the partition may otherwise accept (KAFKA-15591).
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        props.putAll(producerOverrides);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.serdeConfig = serdeConfig;
    }

    /**
     * From now on, sends each record to the member's own topic of its input (contract 9.1) instead of the shared
     * one, and refuses a record of the members topic, which is the ABU's own. The validator, if any, refuses a record
     * of another member there, as the pipeline would.
     */
    public Publisher toOwnTopicsOf(String memberId) {
        InputTopic.WORKER_STAYS.memberTopic(memberId); // refuses a malformed memberId at once
        this.member = Optional.of(memberId);
        return this;
    }

    /**
     * Sends every parsed line; reports each bad line to {@code report} as {@code file:line: reason}.
     * @param validator the contract rules to apply before sending, or empty to send as parsed
     */
    public PublishSummary publish(Stream<JsonLine> lines, Optional<RecordValidator> validator, Consumer<String> report,
            Consumer<PublishSummary> progress) {
        PublishSummary summary = new PublishSummary();
        lines.forEach(line -> {
            if (line instanceof LineError error) {
                summary.countBad();
                report.accept(error.message());
            } else if (line instanceof ParsedRecord record) {
                Optional<String> topic = member.isEmpty() ? Optional.of(record.topic())
                        : ownTopic(record.topic(), member.get());
                Optional<String> refusal = topic.isEmpty()
                        ? Optional.of("NOT_PUBLISHED: " + record.topic() + " is the ABU's own; members have no topic of it")
                        : validator.flatMap(v -> v.validate(topic.get(), record.key(), record.value()))
                                .map(r -> r.reason() + ": " + r.detail());
                if (refusal.isPresent()) {
                    summary.countBad();
                    report.accept(record.fileName() + ":" + record.lineNumber() + ": " + refusal.get());
                } else {
                    send(topic.get(), record.key(), record.value(), record.timestampMillis());
                    summary.countPublished(topic.get());
                    if (summary.published() % 10_000 == 0) {
                        progress.accept(summary);
                    }
                }
            }
        });
        flush();
        return summary;
    }

    /** The member's own topic of the input of {@code sharedTopic}; empty for the members topic, the ABU's own. */
    private static Optional<String> ownTopic(String sharedTopic, String memberId) {
        InputTopic input = InputTopic.of(sharedTopic);
        return input.hasMemberTopics() ? Optional.of(input.memberTopic(memberId)) : Optional.empty();
    }

    /** Sends one record; a null value is a tombstone. */
    public void send(String topic, String key, SpecificRecord value, long timestampMillis) {
        failIfASendFailed();
        byte[] bytes = value == null ? null : serializerFor(topic).serialize(topic, value);
        producer.send(new ProducerRecord<>(topic, null, timestampMillis, key, bytes), (metadata, exception) -> {
            if (exception != null) {
                sendFailure.compareAndSet(null, exception);
            }
        });
    }

    public void flush() {
        producer.flush();
        failIfASendFailed();
    }

    private Serializer<SpecificRecord> serializerFor(String topic) {
        return serializers.computeIfAbsent(topic, t -> {
            @SuppressWarnings("unchecked")
            Class<SpecificRecord> type = (Class<SpecificRecord>) SourceTopic.of(t)
                    .orElseThrow(() -> new IllegalArgumentException("not an input topic: " + t)).input().recordType();
            return AvroSerdes.valueSerde(type, serdeConfig).serializer();
        });
    }

    private void failIfASendFailed() {
        Exception failure = sendFailure.get();
        if (failure != null) {
            throw new IllegalStateException("Publishing failed: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
