package nl.abu.monitor.indicator;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The cell changes summed since they were last sent on. The sums are kept in a map for the arithmetic and written
 * through to a changelogged store, so that sums not yet sent survive a crash together with the inputs they came
 * from; the map is loaded from the store when the task starts. An entity change adds to about a hundred cells, so
 * each addition must be cheap: no store read, and a value of three longs (numerator, denominator, newest
 * timestamp) encoded by hand, as the Avro serde's wire-format framing costs more than the sum.
 */
final class PendingCellSums {
    private static final int NUMERATOR = 0;
    private static final int DENOMINATOR = 1;
    private static final int TIMESTAMP = 2;

    private final KeyValueStore<String, byte[]> store;
    private final Map<String, long[]> sums = new HashMap<>();

    /** A cell's summed change, with the timestamp of the newest input in it. */
    record Sum(String cell, long numerator, long denominator, long timestamp) {
    }

    PendingCellSums(KeyValueStore<String, byte[]> store) {
        this.store = store;
        try (KeyValueIterator<String, byte[]> held = store.all()) {
            held.forEachRemaining(kv -> sums.put(kv.key, decode(kv.value)));
        }
    }

    void add(String cell, long numerator, long denominator, long timestamp) {
        long[] sum = sums.computeIfAbsent(cell, c -> new long[] {0L, 0L, timestamp});
        sum[NUMERATOR] += numerator;
        sum[DENOMINATOR] += denominator;
        sum[TIMESTAMP] = Math.max(sum[TIMESTAMP], timestamp);
        store.put(cell, encode(sum));
    }

    /** Every sum, in cell order so that the output does not depend on hashing, after which none is pending. */
    List<Sum> drain() {
        List<String> cells = new ArrayList<>(sums.keySet());
        Collections.sort(cells);
        List<Sum> drained = new ArrayList<>(cells.size());
        for (String cell : cells) {
            long[] sum = sums.get(cell);
            drained.add(new Sum(cell, sum[NUMERATOR], sum[DENOMINATOR], sum[TIMESTAMP]));
            store.delete(cell);
        }
        sums.clear();
        return drained;
    }

    private static byte[] encode(long[] sum) {
        return ByteBuffer.allocate(3 * Long.BYTES).putLong(sum[NUMERATOR]).putLong(sum[DENOMINATOR])
                .putLong(sum[TIMESTAMP]).array();
    }

    private static long[] decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new long[] {buffer.getLong(), buffer.getLong(), buffer.getLong()};
    }
}
