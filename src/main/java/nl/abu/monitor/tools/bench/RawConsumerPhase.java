package nl.abu.monitor.tools.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.abu.monitor.contract.InputTopic;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.serde.AvroSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The raw limit: one plain consumer that reads every input record from the beginning (read_committed, as the
 * pipeline) and decodes its Avro value with the pipeline's own deserializer against the same registry. Nothing is
 * kept or written, so this is what reading and decoding alone cost on this machine.
 */
final class RawConsumerPhase {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private RawConsumerPhase() {
    }

    record Result(long records, long undecodable, double seconds) {
        double perSecond() {
            return records / seconds;
        }
    }

    static Result run(String bootstrapServers, Map<String, ?> serdeConfig) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Deserializer<? extends SpecificRecord>> decoders = new HashMap<>();
        Topics.INPUTS.forEach(t -> decoders.put(t, AvroSerdes.valueSerde(InputTopic.of(t).recordType(), serdeConfig)
                .deserializer()));
        long started = System.nanoTime();
        long records = 0;
        long undecodable = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = Topics.INPUTS.stream().flatMap(t -> consumer.partitionsFor(t).stream()
                    .map(p -> new TopicPartition(t, p.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The raw consumer did not reach the end within " + TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    try {
                        decoders.get(record.topic()).deserialize(record.topic(), record.value());
                    } catch (RuntimeException e) {
                        undecodable++;
                    }
                }
            }
        }
        return new Result(records, undecodable, (System.nanoTime() - started) / 1e9);
    }
}
