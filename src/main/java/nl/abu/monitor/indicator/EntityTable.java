package nl.abu.monitor.indicator;

import nl.abu.monitor.ingest.EntityChange;
import nl.abu.monitor.pipeline.PipelineSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * A family's entities (workers, stays, members, housing units) in one store, built from the changes of one or
 * more inputs with an {@link EntityFold} each. No record cache: an entity rarely changes twice within a commit
 * interval, and a cache full of entities made Kafka Streams flush the small busy stores on nearly every write
 * (docs/benchmarks.md).
 */
public final class EntityTable<A extends SpecificRecord> {
    private final String storeName;

    public EntityTable(StreamsBuilder builder, PipelineSerdes serdes, String storeName, Class<A> type) {
        this.storeName = storeName;
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(Stores.persistentKeyValueStore(storeName),
                Serdes.String(), serdes.of(type)));
    }

    public String storeName() {
        return storeName;
    }

    /** Folds an input's changes into this table; the result is the changes of the entities' states. */
    public <I> KStream<String, EntityChange<A>> fold(KStream<String, EntityChange<I>> changes, String name, EntityFold<I, A> fold) {
        return changes.process(() -> new EntityFoldStep<>(storeName, fold), Named.as(name), storeName);
    }
}
