package nl.abu.monitor.indicator;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.abu.monitor.ingest.EntityChange;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.Period;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.CellCounts;
import nl.abu.monitor.state.EntityEvaluation;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Turns a change of an entity's state into changes of the indicator cells it counts in. It remembers the as-of
 * date of each entity's last evaluation in {@code <family>-evaluations}, so a correction subtracts the old
 * contributions (worked out again from the state before the change, with that date's calendar) and adds the new:
 * cell totals stay right for past periods too, whatever order the changes come in. Keeping the date rather than
 * the contributions (up to a hundred cells) saves a large store write and changelog record per change; the price
 * is that a changed cell rule needs the state rebuilt (docs/architecture.md).
 *
 * <p>Indicators also move with the as-of date alone (a stay turns long, a deadline passes, a month begins).
 * Each entity is indexed under the next date its cells may change; a wall-clock punctuation re-evaluates only
 * the entities whose date the as-of date has reached, reading their state from the family's entity table.
 *
 * <p>One entity change touches up to a hundred cells (a worker counts in every period of its stay, in two
 * scopes), and the family has only a few thousand cells. So the changes are summed per cell in the store
 * {@code <family>-pending-cell-changes} and sent on every {@code flushInterval}, as one change per cell, instead of
 * one record per entity and cell through the repartition topic: at a national year that was most of the
 * pipeline's work (docs/benchmarks.md). Sums of changes give the same totals. A cell touched only by changes
 * that cancel out still gets its (zero) change, as it did one by one. The store is changelogged, so sums not yet
 * sent on survive a crash together with the input offsets they belong to.
 */
public final class CellDeltaStep<V> implements Processor<String, EntityChange<V>, String, CellCounts> {
    private final Stores stores;
    private final AsOfDate asOf;
    private final int openYears;
    private final CellRule<V> rule;
    private final Duration reevaluationInterval;
    private final Duration flushInterval;
    private ProcessorContext<String, CellCounts> context;
    private KeyValueStore<String, EntityEvaluation> evaluations;
    private KeyValueStore<String, String> dueDates;
    private TimestampedKeyValueStore<String, V> entities;
    private PendingCellSums pending;
    private ReportingCalendar calendar;
    private final Map<LocalDate, ReportingCalendar> earlierCalendars = new HashMap<>();

    /** The stores this step uses: its own three, and the family's entity store, which it reads. */
    public record Stores(String evaluations, String dueDates, String pending, String entities) {
        public static Stores of(String prefix, String entityTable) {
            return new Stores(prefix + "-evaluations", prefix + "-due-dates", prefix + "-pending-cell-changes",
                    entityTable);
        }
    }

    /** @param flushInterval how often the summed cell changes are sent on */
    public CellDeltaStep(Stores stores, AsOfDate asOf, int openYears, CellRule<V> rule, Duration reevaluationInterval,
            Duration flushInterval) {
        this.stores = stores;
        this.asOf = asOf;
        this.openYears = openYears;
        this.rule = rule;
        this.reevaluationInterval = reevaluationInterval;
        this.flushInterval = flushInterval;
    }

    @Override
    public void init(ProcessorContext<String, CellCounts> context) {
        this.context = context;
        this.evaluations = context.getStateStore(stores.evaluations());
        this.dueDates = context.getStateStore(stores.dueDates());
        this.entities = context.getStateStore(stores.entities());
        this.pending = new PendingCellSums(context.getStateStore(stores.pending()));
        context.schedule(reevaluationInterval, PunctuationType.WALL_CLOCK_TIME, now -> reevaluateDue(now));
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, now -> sendPending());
    }

    @Override
    public void process(Record<String, EntityChange<V>> record) {
        evaluate(record.key(), record.value().before(), record.value().after(), record.timestamp());
    }

    private void reevaluateDue(long now) {
        String upToToday = DueDateKey.upTo(asOf.get());
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = dueDates.range(DueDateKey.FIRST, upToToday)) {
            it.forEachRemaining(kv -> due.add(kv.value));
        }
        for (String entity : due) {
            ValueAndTimestamp<V> held = entities.get(entity);
            V state = held == null ? null : held.value();
            evaluate(entity, state, state, now);
        }
    }

    /**
     * Moves the entity's contributions from what {@code before} counted as of the date of its last evaluation to
     * what {@code after} counts today. The rule is a function of state and calendar, so working the old
     * contributions out again gives exactly what was added then, and only the date needs to be kept.
     */
    private void evaluate(String entity, V before, V after, long timestamp) {
        ReportingCalendar today = calendar();
        EntityEvaluation held = evaluations.get(entity);
        EntityCells was = held == null || before == null ? EntityCells.NOWHERE
                : rule.cellsOf(before, calendarOn(held.getEvaluatedOn()));
        EntityCells now = after == null ? EntityCells.NOWHERE : rule.cellsOf(after, today);
        Set<String> touched = new HashSet<>(was.contributions().keySet());
        touched.addAll(now.contributions().keySet());
        for (String cell : touched) {
            CellCounts from = was.contributions().getOrDefault(cell, ZERO);
            CellCounts to = now.contributions().getOrDefault(cell, ZERO);
            long numerator = to.getNumerator() - from.getNumerator();
            long denominator = to.getDenominator() - from.getDenominator();
            if (numerator != 0 || denominator != 0) {
                pending.add(cell, numerator, denominator, timestamp);
            }
        }
        LocalDate nextChange = nextChange(now, today);
        LocalDate heldChange = held == null ? null : held.getNextChange();
        // Each write is also a changelog record under exactly-once, so what did not change is not written again.
        if (!Objects.equals(heldChange, nextChange)) {
            if (heldChange != null) {
                dueDates.delete(DueDateKey.of(heldChange, entity));
            }
            if (nextChange != null) {
                dueDates.put(DueDateKey.of(nextChange, entity), entity);
            }
        }
        if (now.contributions().isEmpty() && nextChange == null) {
            if (held != null) {
                evaluations.delete(entity);
            }
            return;
        }
        EntityEvaluation evaluation = new EntityEvaluation(today.asOf(), nextChange);
        if (!evaluation.equals(held)) {
            evaluations.put(entity, evaluation);
        }
    }

    /** The calendar of an earlier as-of date; entities were last evaluated on only a few distinct dates. */
    private ReportingCalendar calendarOn(LocalDate date) {
        ReportingCalendar today = calendar();
        if (date.equals(today.asOf())) {
            return today;
        }
        if (earlierCalendars.size() > 16) {
            earlierCalendars.clear();
        }
        return earlierCalendars.computeIfAbsent(date, d -> new ReportingCalendar(d, openYears));
    }

    /** The calendar of today's as-of date, built again only when the date moves (it costs more than a cell). */
    private ReportingCalendar calendar() {
        LocalDate today = asOf.get();
        if (calendar == null || !calendar.asOf().equals(today)) {
            calendar = new ReportingCalendar(today, openYears);
        }
        return calendar;
    }

    private void sendPending() {
        for (PendingCellSums.Sum sum : pending.drain()) {
            context.forward(new Record<>(sum.cell(), new CellCounts(sum.numerator(), sum.denominator()),
                    sum.timestamp()));
        }
    }

    /**
     * The first day after the as-of date on which the entity's cells may change: one of its own change dates,
     * the start of next month if it counts in this month (it may count in the next one too), or the start of
     * next year if it counts anywhere (a year leaves the open years).
     */
    private static LocalDate nextChange(EntityCells cells, ReportingCalendar calendar) {
        LocalDate asOf = calendar.asOf();
        LocalDate next = null;
        for (LocalDate date : cells.changeDates()) {
            if (date.isAfter(asOf) && (next == null || date.isBefore(next))) {
                next = date;
            }
        }
        if (!cells.contributions().isEmpty()) {
            LocalDate nextYear = LocalDate.of(asOf.getYear() + 1, 1, 1);
            next = next == null || nextYear.isBefore(next) ? nextYear : next;
            String thisMonth = "|" + Period.month(asOf.getYear(), asOf.getMonthValue()).label() + "|";
            if (cells.contributions().keySet().stream().anyMatch(cell -> cell.contains(thisMonth))) {
                LocalDate nextMonth = asOf.withDayOfMonth(1).plusMonths(1);
                next = nextMonth.isBefore(next) ? nextMonth : next;
            }
        }
        return next;
    }

    private static final CellCounts ZERO = new CellCounts(0L, 0L);

    /** Index keys {@code YYYY-MM-DD|entity}: ISO dates sort as text, so a range scan finds what is due. */
    static final class DueDateKey {
        static final String FIRST = "0000";

        static String of(LocalDate date, String entity) {
            return date + "|" + entity;
        }

        static String upTo(LocalDate date) {
            return date + "|\uffff";
        }
    }
}
