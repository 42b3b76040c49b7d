package nl.abu.monitor.output.metrics;

import java.util.ArrayList;
import java.util.List;
import nl.abu.monitor.indicator.IndicatorCell;
import nl.abu.monitor.state.CellCounts;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The cell totals of this instance's ACTIVE tasks only, from the {@code <family>-cell-totals} stores: what this
 * instance exports, so that Prometheus, scraping every instance, sees each cell once.
 *
 * <p>It uses the default store query ({@link StoreQueryParameters#fromNameAndType}: stale stores not enabled, no
 * partition), for which Kafka Streams ({@code StreamThreadStateStoreProvider}) reads each thread's
 * {@code readOnlyActiveTasks()} only, and only while the thread is RUNNING; otherwise it throws
 * {@link InvalidStateStoreException}. Standby replicas are never read.
 */
public final class LocalActiveCellTotals implements CellTotalsSource {
    private final KafkaStreams streams;
    private final List<String> stores;

    public LocalActiveCellTotals(KafkaStreams streams, List<String> stores) {
        this.streams = streams;
        this.stores = List.copyOf(stores);
    }

    @Override
    public List<CellTotal> read() throws Unavailable {
        if (!streams.state().isRunningOrRebalancing()) {
            // Not started, or stopped for good: nothing is this instance's any more (others may own it now).
            return List.of();
        }
        List<CellTotal> totals = new ArrayList<>();
        for (String name : stores) {
            try {
                ReadOnlyKeyValueStore<String, CellCounts> store = streams.store(
                        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
                try (KeyValueIterator<String, CellCounts> all = store.all()) {
                    all.forEachRemaining(kv -> totals.add(new CellTotal(IndicatorCell.parse(kv.key),
                            kv.value.getNumerator(), kv.value.getDenominator())));
                }
            } catch (InvalidStateStoreException e) {
                // Rebalancing, or a task migrating while the stores were read.
                throw new Unavailable("store " + name + " cannot be read now: " + e.getMessage(), e);
            }
        }
        return totals;
    }
}
