package nl.abu.monitor.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.abu.monitor.serde.AvroSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/** One configured Avro serde per record type, for topics, repartitions and state stores alike. */
public final class PipelineSerdes {
    private final Map<String, ?> config;
    private final Map<Class<?>, Serde<?>> serdes = new ConcurrentHashMap<>();

    public PipelineSerdes(Map<String, ?> config) {
        this.config = Map.copyOf(config);
    }

    /** A persistent key-value store of the given name for a table of string keys and records of {@code type}. */
    public <T extends SpecificRecord> Materialized<String, T, KeyValueStore<Bytes, byte[]>> materialized(
            String storeName, Class<T> type) {
        return Materialized.<String, T, KeyValueStore<Bytes, byte[]>>as(storeName)
                .withKeySerde(Serdes.String()).withValueSerde(of(type));
    }

    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> Serde<T> of(Class<T> type) {
        return (Serde<T>) serdes.computeIfAbsent(type, t -> AvroSerdes.valueSerde(type, config));
    }
}
