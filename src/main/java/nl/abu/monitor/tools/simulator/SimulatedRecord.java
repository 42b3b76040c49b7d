package nl.abu.monitor.tools.simulator;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * One record to publish, in production order.
 *
 * @param value           the topic's value, or null for a tombstone
 * @param timestampMillis the Kafka record timestamp: the value's recordedAt, or the retraction time of a tombstone
 * @param kind            why it was sent; not part of what is published
 */
public record SimulatedRecord(String topic, String key, SpecificRecord value, long timestampMillis, RecordKind kind) {

    public SimulatedRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
    }

    public SimulatedRecord(String topic, String key, SpecificRecord value, long timestampMillis) {
        this(topic, key, value, timestampMillis, RecordKind.ORIGINAL);
    }

    public boolean isTombstone() {
        return value == null;
    }
}
