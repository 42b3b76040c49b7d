package nl.abu.monitor.indicator;

import java.time.Duration;
import java.time.LocalDate;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.CellCounts;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Publishes a cell's value whenever its totals change, and all of a family's cells again when the as-of date
 * moves: a count target's pro-rata expectation and every value's as-of date change daily, and a period that
 * leaves the open years is withdrawn from the compacted output with a tombstone.
 */
final class IndicatorEmitStep implements Processor<String, CellCounts, String, IndicatorValue> {
    private final String totalsStore;
    private final IndicatorValues values;
    private final AsOfDate asOf;
    private final int openYears;
    private final Duration checkInterval;
    private ProcessorContext<String, IndicatorValue> context;
    private TimestampedKeyValueStore<String, CellCounts> totals;
    private LocalDate publishedFor;

    IndicatorEmitStep(String totalsStore, IndicatorValues values, AsOfDate asOf, int openYears, Duration checkInterval) {
        this.totalsStore = totalsStore;
        this.values = values;
        this.asOf = asOf;
        this.openYears = openYears;
        this.checkInterval = checkInterval;
    }

    @Override
    public void init(ProcessorContext<String, IndicatorValue> context) {
        this.context = context;
        this.totals = context.getStateStore(totalsStore);
        this.publishedFor = asOf.get();
        context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, this::republishIfDateMoved);
    }

    @Override
    public void process(Record<String, CellCounts> record) {
        publish(record.key(), record.value(), new ReportingCalendar(asOf.get(), openYears), record.timestamp());
    }

    private void republishIfDateMoved(long now) {
        LocalDate today = asOf.get();
        if (today.equals(publishedFor)) {
            return;
        }
        ReportingCalendar calendar = new ReportingCalendar(today, openYears);
        try (KeyValueIterator<String, ValueAndTimestamp<CellCounts>> all = totals.all()) {
            all.forEachRemaining(kv -> publish(kv.key, kv.value.value(), calendar, now));
        }
        publishedFor = today;
    }

    private void publish(String cellKey, CellCounts total, ReportingCalendar calendar, long timestamp) {
        IndicatorCell cell = IndicatorCell.parse(cellKey);
        IndicatorValue value = total == null || !calendar.periods().contains(cell.period()) ? null
                : values.of(cell, total.getNumerator(), total.getDenominator(), calendar.asOf());
        context.forward(new Record<>(cellKey, value, timestamp));
    }
}
