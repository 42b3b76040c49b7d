package nl.abu.monitor.tools.simulator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** How many records a simulation produced, per topic and per kind. */
public final class SimulationSummary {

    private final Map<String, Long> byTopic = new TreeMap<>();
    private final Map<RecordKind, Long> byKind = new EnumMap<>(RecordKind.class);
    private long total;

    void count(SimulatedRecord record) {
        byTopic.merge(record.topic(), 1L, Long::sum);
        byKind.merge(record.kind(), 1L, Long::sum);
        total++;
    }

    public Map<String, Long> byTopic() {
        return Collections.unmodifiableMap(byTopic);
    }

    public Map<RecordKind, Long> byKind() {
        return Collections.unmodifiableMap(byKind);
    }

    public long count(RecordKind kind) {
        return byKind.getOrDefault(kind, 0L);
    }

    public long total() {
        return total;
    }

    @Override
    public String toString() {
        return total + " records, by topic " + byTopic + ", by kind " + byKind;
    }
}
