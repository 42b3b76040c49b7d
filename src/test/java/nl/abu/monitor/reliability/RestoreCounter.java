package nl.abu.monitor.reliability;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/** Counts what Kafka Streams restores from the changelogs: records per store, and where each restore started. */
final class RestoreCounter implements StateRestoreListener {
    private final Map<String, AtomicLong> restoredPerStore = new ConcurrentHashMap<>();
    private final AtomicLong restores = new AtomicLong();
    private final AtomicLong fromOffsetZero = new AtomicLong();
    private final AtomicLong startedAfterZero = new AtomicLong();

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        restores.incrementAndGet();
        (startingOffset <= 0 ? fromOffsetZero : startedAfterZero).incrementAndGet();
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        restoredPerStore.computeIfAbsent(store, s -> new AtomicLong()).addAndGet(numRestored);
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
    }

    long restored() {
        return restoredPerStore.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Store partitions restored from the changelog's beginning. */
    long fromScratch() {
        return fromOffsetZero.get();
    }

    /** Store partitions whose restore started where local state left off (a checkpoint or a standby). */
    long fromAnOffset() {
        return startedAfterZero.get();
    }

    @Override
    public String toString() {
        Map<String, Long> perStore = new TreeMap<>();
        restoredPerStore.forEach((s, n) -> perStore.put(s, n.get()));
        return String.format("%d store partitions restored (%d from the changelog's start, %d from an offset), "
                + "%d records: %s", restores.get(), fromOffsetZero.get(), startedAfterZero.get(), restored(), perStore);
    }
}
