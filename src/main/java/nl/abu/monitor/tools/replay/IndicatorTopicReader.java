package nl.abu.monitor.tools.replay;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.serde.AvroSerdes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the committed contents of {@code abu.indicators.v1}: the latest value of every cell. */
public final class IndicatorTopicReader {
    private IndicatorTopicReader() {
    }

    public static Map<String, IndicatorValue> latest(String bootstrapServers, Map<String, ?> serdeConfig) {
        return latest(bootstrapServers, serdeConfig, Map.of());
    }

    /** @param clientOverrides further consumer settings, such as security settings */
    public static Map<String, IndicatorValue> latest(String bootstrapServers, Map<String, ?> serdeConfig,
            Map<String, Object> clientOverrides) {
        Map<String, Object> props = new HashMap<>(clientOverrides);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, IndicatorValue> latest = new HashMap<>();
        try (KafkaConsumer<String, IndicatorValue> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                AvroSerdes.valueSerde(IndicatorValue.class, serdeConfig).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INDICATORS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, IndicatorValue> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() == null) {
                        latest.remove(r.key());
                    } else {
                        latest.put(r.key(), r.value());
                    }
                }
            }
        }
        return latest;
    }
}
