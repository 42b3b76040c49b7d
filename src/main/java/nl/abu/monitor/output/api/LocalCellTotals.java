package nl.abu.monitor.output.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.abu.monitor.indicator.IndicatorCell;
import nl.abu.monitor.state.CellCounts;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Reads cell totals from this instance's stores, exactly the partitions asked for (interactive queries v2):
 * a partition that is not here, or not active here when asked as active, fails the read rather than being
 * skipped.
 */
final class LocalCellTotals {
    private final KafkaStreams streams;

    LocalCellTotals(KafkaStreams streams) {
        this.streams = streams;
    }

    List<CellTotal> read(PartitionSelection partitions, IndicatorFilter filter) throws IndicatorsUnavailable {
        List<CellTotal> totals = new ArrayList<>();
        readEach(partitions.active(), true, filter, totals);
        readEach(partitions.standby(), false, filter, totals);
        return totals;
    }

    private void readEach(Map<String, Set<Integer>> partitions, boolean requireActive, IndicatorFilter filter,
            List<CellTotal> totals) throws IndicatorsUnavailable {
        for (Map.Entry<String, Set<Integer>> store : partitions.entrySet()) {
            StateQueryRequest<KeyValueIterator<String, CellCounts>> request = StateQueryRequest
                    .inStore(store.getKey()).withQuery(RangeQuery.<String, CellCounts>withNoBounds())
                    .withPartitions(store.getValue());
            StateQueryResult<KeyValueIterator<String, CellCounts>> result;
            try {
                result = streams.query(requireActive ? request.requireActive() : request);
            } catch (InvalidStateStoreException e) {
                throw new IndicatorsUnavailable("the indicator tables are not available yet: " + e.getMessage(), e);
            }
            // Every partition's iterator is opened by the query: close them all, even after a failed one.
            IndicatorsUnavailable failure = null;
            for (Map.Entry<Integer, QueryResult<KeyValueIterator<String, CellCounts>>> partition
                    : result.getPartitionResults().entrySet()) {
                QueryResult<KeyValueIterator<String, CellCounts>> answer = partition.getValue();
                if (answer.isFailure()) {
                    failure = new IndicatorsUnavailable("partition " + partition.getKey() + " of " + store.getKey()
                            + " cannot be read here (" + answer.getFailureReason() + ": "
                            + answer.getFailureMessage() + ")");
                    continue;
                }
                try (KeyValueIterator<String, CellCounts> entries = answer.getResult()) {
                    entries.forEachRemaining(kv -> {
                        IndicatorCell cell = IndicatorCell.parse(kv.key);
                        if (filter.matches(cell)) {
                            totals.add(new CellTotal(cell, kv.value.getNumerator(), kv.value.getDenominator()));
                        }
                    });
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
