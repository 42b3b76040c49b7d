package nl.abu.monitor.tools.jsonl;

import java.time.Instant;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * A line that became a Kafka record.
 *
 * @param value     the topic's SpecificRecord, or null for a tombstone
 * @param timestamp the Kafka record timestamp to use: the value's recordedAt, or the tombstone line's recordedAt
 */
public record ParsedRecord(String fileName, long lineNumber, String topic, String key, SpecificRecord value,
                           Instant timestamp) implements JsonLine {

    public ParsedRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    public boolean isTombstone() {
        return value == null;
    }

    public long timestampMillis() {
        return timestamp.toEpochMilli();
    }
}
