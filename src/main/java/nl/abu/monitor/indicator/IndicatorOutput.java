package nl.abu.monitor.indicator;

import java.time.Duration;
import nl.abu.monitor.Topics;
import nl.abu.monitor.events.IndicatorAlert;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.pipeline.PipelineSerdes;
import nl.abu.monitor.state.CellCounts;
import nl.abu.monitor.ingest.EntityChange;
import nl.abu.monitor.state.EntityEvaluation;
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
     * Adds the family's cells and totals to the topology.
     * @param entityChanges the changes of the entities' states, whose current states are in the store named
     *     {@code entityStore}
     */
    public <V> KTable<String, CellCounts> publish(String family, KStream<String, EntityChange<V>> entityChanges,
            String entityStore, CellRule<V> rule) {
        CellDeltaStep.Stores stores = CellDeltaStep.Stores.of(family, entityStore);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(stores.evaluations()),
                Serdes.String(), serdes.of(EntityEvaluation.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(stores.dueDates()),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(BeforeCommitHook.builder(stores.beforeCommit()));
        KTable<String, CellCounts> totals = entityChanges
                .process(() -> new CellDeltaStep<V>(stores, asOf, openYears, rule, dateCheckInterval),
                        Named.as(family + "-cells"), stores.evaluations(), stores.dueDates(), stores.beforeCommit(),
                        stores.entities())
                .groupByKey(Grouped.with(family + "-cell-changes", Serdes.String(), serdes.of(CellCounts.class)))
                .aggregate(() -> new CellCounts(0L, 0L),
                        (cell, change, total) -> new CellCounts(total.getNumerator() + change.getNumerator(),
                                total.getDenominator() + change.getDenominator()),
                        Named.as(totalsStoreOf(family)),
                        serdes.cachedMaterialized(totalsStoreOf(family), CellCounts.class));
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
        return totals;
    }
}
