package nl.abu.monitor.indicator;

import java.time.Duration;
import nl.abu.monitor.ingest.InputChange;
import nl.abu.monitor.ingest.InputChanges;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.serde.PipelineSerdes;
import nl.abu.monitor.state.CellCounts;
import nl.abu.monitor.state.HeldEntity;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The part of the topology every indicator family shares: from the changes of the family's inputs, its entities
 * ({@link FamilyStep}) and the totals of its indicator cells, a table keyed {@code indicator|period|scope}. What is
 * published from the totals is added by {@code output.IndicatorTopics}.
 */
public final class FamilyTopology {
    private final StreamsBuilder builder;
    private final PipelineSerdes serdes;
    private final AsOfDate asOf;
    private final int openYears;
    private final Duration dateCheckInterval;

    public FamilyTopology(StreamsBuilder builder, PipelineSerdes serdes, AsOfDate asOf, int openYears,
            Duration dateCheckInterval) {
        this.builder = builder;
        this.serdes = serdes;
        this.asOf = asOf;
        this.openYears = openYears;
        this.dateCheckInterval = dateCheckInterval;
    }

    /**
     * Adds the family's stores, its entity step and the sum of its cell changes to the topology.
     * @return the family's cell totals, materialized in {@link Family#totalsStore()}
     */
    public <A> KTable<String, CellCounts> cellTotals(Family<A> family, InputChanges inputs) {
        FamilyStep.Stores stores = FamilyStep.Stores.of(family);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(stores.entities()),
                Serdes.String(), serdes.of(HeldEntity.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(stores.dueDates()),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(BeforeCommitHook.builder(stores.beforeCommit()));
        return changesOf(family, inputs)
                .process(() -> new FamilyStep<A>(family, asOf, openYears, dateCheckInterval),
                        Named.as(family.name() + "-cells"), stores.entities(), stores.dueDates(), stores.beforeCommit())
                .groupByKey(Grouped.with(family.name() + "-cell-changes", Serdes.String(), serdes.of(CellCounts.class)))
                .aggregate(() -> new CellCounts(0L, 0L),
                        (cell, change, total) -> new CellCounts(total.getNumerator() + change.getNumerator(),
                                total.getDenominator() + change.getDenominator()),
                        Named.as(family.totalsStore()),
                        serdes.cachedMaterialized(family.totalsStore(), CellCounts.class));
    }

    /** The changes of all of the family's inputs, as one stream. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static KStream<String, InputChange<?>> changesOf(Family<?> family, InputChanges inputs) {
        KStream<String, InputChange<?>> changes = null;
        for (Family.Input<?, ?> input : family.inputs()) {
            KStream<String, InputChange<?>> of = (KStream) inputs.of(input.topic());
            changes = changes == null ? of : changes.merge(of, Named.as(family.name() + "-"
                    + InputChanges.nodeName(input.topic()) + "-changes"));
        }
        return changes;
    }
}
