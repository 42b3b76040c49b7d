package nl.abu.monitor.pipeline;

import java.util.Map;
import java.util.Properties;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.ingest.IngestCounters;
import nl.abu.monitor.ingest.RejectedRecordHandler;
import nl.abu.monitor.ingest.UndecodableRecordHandler;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams configuration every run of the pipeline shares; callers add or override the rest. */
public final class StreamsProperties {
    public static final String DEFAULT_APPLICATION_ID = "migration-monitor";

    static final int METADATA_MAX_AGE_MS = 30_000;

    private StreamsProperties() {
    }

    public static Properties of(String bootstrapServers, Map<String, ?> serdeConfig, IngestCounters counters) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, UndecodableRecordHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, RejectedRecordHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.REJECTED);
        // A dead letter carries the rejected record's bytes plus headers: it may exceed the default 1 MiB request.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), TopicSetup.DEAD_LETTER_MAX_BYTES);
        // A task with several input partitions (the repartitioned inputs a family gathers per member) processes what it
        // has instead of waiting to fetch the other side. The results do not depend on the order in which the
        // sides arrive (the latest-version rule and the cell deltas are order-free), and with the default (0) every
        // check of an unbuffered partition formats log text eagerly: 8 % of the stream thread (docs/benchmarks.md).
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        // Under exactly-once a hop through a repartition topic is read read_committed, and the broker may hold such a
        // fetch for up to fetch.max.wait.ms (500 ms by default) before answering: per hop. At 50 ms the live latency
        // halved at 200 records/s (docs/benchmarks.md); a backlog is fetched without waiting either way.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
        // The early commit on uncommitted bytes is meant for transactional state stores, which are off; its check
        // asks every store for its size on every loop of the stream thread: 3 % of it (docs/benchmarks.md).
        props.put(StreamsConfig.STATESTORE_UNCOMMITTED_MAX_BYTES_CONFIG, -1L);
        // A member's own topic created after start (contract 9.1) is found by the main consumer's next metadata
        // refresh: within half a minute instead of the client default of five minutes.
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.METADATA_MAX_AGE_CONFIG), METADATA_MAX_AGE_MS);
        props.put(IngestCounters.CONFIG_KEY, counters);
        props.putAll(serdeConfig);
        return props;
    }
}
