package nl.abu.monitor.tools.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nl.abu.monitor.serde.AvroSerdeConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@link FloorTopology} as an application of its own, for the bench to start in a child JVM ({@link FloorProcess}).
 * It prints {@value #RUNNING_LINE} on stdout when Kafka Streams is RUNNING and runs until SIGTERM.
 */
@Command(name = "floor", description = "Runs the bench's floor application until SIGTERM.")
public final class FloorApp implements Callable<Integer> {
    static final String RUNNING_LINE = "floor: RUNNING";

    @Option(names = "--bootstrap-servers", required = true)
    String bootstrapServers;

    @Option(names = "--schema-registry-url", required = true)
    String registryUrl;

    @Option(names = "--application-id", required = true)
    String applicationId;

    @Option(names = "--state-dir", required = true)
    Path stateDir;

    @Option(names = "--output-topic", required = true)
    String outputTopic;

    @Option(names = "--stream-threads", defaultValue = "1")
    int streamThreads;

    @Option(names = "--cache-max-bytes", description = "statestore.cache.max.bytes; Kafka Streams' default when absent.")
    Long cacheMaxBytes;

    @Option(names = "--streams-config", paramLabel = "KEY=VALUE", description = "A Kafka Streams setting (repeatable).")
    Map<String, String> streamsConfig = new LinkedHashMap<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new FloorApp()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Object> serdeConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        Properties props = streamsProperties(bootstrapServers, applicationId, stateDir, streamThreads, streamsConfig,
                cacheMaxBytes);
        props.putAll(serdeConfig);
        KafkaStreams streams = new KafkaStreams(FloorTopology.build(outputTopic, serdeConfig), props);
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                System.out.println(RUNNING_LINE);
                System.out.flush();
            } else if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                .SHUTDOWN_CLIENT);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> streams.close(Duration.ofSeconds(30)), "floor-close"));
        streams.start();
        stopped.await();
        return streams.state() == KafkaStreams.State.ERROR ? 1 : 0;
    }

    /**
     * Exactly-once, and the pipeline's own engine settings ({@code pipeline/StreamsProperties}) that do not depend
     * on its topology, so that the topology is the only difference. {@code streamsConfig} comes after them, as
     * {@code kafka.*} keys do in {@code run}; the record cache last, since it is what the two floors vary.
     */
    static Properties streamsProperties(String bootstrapServers, String applicationId, Path stateDir,
            int streamThreads, Map<String, String> streamsConfig, Long cacheMaxBytes) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
        props.put(StreamsConfig.STATESTORE_UNCOMMITTED_MAX_BYTES_CONFIG, -1L);
        props.putAll(streamsConfig);
        if (cacheMaxBytes != null) {
            props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, cacheMaxBytes);
        }
        return props;
    }
}
