package nl.abu.monitor.tools.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.serde.AvroSerdes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code abu.indicators.v1} as a downstream user would (read_committed, so only what the pipeline's
 * transactions committed) from the beginning, on a thread of its own. It remembers when the last record arrived and
 * the latest value of one cell, and, from {@link #measureLatencyFrom} on, the latency of every record: the wall
 * clock at receipt minus the record timestamp. Kafka Streams stamps an output record with the timestamp of the
 * input record that caused it (the greatest, where a join or an aggregate meets older records), so for inputs
 * stamped at send time this is the time from produce to visible output.
 */
final class IndicatorWatcher implements OutputArrivals, AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<IndicatorValue> decoder;
    private final String watchedCell;
    private final Thread thread;
    private final Latencies latencies = new Latencies();
    private final AtomicLong received = new AtomicLong();
    private volatile long lastReceivedMillis = -1;
    private volatile long latencyFromMillis = Long.MAX_VALUE;
    private volatile double watchedValue;
    private volatile Throwable failure;

    IndicatorWatcher(String bootstrapServers, Map<String, ?> serdeConfig, String watchedCell) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.decoder = AvroSerdes.valueSerde(IndicatorValue.class, serdeConfig).deserializer();
        this.watchedCell = watchedCell;
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.INDICATORS).stream()
                .map(p -> new TopicPartition(Topics.INDICATORS, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::run, "bench-indicator-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    received.incrementAndGet();
                    lastReceivedMillis = now;
                    if (record.timestamp() >= latencyFromMillis) {
                        latencies.record(now - record.timestamp());
                    }
                    if (watchedCell.equals(record.key())) {
                        IndicatorValue value = decoder.deserialize(record.topic(), record.value());
                        watchedValue = value == null || value.getValue() == null ? 0 : value.getValue();
                    }
                }
            }
        } catch (WakeupException e) {
            // closed
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    /** Records the latency of every output record stamped at or after {@code millis}. */
    void measureLatencyFrom(long millis) {
        latencyFromMillis = millis;
    }

    Latencies latencies() {
        return latencies;
    }

    @Override
    public long received() {
        failIfBroken();
        return received.get();
    }

    @Override
    public long lastReceivedMillis() {
        failIfBroken();
        return lastReceivedMillis;
    }

    /** The latest value of the watched cell; 0 when absent or null. */
    double watchedValue() {
        failIfBroken();
        return watchedValue;
    }

    private void failIfBroken() {
        if (failure != null) {
            throw new IllegalStateException("Reading the indicators failed: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(10_000);
    }
}
