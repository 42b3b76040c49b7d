package nl.abu.monitor.indicator;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.abu.monitor.ingest.EntityChange;
import nl.abu.monitor.period.AsOfDate;
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
 * scopes), and the family has only a few thousand cells. So the changes are summed per cell in memory and sent on
 * as one change per cell just before each commit of the task ({@link BeforeCommitHook}), instead of one record
 * per entity and cell: at a national year that was most of the pipeline's work (docs/benchmarks.md). Sums of
 * changes give the same totals, and as they leave in the transaction of the inputs they came from, nothing
 * pending needs to survive a crash. A cell touched only by changes that cancel out still gets its (zero) change.
 */
public final class CellDeltaStep<V> implements Processor<String, EntityChange<V>, String, CellCounts> {
    private static final int EARLIER_CALENDARS = 16;

    private final Stores stores;
    private final AsOfDate asOf;
    private final int openYears;
    private final CellRule<V> rule;
    private final Duration reevaluationInterval;
    private ProcessorContext<String, CellCounts> context;
    private KeyValueStore<String, EntityEvaluation> evaluations;
    private KeyValueStore<String, String> dueDates;
    private TimestampedKeyValueStore<String, V> entities;
    private CellNumbers cells;
    private CellDiff diff;
    private PendingCellSums pending;
    private CellNumbers.Table today;
    private final Map<LocalDate, CellNumbers.Table> earlier = new HashMap<>();

    /** The stores this step uses: its own three, and the family's entity store, which it reads. */
    public record Stores(String evaluations, String dueDates, String beforeCommit, String entities) {
        public static Stores of(String prefix, String entityTable) {
            return new Stores(prefix + "-evaluations", prefix + "-due-dates", prefix + "-before-commit",
                    entityTable);
        }
    }

    public CellDeltaStep(Stores stores, AsOfDate asOf, int openYears, CellRule<V> rule, Duration reevaluationInterval) {
        this.stores = stores;
        this.asOf = asOf;
        this.openYears = openYears;
        this.rule = rule;
        this.reevaluationInterval = reevaluationInterval;
    }

    @Override
    public void init(ProcessorContext<String, CellCounts> context) {
        this.context = context;
        this.evaluations = context.getStateStore(stores.evaluations());
        this.dueDates = context.getStateStore(stores.dueDates());
        this.entities = context.getStateStore(stores.entities());
        // Afresh on every init: a task revived after an aborted transaction must not send sums of that transaction.
        this.cells = new CellNumbers();
        this.diff = new CellDiff();
        this.pending = new PendingCellSums();
        this.today = null;
        this.earlier.clear();
        BeforeCommitHook hook = context.getStateStore(stores.beforeCommit());
        hook.register(context, this::sendPending);
        context.schedule(reevaluationInterval, PunctuationType.WALL_CLOCK_TIME, this::reevaluateDue);
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
        sendPending();
    }

    /**
     * Moves the entity's contributions from what {@code before} counted as of the date of its last evaluation to
     * what {@code after} counts today. The rule is a function of state and calendar, so working the old
     * contributions out again gives exactly what was added then, and only the date needs to be kept.
     */
    private void evaluate(String entity, V before, V after, long timestamp) {
        CellNumbers.Table now = today();
        EntityEvaluation held = evaluations.get(entity);
        if (held != null && before != null) {
            diff.subtract(rule, before, tableOn(held.getEvaluatedOn()));
        }
        diff.add(rule, after, now);
        diff.addTo(pending, timestamp);
        LocalDate nextChange = diff.nextChange();
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
        if (!diff.countsAnywhere() && nextChange == null) {
            if (held != null) {
                evaluations.delete(entity);
            }
            return;
        }
        EntityEvaluation evaluation = new EntityEvaluation(now.calendar().asOf(), nextChange);
        if (!evaluation.equals(held)) {
            evaluations.put(entity, evaluation);
        }
    }

    /** The cells of an earlier as-of date; entities were last evaluated on only a few distinct dates. */
    private CellNumbers.Table tableOn(LocalDate date) {
        CellNumbers.Table now = today();
        if (date.equals(now.calendar().asOf())) {
            return now;
        }
        if (earlier.size() > EARLIER_CALENDARS) {
            earlier.clear();
        }
        return earlier.computeIfAbsent(date, d -> cells.tableOf(new ReportingCalendar(d, openYears)));
    }

    /** The cells of today's as-of date, built again only when the date moves (a calendar costs more than a cell). */
    private CellNumbers.Table today() {
        LocalDate date = asOf.get();
        if (today == null || !today.calendar().asOf().equals(date)) {
            today = cells.tableOf(new ReportingCalendar(date, openYears));
        }
        return today;
    }

    private void sendPending() {
        if (pending.isEmpty()) {
            return;
        }
        for (PendingCellSums.Sum sum : pending.drain(cells)) {
            context.forward(new Record<>(sum.cell(), new CellCounts(sum.numerator(), sum.denominator()),
                    sum.timestamp()));
        }
    }

    @Override
    public void close() {
        pending = new PendingCellSums();
    }

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
