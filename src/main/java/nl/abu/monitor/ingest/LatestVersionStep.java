package nl.abu.monitor.ingest;

import java.time.Instant;
import nl.abu.monitor.state.HeldVersion;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps per key the version with the greatest {@code recordedAt} and forwards only changes of that truth, with
 * the value it replaces (contract section 1). A tombstone is versioned by its record timestamp and is remembered, so a delayed
 * older version cannot bring the entity back; versions at or below the held one are stale and dropped.
 *
 * <p>Hand-written rather than a versioned KTable (KIP-889): those order by record timestamp within a
 * history-retention window and let an equal timestamp replace the value, while the contract orders by
 * {@code recordedAt}, ignores equal ones, and must remember retractions for as long as the key exists.
 */
final class LatestVersionStep<V extends SpecificRecord> implements FixedKeyProcessor<String, V, InputChange<V>> {
    private static final Logger LOG = LoggerFactory.getLogger(LatestVersionStep.class);

    private final String topic;
    private final String storeName;
    private final IngestCounters counters;
    private FixedKeyProcessorContext<String, InputChange<V>> context;
    private KeyValueStore<String, HeldVersion> versions;

    /** @param topic the input topic; the records come through a repartition topic, so metadata would name that */
    LatestVersionStep(String topic, String storeName, IngestCounters counters) {
        this.topic = topic;
        this.storeName = storeName;
        this.counters = counters;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, InputChange<V>> context) {
        this.context = context;
        this.versions = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        V value = record.value();
        Instant version = value == null ? Instant.ofEpochMilli(record.timestamp()) : recordedAt(value);
        HeldVersion held = versions.get(record.key());
        if (held != null && !version.isAfter(held.getRecordedAt())) {
            LOG.debug("Stale version on {} ignored", topic);
            counters.stale(topic);
            return;
        }
        versions.put(record.key(), new HeldVersion(version, value));
        counters.accepted(topic);
        @SuppressWarnings("unchecked")
        V before = held == null ? null : (V) held.getValue();
        if (value != null || before != null) {
            context.forward(record.withValue(new InputChange<>(topic, before, value)));
        }
    }

    private static Instant recordedAt(SpecificRecord value) {
        return (Instant) value.get(value.getSchema().getField("recordedAt").pos());
    }
}
