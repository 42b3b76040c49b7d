package nl.abu.monitor.indicator;

import java.util.Objects;
import nl.abu.monitor.ingest.EntityChange;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Applies an input's changes to the state of the entities they belong to, and forwards each entity's change of
 * state (the new state is null once it is empty). A record that moves to another entity (a stay corrected to another worker) leaves the
 * old one and joins the new one. The input is partitioned by member, so every entity of a member is in this task.
 *
 * <p>This does what {@code KTable#groupBy} and {@code aggregate} do without their repartition topic, and several
 * inputs can fold into one entity store, which replaces a KTable-KTable join and its store.
 */
final class EntityFoldStep<I, A> implements Processor<String, EntityChange<I>, String, EntityChange<A>> {
    private final String storeName;
    private final EntityFold<I, A> fold;
    private ProcessorContext<String, EntityChange<A>> context;
    private TimestampedKeyValueStore<String, A> entities;

    EntityFoldStep(String storeName, EntityFold<I, A> fold) {
        this.storeName = storeName;
        this.fold = fold;
    }

    @Override
    public void init(ProcessorContext<String, EntityChange<A>> context) {
        this.context = context;
        this.entities = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, EntityChange<I>> record) {
        String key = record.key();
        I before = record.value().before();
        I after = record.value().after();
        String left = before == null ? null : fold.entityOf(key, before);
        String joined = after == null ? null : fold.entityOf(key, after);
        if (left != null && left.equals(joined)) {
            A held = held(left);
            A without = held == null ? null : fold.remove(held, key, before);
            update(left, held, fold.add(without, key, after), record.timestamp());
            return;
        }
        if (left != null) {
            A held = held(left);
            if (held != null) {
                update(left, held, fold.remove(held, key, before), record.timestamp());
            }
        }
        if (joined != null) {
            A held = held(joined);
            update(joined, held, fold.add(held, key, after), record.timestamp());
        }
    }

    private A held(String entity) {
        ValueAndTimestamp<A> held = entities.get(entity);
        return held == null ? null : held.value();
    }

    private void update(String entity, A held, A next, long timestamp) {
        A now = next == null || fold.isEmpty(next) ? null : next;
        if (Objects.equals(held, now)) {
            return;
        }
        if (now == null) {
            entities.delete(entity);
        } else {
            entities.put(entity, ValueAndTimestamp.make(now, timestamp));
        }
        context.forward(new Record<>(entity, new EntityChange<>(held, now), timestamp));
    }
}
