package nl.abu.monitor.indicator;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.CellCounts;
import nl.abu.monitor.state.CellMembership;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns an entity's new state (a worker, a housing unit, ...) into changes of the indicator cells it counts
 * in. It remembers where each entity counted, so a correction subtracts the old contribution and adds the
 * new one: the cell totals stay right for past periods too, whatever the order the changes came in.
 */
public final class CellDeltaStep<V> implements Processor<String, V, String, CellCounts> {
    private final String storeName;
    private final AsOfDate asOf;
    private final int openYears;
    private final BiFunction<V, ReportingCalendar, Map<String, Boolean>> cellsOf;
    private ProcessorContext<String, CellCounts> context;
    private KeyValueStore<String, CellMembership> memberships;

    /** @param cellsOf where an entity counts: cell key → also in the numerator; null state counts nowhere */
    public CellDeltaStep(String storeName, AsOfDate asOf, int openYears,
            BiFunction<V, ReportingCalendar, Map<String, Boolean>> cellsOf) {
        this.storeName = storeName;
        this.asOf = asOf;
        this.openYears = openYears;
        this.cellsOf = cellsOf;
    }

    @Override
    public void init(ProcessorContext<String, CellCounts> context) {
        this.context = context;
        this.memberships = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        Map<String, Boolean> now = record.value() == null ? Map.of()
                : cellsOf.apply(record.value(), new ReportingCalendar(asOf.get(), openYears));
        CellMembership held = memberships.get(record.key());
        Map<String, Boolean> before = held == null ? Map.of() : held.getCells();
        Set<String> touched = new HashSet<>(before.keySet());
        touched.addAll(now.keySet());
        for (String cell : touched) {
            long numerator = weight(now.get(cell)) - weight(before.get(cell));
            long denominator = (now.containsKey(cell) ? 1 : 0) - (before.containsKey(cell) ? 1 : 0);
            if (numerator != 0 || denominator != 0) {
                context.forward(new Record<>(cell, new CellCounts(numerator, denominator), record.timestamp()));
            }
        }
        if (now.isEmpty()) {
            memberships.delete(record.key());
        } else if (!now.equals(before)) {
            memberships.put(record.key(), new CellMembership(new HashMap<>(now)));
        }
    }

    private static long weight(Boolean inNumerator) {
        return Boolean.TRUE.equals(inNumerator) ? 1 : 0;
    }
}
