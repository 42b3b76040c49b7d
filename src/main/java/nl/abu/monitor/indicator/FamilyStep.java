package nl.abu.monitor.indicator;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.abu.monitor.ingest.InputChange;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.state.CellCounts;
import nl.abu.monitor.state.HeldEntity;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A family's entities and their cells: folds each input change into the entities it belongs to, and turns each
 * entity's change of state into changes of the indicator cells it counts in.
 *
 * <p>A record that moves to another entity (a stay corrected to another worker) leaves the old one and joins the
 * new one; an input partitioned by member brings every entity of the member to this task. This is what
 * {@code KTable#groupBy} and {@code aggregate} do, without their repartition topic, and several inputs fold into
 * one entity, which replaces a KTable-KTable join and its store. An entity whose state does not change (a
 * correction of a field no rule reads) is left alone.
 *
 * <p>Each entity is held with the as-of date of its last evaluation ({@link HeldEntity}), so a change subtracts
 * the old contributions (worked out again from the state before, with that date's calendar) and adds the new:
 * cell totals stay right for past periods too, whatever order the changes come in. Keeping the date rather than
 * the contributions (up to a hundred cells) saves a large store write per change; the price is that a changed cell
 * rule needs the state rebuilt (docs/architecture.md). Keeping it in the entity's own record, rather than a store of
 * its own, saves a read, a write and a changelog record per change.
 *
 * <p>Indicators also move with the as-of date alone (a stay turns long, a deadline passes, a month begins).
 * Each entity is indexed under the next date of its own facts on which its cells may change; a wall-clock
 * punctuation re-evaluates the entities whose date the as-of date has reached. When a month begins (a new period,
 * and in January a year that leaves the open years), it re-evaluates every entity last evaluated before that month
 * which counts somewhere, found by a scan of the entity store: that is nearly every entity an index of month
 * starts would hold, and such an index cost a changelogged write for nearly every new entity. The month last
 * scanned is held in the index under a key no entity has, so a restart does not scan again.
 *
 * <p>One entity change touches up to a hundred cells (a worker counts in every period of its stay, in two
 * scopes), and the family has only a few thousand cells. So the changes are summed per cell in memory and sent on
 * as one change per cell just before each commit of the task ({@link BeforeCommitHook}), instead of one record
 * per entity and cell: at a national year that was most of the pipeline's work (docs/benchmarks.md). Sums of
 * changes give the same totals, and as they leave in the transaction of the inputs they came from, nothing
 * pending needs to survive a crash. A cell touched only by changes that cancel out still gets its (zero) change.
 */
public final class FamilyStep<A> implements Processor<String, InputChange<?>, String, CellCounts> {
    private static final int SCAN_BATCH = 10_000;

    private final Family<A> family;
    private final Stores stores;
    private final Map<String, EntityFold<?, A>> folds = new HashMap<>();
    private final AsOfDate asOf;
    private final int openYears;
    private final Duration reevaluationInterval;
    private ProcessorContext<String, CellCounts> context;
    private KeyValueStore<String, HeldEntity> entities;
    private DueDateIndex dueDates;
    private CellTables tables;
    private CellDiff diff;
    private PendingCellSums pending;

    /** The stores of a family's step. */
    public record Stores(String entities, String dueDates, String beforeCommit) {
        public static Stores of(Family<?> family) {
            return new Stores(family.entityStore(), family.name() + "-due-dates", family.name() + "-before-commit");
        }
    }

    public FamilyStep(Family<A> family, AsOfDate asOf, int openYears, Duration reevaluationInterval) {
        this.family = family;
        this.stores = Stores.of(family);
        family.inputs().forEach(input -> folds.put(input.topic(), input.fold()));
        this.asOf = asOf;
        this.openYears = openYears;
        this.reevaluationInterval = reevaluationInterval;
    }

    @Override
    public void init(ProcessorContext<String, CellCounts> context) {
        this.context = context;
        this.entities = context.getStateStore(stores.entities());
        this.dueDates = new DueDateIndex(context.getStateStore(stores.dueDates()));
        // Afresh on every init: a task revived after an aborted transaction must not send sums of that transaction.
        this.tables = new CellTables(asOf, openYears);
        this.diff = new CellDiff();
        this.pending = new PendingCellSums();
        BeforeCommitHook hook = context.getStateStore(stores.beforeCommit());
        hook.register(context, this::sendPending);
        // A month that began while the task was away is caught up at once; the sums leave with the first commit.
        reevaluateIfMonthBegan(context.currentSystemTimeMs());
        context.schedule(reevaluationInterval, PunctuationType.WALL_CLOCK_TIME, this::reevaluateDue);
    }

    @Override
    public void process(Record<String, InputChange<?>> record) {
        fold(record.key(), record.value(), record.timestamp());
    }

    private <I> void fold(String key, InputChange<I> change, long timestamp) {
        @SuppressWarnings("unchecked")
        EntityFold<I, A> fold = (EntityFold<I, A>) folds.get(change.topic());
        I before = change.before();
        I after = change.after();
        String left = !change.replaces() ? null
                : before != null ? fold.entityOf(key, before) : keyed(fold).entityOf(key);
        String joined = after == null ? null : fold.entityOf(key, after);
        if (left != null && left.equals(joined)) {
            HeldEntity held = entities.get(left);
            A state = stateOf(held);
            A without = state == null ? null : removed(fold, state, key, before);
            update(left, held, state, fold.add(without, key, after), fold, timestamp);
            return;
        }
        if (left != null) {
            HeldEntity held = entities.get(left);
            A state = stateOf(held);
            if (state != null) {
                update(left, held, state, removed(fold, state, key, before), fold, timestamp);
            }
        }
        if (joined != null) {
            HeldEntity held = entities.get(joined);
            A state = stateOf(held);
            update(joined, held, state, fold.add(state, key, after), fold, timestamp);
        }
    }

    /** The state without the input key's part: by the value it replaces, or by its key where no value was kept. */
    private A removed(EntityFold<?, A> fold, A state, String key, Object before) {
        @SuppressWarnings("unchecked")
        EntityFold<Object, A> byValue = (EntityFold<Object, A>) fold;
        return before != null ? byValue.remove(state, key, before) : keyed(fold).remove(state, key);
    }

    private KeyedEntityFold<?, A> keyed(EntityFold<?, A> fold) {
        if (fold instanceof KeyedEntityFold<?, A> keyed) {
            return keyed;
        }
        throw new IllegalStateException("A version of " + family.name() + "'s input was held without its value, but "
                + fold.getClass().getSimpleName() + " needs it to take the version out of its entity");
    }

    private void update(String entity, HeldEntity held, A before, A next, EntityFold<?, A> fold, long timestamp) {
        A after = next == null || fold.isEmpty(next) ? null : next;
        if (!Objects.equals(before, after)) {
            evaluate(entity, held, before, after, timestamp);
        }
    }

    private void reevaluateDue(long now) {
        reevaluateIfMonthBegan(now);
        for (String entity : dueDates.dueBy(asOf.get())) {
            HeldEntity held = entities.get(entity);
            A state = stateOf(held);
            evaluate(entity, held, state, state, now);
        }
        sendPending();
    }

    private void reevaluateIfMonthBegan(long now) {
        LocalDate date = asOf.get();
        YearMonth month = YearMonth.from(date);
        if (!dueDates.isScanned(month)) {
            reevaluateEvaluatedBefore(date.withDayOfMonth(1), now);
            dueDates.markScanned(month);
        }
    }

    /** Re-evaluates every entity that was last evaluated before {@code monthStart} and counted somewhere then. */
    private void reevaluateEvaluatedBefore(LocalDate monthStart, long now) {
        String from = "";
        List<KeyValue<String, HeldEntity>> batch;
        do {
            batch = new ArrayList<>();
            try (KeyValueIterator<String, HeldEntity> it = entities.range(from, null)) {
                while (it.hasNext() && batch.size() < SCAN_BATCH) {
                    KeyValue<String, HeldEntity> kv = it.next();
                    from = kv.key + "\u0000";
                    LocalDate evaluatedOn = kv.value.getEvaluatedOn();
                    if (evaluatedOn != null && evaluatedOn.isBefore(monthStart)) {
                        batch.add(kv);
                    }
                }
            }
            for (KeyValue<String, HeldEntity> kv : batch) {
                A state = stateOf(kv.value);
                evaluate(kv.key, kv.value, state, state, now);
            }
        } while (!batch.isEmpty());
    }

    /**
     * Moves the entity's contributions from what {@code before} counted as of the date of its last evaluation to
     * what {@code after} counts today, and holds {@code after} with today's date. The rule is a function of state
     * and calendar, so working the old contributions out again gives exactly what was added then.
     */
    private void evaluate(String entity, HeldEntity held, A before, A after, long timestamp) {
        CellNumbers.Table now = tables.today();
        LocalDate evaluatedOn = held == null ? null : held.getEvaluatedOn();
        if (evaluatedOn != null && before != null) {
            diff.subtract(family.rule(), before, tables.on(evaluatedOn));
        }
        diff.add(family.rule(), after, now);
        boolean cellsChanged = diff.addTo(pending, timestamp);
        LocalDate nextChange = diff.nextOwnChange();
        LocalDate heldChange = held == null ? null : held.getNextChange();
        // Each write is also a changelog record under exactly-once, so what did not change is not written again.
        dueDates.move(entity, heldChange, nextChange);
        if (after == null) {
            if (held != null) {
                entities.delete(entity);
            }
            return;
        }
        LocalDate nowEvaluatedOn = diff.countsAnywhere() || nextChange != null ? now.calendar().asOf() : null;
        boolean stateChanged = before != after; // the same object when only the date moved
        // When neither state nor cells nor next date changed, the old calendar still gives the entity's cells, so
        // the record need not be written again for the new date alone.
        if (held == null || stateChanged || cellsChanged || !Objects.equals(heldChange, nextChange)
                || (evaluatedOn == null) != (nowEvaluatedOn == null)) {
            entities.put(entity, new HeldEntity(after, nowEvaluatedOn, nextChange));
        }
    }

    @SuppressWarnings("unchecked")
    private A stateOf(HeldEntity held) {
        return held == null ? null : (A) held.getState();
    }

    private void sendPending() {
        if (pending.isEmpty()) {
            return;
        }
        for (PendingCellSums.Sum sum : pending.drain(tables.numbers())) {
            context.forward(new Record<>(sum.cell(), new CellCounts(sum.numerator(), sum.denominator()),
                    sum.timestamp()));
        }
    }

    @Override
    public void close() {
        pending = new PendingCellSums();
    }
}
