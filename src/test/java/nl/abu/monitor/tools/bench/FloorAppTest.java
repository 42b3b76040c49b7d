package nl.abu.monitor.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import nl.abu.monitor.ingest.IngestCounters;
import nl.abu.monitor.pipeline.StreamsProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class FloorAppTest {
    /** The pipeline's settings that belong to its topology (its handlers, dead letters, counters) or name it. */
    private static final Set<String> TOPOLOGY_SETTINGS = Set.of(StreamsConfig.APPLICATION_ID_CONFIG,
            StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG,
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
            StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), IngestCounters.CONFIG_KEY,
            // how soon the pattern subscription of members' own topics finds a new one; the floor reads by name
            StreamsConfig.mainConsumerPrefix(ConsumerConfig.METADATA_MAX_AGE_CONFIG));

    @Test
    void runsWithEveryEngineSettingOfThePipeline() {
        // given the pipeline's built-in Streams settings
        Properties pipeline = StreamsProperties.of("broker:9092", Map.of(), new IngestCounters(new SimpleMeterRegistry()));

        // when the floor's are built
        Properties floor = FloorApp.streamsProperties("broker:9092", "floor", Path.of("state"), 1, Map.of(), 0L);

        // then every setting of the pipeline that is not about its topology is the floor's too, with the same value
        Map<Object, Object> engine = new HashMap<>(pipeline);
        TOPOLOGY_SETTINGS.forEach(engine::remove);
        assertThat(engine).isNotEmpty();
        engine.forEach((key, value) -> assertThat(floor.get(key)).as(key.toString()).isEqualTo(value));
    }

    @Test
    void variesOnlyTheRecordCacheOverTheGivenSettings() {
        // given a setting for both and a record cache setting the floor must override
        Map<String, String> given = Map.of("commit.interval.ms", "500", "statestore.cache.max.bytes", "1");

        // when the floor with the cache off and the one with the default cache are configured
        Properties off = FloorApp.streamsProperties("b:9092", "floor", Path.of("s"), 2, given, 0L);
        Properties cached = FloorApp.streamsProperties("b:9092", "floor-cached", Path.of("s"), 2, Map.of(), null);

        // then both get the setting and their threads, and only the floor with the cache off sets the cache
        assertThat(off).containsEntry("commit.interval.ms", "500")
                .containsEntry(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L)
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        assertThat(cached).doesNotContainKey(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG);
    }

    @Test
    void takesOnlyTheHeapOfThePipelinesJavaOptions() {
        // given the pipeline's JVM options with a profiler
        List<String> pipeline = List.of("-Xmx1g", "-XX:StartFlightRecording=filename=p.jfr", "-Xms256m");

        // when the floor process takes its options, then it has the same heap and no profiler
        assertThat(FloorProcess.heapOptions(pipeline)).containsExactly("-Xmx1g", "-Xms256m");
    }
}
