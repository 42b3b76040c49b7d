package nl.abu.monitor.tools.bench;

import java.util.Map;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.contract.InputTopic;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.ingest.InputChanges;
import nl.abu.monitor.serde.AvroSerdes;
import nl.abu.monitor.serde.SpecificAvroSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The floor of the benchmark (issue 11): the smallest Kafka Streams application that does the pipeline's skeleton
 * on its topics. It reads the six input topics with the pipeline's own Avro deserializer, re-keys every record by
 * its member, sends it through one repartition topic, keeps one changelogged count per member and writes every
 * update of a count to {@code outputTopic}. Whatever the pipeline costs beyond this is the work of its own topology.
 */
public final class FloorTopology {
    static final String REPARTITION = "floor-by-member";
    static final String COUNT_STORE = "floor-member-counts";

    private FloorTopology() {
    }

    public static Topology build(String outputTopic, Map<String, ?> serdeConfig) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, SpecificRecord> inputs = null;
        for (String topic : Topics.INPUTS) {
            String name = InputChanges.nodeName(topic);
            KStream<String, SpecificRecord> input = builder.stream(topic,
                    Consumed.with(Serdes.String(), inputSerde(topic, serdeConfig)).withName("floor-" + name + "-source"));
            inputs = inputs == null ? input : inputs.merge(input, Named.as("floor-merge-" + name));
        }
        // The key's memberId part, not the value's: a tombstone has no value, and the pipeline partitions it too.
        inputs.selectKey((key, value) -> EntityKeys.memberOf(key), Named.as("floor-key-by-member"))
                // The records cross the repartition topic whole, in the wire format, as the pipeline's inputs do.
                .repartition(Repartitioned.<String, SpecificRecord>as(REPARTITION)
                        .withKeySerde(Serdes.String()).withValueSerde(anyInputSerde(serdeConfig)))
                // count() skips null values; a retraction is an update of the member too.
                .mapValues(value -> Boolean.TRUE, Named.as("floor-one-version"))
                .groupByKey(Grouped.<String, Boolean>as("floor-group-by-member")
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Boolean()))
                .count(Named.as("floor-count"), Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(COUNT_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
                .toStream(Named.as("floor-count-updates"))
                .to(outputTopic, Produced.with(Serdes.String(), Serdes.Long()).withName("floor-counts-sink"));
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private static Serde<SpecificRecord> inputSerde(String topic, Map<String, ?> serdeConfig) {
        return (Serde<SpecificRecord>) AvroSerdes.valueSerde(InputTopic.of(topic).recordType(), serdeConfig);
    }

    /** One repartition topic carries all six record types: it reads whichever type the writer's schema names. */
    private static Serde<SpecificRecord> anyInputSerde(Map<String, ?> serdeConfig) {
        Serde<SpecificRecord> serde = new SpecificAvroSerde<>();
        serde.configure(serdeConfig, false);
        return serde;
    }
}
