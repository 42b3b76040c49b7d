package nl.abu.monitor.indicator;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A store that holds nothing and calls its processor back inside every commit of its task, before the
 * transaction commits: the moment at which a processor can send on what it has summed in memory, so that the sums
 * leave in the same transaction as the input offsets they came from, and none is left over to keep in a
 * changelogged store.
 *
 * <p>Hand-written because Kafka Streams has no public hook for that moment. Its own record cache gets it through
 * {@code CachedStateStore#flushCache}, an internal interface that {@code StreamTask#prepareCommit} calls (through
 * {@code ProcessorStateManager#flushCache}) before it flushes the record collector and commits the transaction
 * (Kafka Streams 4.4); implementing it gives this store the same call. The callback forwards records, which needs
 * the processor's node and a record context set, as the caches' flush listeners set them.
 */
final class BeforeCommitHook implements StateStore, CachedStateStore<Object, Object> {
    private final String name;
    private boolean open;
    private InternalProcessorContext<?, ?> context;
    private ProcessorNode<?, ?, ?, ?> node;
    private Runnable callback;

    private BeforeCommitHook(String name) {
        this.name = name;
    }

    /** A builder of the hook, to add to the topology and connect to the processor that registers with it. */
    static StoreBuilder<BeforeCommitHook> builder(String name) {
        return new Builder(name);
    }

    /**
     * Calls {@code callback} before every commit of the task, as if the processor whose context this is were
     * processing. To be called from that processor's {@code init}, where its node is the current one.
     */
    void register(ProcessorContext<?, ?> processorContext, Runnable callback) {
        this.context = (InternalProcessorContext<?, ?>) processorContext;
        this.node = context.currentNode();
        this.callback = callback;
    }

    @Override
    public void flushCache() {
        if (callback == null) {
            return;
        }
        ProcessorNode<?, ?, ?, ?> previousNode = context.currentNode();
        ProcessorRecordContext previousRecord = context.recordContext();
        try {
            context.setCurrentNode(node);
            context.setRecordContext(new ProcessorRecordContext(System.currentTimeMillis(), -1L, -1, null,
                    new RecordHeaders()));
            callback.run();
        } finally {
            context.setCurrentNode(previousNode);
            context.setRecordContext(previousRecord);
        }
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public void clearCache() {
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext stateStoreContext, StateStore root) {
        stateStoreContext.register(root, (key, value) -> {
        });
        open = true;
    }

    @Override
    public void close() {
        open = false;
        callback = null;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return QueryResult.forUnknownQueryType(query, this);
    }

    @Override
    public Position getPosition() {
        return Position.emptyPosition();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
    }

    /** It holds nothing, so it has neither a changelog nor a cache. */
    private record Builder(String name) implements StoreBuilder<BeforeCommitHook> {
        @Override
        public StoreBuilder<BeforeCommitHook> withCachingEnabled() {
            throw new UnsupportedOperationException("a store that holds nothing has no cache");
        }

        @Override
        public StoreBuilder<BeforeCommitHook> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<BeforeCommitHook> withLoggingEnabled(Map<String, String> config) {
            throw new UnsupportedOperationException("a store that holds nothing has no changelog");
        }

        @Override
        public StoreBuilder<BeforeCommitHook> withLoggingDisabled() {
            return this;
        }

        @Override
        public BeforeCommitHook build() {
            return new BeforeCommitHook(name);
        }

        @Override
        public Map<String, String> logConfig() {
            return Map.of();
        }

        @Override
        public boolean loggingEnabled() {
            return false;
        }
    }
}
