package nl.abu.monitor.indicator;

import java.time.Duration;
import nl.abu.monitor.Topics;
import nl.abu.monitor.events.IndicatorAlert;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.pipeline.PipelineSerdes;
import nl.abu.monitor.state.CellCounts;
import nl.abu.monitor.ingest.InputChange;
import nl.abu.monitor.ingest.InputChanges;
import nl.abu.monitor.state.HeldEntity;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The part every indicator family shares: from a table of entities (workers, stays, members, housing units) and
 * the family's {@link CellRule}, the cell totals of its indicators, published on {@code abu.indicators.v1}.
 */
public final class IndicatorOutput {
    private final StreamsBuilder builder;
    private final PipelineSerdes serdes;
    private final int minimumCellSize;
    private final AsOfDate asOf;
    private final int openYears;
    private final Duration dateCheckInterval;

    public IndicatorOutput(StreamsBuilder builder, PipelineSerdes serdes, int minimumCellSize, AsOfDate asOf,
            int openYears, Duration dateCheckInterval) {
        this.builder = builder;
        this.serdes = serdes;
        this.minimumCellSize = minimumCellSize;
        this.asOf = asOf;
        this.openYears = openYears;
        this.dateCheckInterval = dateCheckInterval;
    }

    /** The name of the store that holds a family's indicator table, keyed {@code indicator|period|scope}. */
    public static String totalsStoreOf(String family) {
        return family + "-cell-totals";
    }

    /**
     * Adds the family's entities, cells and totals to the topology, fed by the changes of its inputs.
     * @return the family's indicator table
     */
    public <A> KTable<String, CellCounts> publish(Family<A> family, InputChanges inputs) {
        FamilyStep.Stores stores = FamilyStep.Stores.of(family);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(stores.entities()),
                Serdes.String(), serdes.of(HeldEntity.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(stores.dueDates()),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(BeforeCommitHook.builder(stores.beforeCommit()));
        KTable<String, CellCounts> totals = changesOf(family, inputs)
                .process(() -> new FamilyStep<A>(family, asOf, openYears, dateCheckInterval),
                        Named.as(family.name() + "-cells"), stores.entities(), stores.dueDates(), stores.beforeCommit())
                .groupByKey(Grouped.with(family.name() + "-cell-changes", Serdes.String(), serdes.of(CellCounts.class)))
                .aggregate(() -> new CellCounts(0L, 0L),
                        (cell, change, total) -> new CellCounts(total.getNumerator() + change.getNumerator(),
                                total.getDenominator() + change.getDenominator()),
                        Named.as(totalsStoreOf(family.name())),
                        serdes.cachedMaterialized(totalsStoreOf(family.name()), CellCounts.class));
        publishValuesAndAlerts(family.name(), totals);
        return totals;
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

    private void publishValuesAndAlerts(String family, KTable<String, CellCounts> totals) {
        String statusStore = family + "-alert-statuses";
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(statusStore),
                Serdes.String(), Serdes.String()));
        totals.toStream(Named.as(family + "-cell-totals-changes"))
                .process(() -> new IndicatorEmitStep(totalsStoreOf(family), statusStore, minimumCellSize, asOf,
                        openYears, dateCheckInterval), Named.as(family + "-indicator-values"), totalsStoreOf(family),
                        statusStore)
                .split(Named.as(family + "-output-"))
                .branch((cell, record) -> record instanceof IndicatorAlert, Branched.withConsumer(alerts -> alerts
                        .mapValues(record -> (IndicatorAlert) record, Named.as(family + "-alerts"))
                        .to(Topics.INDICATOR_ALERTS, Produced.with(Serdes.String(), serdes.of(IndicatorAlert.class))
                                .withName(family + "-alerts-sink")), "alerts"))
                .defaultBranch(Branched.withConsumer(values -> values
                        .mapValues(record -> (IndicatorValue) record, Named.as(family + "-values"))
                        .to(Topics.INDICATORS, Produced.with(Serdes.String(), serdes.of(IndicatorValue.class))
                                .withName(family + "-indicators-sink")), "values"));
    }
}
