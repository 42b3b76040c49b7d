package nl.abu.monitor.output.targets;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.IndicatorTarget;
import nl.abu.monitor.serde.AvroSerdes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the targets topic from the targets file when the topic has never held anything. Once seeded, the topic
 * is the truth: targets changed or removed there at run time stay changed across restarts.
 */
public final class TargetsSeeder {
    private static final Logger LOG = LoggerFactory.getLogger(TargetsSeeder.class);

    private TargetsSeeder() {
    }

    /** @return whether the topic was empty and has been seeded */
    public static boolean seedIfEmpty(String bootstrapServers, Map<String, Object> clientOverrides,
            Map<String, ?> serdeConfig, Targets targets) {
        Map<String, Object> props = new HashMap<>(clientOverrides);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INDICATOR_TARGETS, Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            boolean empty = consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream()
                    .allMatch(end -> end == 0);
            if (!empty) {
                return false;
            }
        }
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        Instant now = Instant.now();
        try (KafkaProducer<String, IndicatorTarget> producer = new KafkaProducer<>(props, new StringSerializer(),
                AvroSerdes.valueSerde(IndicatorTarget.class, serdeConfig).serializer())) {
            for (Target target : targets.all()) {
                producer.send(new ProducerRecord<>(Topics.INDICATOR_TARGETS, target.indicator().id(),
                        TargetRecords.toRecord(target, now)));
            }
            producer.flush();
        }
        LOG.info("Seeded {} with {} targets from the targets file", Topics.INDICATOR_TARGETS, targets.all().size());
        return true;
    }
}
