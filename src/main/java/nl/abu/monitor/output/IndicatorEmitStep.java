package nl.abu.monitor.output;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.abu.monitor.events.AlertState;
import nl.abu.monitor.events.IndicatorAlert;
import nl.abu.monitor.events.IndicatorStatus;
import nl.abu.monitor.events.IndicatorTarget;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.indicator.IndicatorCell;
import nl.abu.monitor.output.targets.Targets;
import nl.abu.monitor.output.targets.TargetsTable;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.CellCounts;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Publishes a cell's value whenever its totals change, and all of a family's cells again when the as-of date
 * moves or a target changes: a count target's pro-rata expectation and every value's as-of date change daily,
 * a changed target changes statuses, and a period that leaves the open years is withdrawn from the compacted
 * output with a tombstone. When a cell with a target leaves ON_TRACK it raises an alert, and when it returns
 * (or loses its judgement) it resolves it.
 */
final class IndicatorEmitStep implements Processor<String, CellCounts, String, SpecificRecord> {
    private static final EnumSet<IndicatorStatus> DRIFTING = EnumSet.of(IndicatorStatus.AT_RISK,
            IndicatorStatus.OFF_TRACK);

    private final String totalsStore;
    private final String statusStore;
    private final int minimumCellSize;
    private final AsOfDate asOf;
    private final int openYears;
    private final Duration checkInterval;
    private ProcessorContext<String, SpecificRecord> context;
    private TimestampedKeyValueStore<String, CellCounts> totals;
    private KeyValueStore<String, String> statuses;
    private TimestampedKeyValueStore<String, IndicatorTarget> targetsStore;
    private LocalDate publishedFor;
    private Targets targets;
    private IndicatorValues values;
    private ReportingCalendar calendar;
    private final Set<String> closedRows = new HashSet<>();

    IndicatorEmitStep(String totalsStore, String statusStore, int minimumCellSize, AsOfDate asOf, int openYears,
            Duration checkInterval) {
        this.totalsStore = totalsStore;
        this.statusStore = statusStore;
        this.minimumCellSize = minimumCellSize;
        this.asOf = asOf;
        this.openYears = openYears;
        this.checkInterval = checkInterval;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.totals = context.getStateStore(totalsStore);
        this.statuses = context.getStateStore(statusStore);
        this.targetsStore = context.getStateStore(TargetsTable.NAME);
        this.publishedFor = asOf.get();
        useTargets(TargetsTable.read(targetsStore));
        context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, this::republishIfDateOrTargetsChanged);
    }

    @Override
    public void process(Record<String, CellCounts> record) {
        if (publish(record.key(), record.value(), calendar(), record.timestamp()) && record.value() != null) {
            // A change of a closed period (an entity's old contributions taken out, or a version pruned) made its
            // row again. It is deleted at the next check rather than here, inside the flush of the store's cache.
            closedRows.add(record.key());
        }
    }

    /** The calendar of today's as-of date, built again only when the date moves. */
    private ReportingCalendar calendar() {
        LocalDate today = asOf.get();
        if (calendar == null || !calendar.asOf().equals(today)) {
            calendar = new ReportingCalendar(today, openYears);
        }
        return calendar;
    }

    private void republishIfDateOrTargetsChanged(long now) {
        closedRows.forEach(totals::delete);
        closedRows.clear();
        LocalDate today = asOf.get();
        Targets current = TargetsTable.read(targetsStore);
        if (today.equals(publishedFor) && current.equals(targets)) {
            return;
        }
        useTargets(current);
        ReportingCalendar calendar = calendar();
        List<String> closed = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<CellCounts>> all = totals.all()) {
            all.forEachRemaining(kv -> {
                if (publish(kv.key, kv.value.value(), calendar, now)) {
                    closed.add(kv.key);
                }
            });
        }
        // Rows of periods that left the open years are withdrawn above and deleted here: the table does not grow
        // with the years.
        closed.forEach(totals::delete);
        publishedFor = today;
    }

    private void useTargets(Targets current) {
        targets = current;
        values = new IndicatorValues(current, minimumCellSize);
    }

    /** Publishes the cell's value, or withdraws it when it is no longer reported; tells whether its period is closed. */
    private boolean publish(String cellKey, CellCounts total, ReportingCalendar calendar, long timestamp) {
        IndicatorCell cell = IndicatorCell.parse(cellKey);
        IndicatorValue value = total == null || !calendar.periods().contains(cell.period()) ? null
                : values.of(cell, total.getNumerator(), total.getDenominator(), calendar.asOf());
        context.forward(new Record<>(cellKey, value, timestamp));
        alertOnStatusChange(cellKey, value, timestamp);
        return cell.period().start().isBefore(calendar.firstOpenDay());
    }

    private void alertOnStatusChange(String cellKey, IndicatorValue value, long timestamp) {
        String held = statuses.get(cellKey);
        IndicatorStatus before = held == null ? null : IndicatorStatus.valueOf(held);
        IndicatorStatus now = value == null || value.getTarget() == null ? null : value.getStatus();
        if (now != null && DRIFTING.contains(now) && now != before) {
            context.forward(new Record<>(cellKey, alert(value, AlertState.RAISED, now, before, timestamp), timestamp));
        } else if (before != null && DRIFTING.contains(before) && (now == null || !DRIFTING.contains(now))) {
            IndicatorStatus resolvedTo = now != null ? now : value == null ? IndicatorStatus.NO_DATA : value.getStatus();
            IndicatorValue shown = value != null ? value : withdrawn(cellKey);
            context.forward(new Record<>(cellKey, alert(shown, AlertState.RESOLVED, resolvedTo, before, timestamp),
                    timestamp));
        }
        if (now == null) {
            statuses.delete(cellKey);
        } else if (now != before) {
            statuses.put(cellKey, now.name());
        }
    }

    private static IndicatorAlert alert(IndicatorValue value, AlertState state, IndicatorStatus status,
            IndicatorStatus previous, long timestamp) {
        return new IndicatorAlert(value.getIndicator(), value.getPeriod(), value.getScope(), state, status, previous,
                value.getValue(), value.getTarget(), value.getExpected(), Instant.ofEpochMilli(timestamp));
    }

    /** A cell that is no longer reported, for the resolution of its alert. */
    private IndicatorValue withdrawn(String cellKey) {
        IndicatorCell cell = IndicatorCell.parse(cellKey);
        return IndicatorValue.newBuilder().setIndicator(cell.indicator().id()).setPeriod(cell.period().label())
                .setScope(cell.scope()).setStatus(IndicatorStatus.NO_DATA).setAsOf(asOf.get()).build();
    }
}
