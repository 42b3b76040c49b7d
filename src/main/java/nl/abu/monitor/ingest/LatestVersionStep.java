package nl.abu.monitor.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.HeldVersion;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
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
 *
 * <p>When the open years move on (the as-of date enters a new year), a version whose facts can no longer count in any
 * open period ({@link RecordLifetime}) is pruned: its value is forgotten, as by a retraction, and forwarded as
 * retracted so that the families take it out of their entities, while its {@code recordedAt} is kept, so that a
 * delayed older version still cannot bring it back. The first open day last pruned for is held under a key no input
 * can have.
 */
final class LatestVersionStep<V extends SpecificRecord> implements Processor<String, V, String, InputChange<V>> {
    private static final Logger LOG = LoggerFactory.getLogger(LatestVersionStep.class);
    /** Input keys begin with a memberId ({@code [A-Za-z0-9-]}), so no input key sorts or looks like this one. */
    static final String PRUNED_BEFORE_KEY = "\u0000pruned-before";
    private static final int PRUNE_BATCH = 10_000;

    private final String topic;
    private final String storeName;
    private final IngestCounters counters;
    private final RecordLifetime<V> lifetime;
    private final boolean keepValues;
    private final AsOfDate asOf;
    private final int openYears;
    private final Duration pruneCheckInterval;
    private ProcessorContext<String, InputChange<V>> context;
    private KeyValueStore<String, HeldVersion> versions;

    /**
     * @param topic the input topic; the records come through a repartition topic, so metadata would name that
     * @param keepValues false for an input whose families take a version out of their entities by its key alone
     *     (and whose records are never pruned): its values are then not held, which saves most of its state
     */
    LatestVersionStep(String topic, String storeName, IngestCounters counters, RecordLifetime<V> lifetime,
            boolean keepValues, AsOfDate asOf, int openYears, Duration pruneCheckInterval) {
        this.topic = topic;
        this.storeName = storeName;
        this.counters = counters;
        this.lifetime = lifetime;
        this.keepValues = keepValues;
        this.asOf = asOf;
        this.openYears = openYears;
        this.pruneCheckInterval = pruneCheckInterval;
    }

    @Override
    public void init(ProcessorContext<String, InputChange<V>> context) {
        this.context = context;
        this.versions = context.getStateStore(storeName);
        context.schedule(pruneCheckInterval, PunctuationType.WALL_CLOCK_TIME, this::pruneIfYearsMoved);
    }

    @Override
    public void process(Record<String, V> record) {
        V value = record.value();
        Instant version = value == null ? Instant.ofEpochMilli(record.timestamp()) : recordedAt(value);
        HeldVersion held = versions.get(record.key());
        if (held != null && !version.isAfter(held.getRecordedAt())) {
            LOG.debug("Stale version on {} ignored", topic);
            counters.stale(topic);
            return;
        }
        versions.put(record.key(), new HeldVersion(version, keepValues ? value : null, value != null));
        counters.accepted(topic);
        @SuppressWarnings("unchecked")
        V before = held == null ? null : (V) held.getValue();
        boolean replaces = held != null && (before != null || held.getPresent());
        if (value != null || replaces) {
            context.forward(record.withValue(new InputChange<>(topic, before, value, replaces)));
        }
    }

    private void pruneIfYearsMoved(long now) {
        if (!keepValues) {
            return;
        }
        LocalDate firstOpenDay = new ReportingCalendar(asOf.get(), openYears).firstOpenDay();
        HeldVersion mark = versions.get(PRUNED_BEFORE_KEY);
        if (mark != null && !firstOpenDay.isAfter(dayOf(mark.getRecordedAt()))) {
            return;
        }
        long pruned = 0;
        String from = "";
        List<KeyValue<String, HeldVersion>> batch;
        do {
            batch = prunable(from, firstOpenDay);
            for (KeyValue<String, HeldVersion> kv : batch) {
                versions.put(kv.key, new HeldVersion(kv.value.getRecordedAt(), null, false));
                @SuppressWarnings("unchecked")
                V before = (V) kv.value.getValue();
                context.forward(new Record<>(kv.key, new InputChange<>(topic, before, null, true), now));
                from = kv.key + "\u0000";
            }
            pruned += batch.size();
        } while (batch.size() == PRUNE_BATCH);
        versions.put(PRUNED_BEFORE_KEY, new HeldVersion(firstOpenDay.atStartOfDay(ZoneOffset.UTC).toInstant(), null,
                false));
        if (pruned > 0) {
            LOG.info("Pruned {} versions on {} that can no longer count in a period from {} on", pruned, topic,
                    firstOpenDay);
        }
    }

    /** Up to a batch of held values, from key {@code from} on, that can no longer count from {@code firstOpenDay}. */
    private List<KeyValue<String, HeldVersion>> prunable(String from, LocalDate firstOpenDay) {
        List<KeyValue<String, HeldVersion>> batch = new ArrayList<>();
        try (KeyValueIterator<String, HeldVersion> it = versions.range(from, null)) {
            while (it.hasNext() && batch.size() < PRUNE_BATCH) {
                KeyValue<String, HeldVersion> kv = it.next();
                @SuppressWarnings("unchecked")
                V value = (V) kv.value.getValue();
                if (value == null || kv.key.equals(PRUNED_BEFORE_KEY)) {
                    continue;
                }
                LocalDate lastDay = lifetime.lastDay(value);
                if (lastDay != null && lastDay.isBefore(firstOpenDay)) {
                    batch.add(kv);
                }
            }
        }
        return batch;
    }

    private static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static Instant recordedAt(SpecificRecord value) {
        return (Instant) value.get(value.getSchema().getField("recordedAt").pos());
    }
}
