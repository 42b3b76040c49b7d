package nl.abu.monitor.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * A persistent key-value store of the given name for a table of string keys and records of {@code type}, without
     * a record cache. Kafka Streams' record cache is one per thread, and when it is full it evicts from every store's
     * cache in turn, flushing all the dirty entries of the store it hits: tables with an entry per entity (hundreds
     * of thousands) fill it, and then nearly every write flushed a small, busy store such as the cell totals. At a
     * national year that was half of the pipeline's time (docs/benchmarks.md). Entities rarely change twice within
     * a commit interval, so a cache saves them little.
     */
    public <T extends SpecificRecord> Materialized<String, T, KeyValueStore<Bytes, byte[]>> materialized(
            String storeName, Class<T> type) {
        return Materialized.<String, T, KeyValueStore<Bytes, byte[]>>as(storeName)
                .withKeySerde(Serdes.String()).withValueSerde(of(type)).withCachingDisabled();
    }

    /**
     * As {@link #materialized}, with a record cache: for small stores that change often (a few thousand indicator
     * cells), where it turns many changes of a key within a commit interval into one.
     */
    public <T extends SpecificRecord> Materialized<String, T, KeyValueStore<Bytes, byte[]>> cachedMaterialized(
            String storeName, Class<T> type) {
        return materialized(storeName, type).withCachingEnabled();
    }

    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> Serde<T> of(Class<T> type) {
        return (Serde<T>) serdes.computeIfAbsent(type, t -> AvroSerdes.valueSerde(type, config));
    }
}
