package nl.abu.monitor.output.targets;

import java.util.ArrayList;
import java.util.List;
import nl.abu.monitor.events.IndicatorTarget;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The global table of the targets topic ({@code abu.indicator-targets.v1}), which every instance holds in full, and
 * how to read the {@link Targets} in it.
 */
public final class TargetsTable {
    public static final String NAME = "indicator-targets";

    private TargetsTable() {
    }

    /** The targets in a processor's view of the global store. */
    public static Targets read(ReadOnlyKeyValueStore<String, ValueAndTimestamp<IndicatorTarget>> store) {
        List<IndicatorTarget> records = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<IndicatorTarget>> all = store.all()) {
            all.forEachRemaining(kv -> records.add(kv.value.value()));
        }
        return TargetRecords.fromRecords(records);
    }

    /** The targets a running instance holds, by an interactive query of the global store. */
    public static Targets query(KafkaStreams streams) {
        return readQueried(streams.store(StoreQueryParameters.fromNameAndType(NAME, QueryableStoreTypes.keyValueStore())));
    }

    private static Targets readQueried(ReadOnlyKeyValueStore<String, IndicatorTarget> store) {
        List<IndicatorTarget> records = new ArrayList<>();
        try (KeyValueIterator<String, IndicatorTarget> all = store.all()) {
            all.forEachRemaining(kv -> records.add(kv.value));
        }
        return TargetRecords.fromRecords(records);
    }
}
