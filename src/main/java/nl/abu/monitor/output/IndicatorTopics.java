package nl.abu.monitor.output;

import java.time.Duration;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.IndicatorAlert;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.serde.PipelineSerdes;
import nl.abu.monitor.state.CellCounts;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * From a family's cell totals, its indicator values on {@code abu.indicators.v1} and the changes of their status
 * on {@code abu.indicator-alerts.v1}, judged against the targets in force.
 */
public final class IndicatorTopics {
    private final StreamsBuilder builder;
    private final PipelineSerdes serdes;
    private final int minimumCellSize;
    private final AsOfDate asOf;
    private final int openYears;
    private final Duration dateCheckInterval;

    public IndicatorTopics(StreamsBuilder builder, PipelineSerdes serdes, int minimumCellSize, AsOfDate asOf,
            int openYears, Duration dateCheckInterval) {
        this.builder = builder;
        this.serdes = serdes;
        this.minimumCellSize = minimumCellSize;
        this.asOf = asOf;
        this.openYears = openYears;
        this.dateCheckInterval = dateCheckInterval;
    }

    public void publish(Family<?> family, KTable<String, CellCounts> totals) {
        String name = family.name();
        String statusStore = name + "-alert-statuses";
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(statusStore),
                Serdes.String(), Serdes.String()));
        totals.toStream(Named.as(name + "-cell-totals-changes"))
                .process(() -> new IndicatorEmitStep(family.totalsStore(), statusStore, minimumCellSize, asOf,
                        openYears, dateCheckInterval), Named.as(name + "-indicator-values"), family.totalsStore(),
                        statusStore)
                .split(Named.as(name + "-output-"))
                .branch((cell, record) -> record instanceof IndicatorAlert, Branched.withConsumer(alerts -> alerts
                        .mapValues(record -> (IndicatorAlert) record, Named.as(name + "-alerts"))
                        .to(Topics.INDICATOR_ALERTS, Produced.with(Serdes.String(), serdes.of(IndicatorAlert.class))
                                .withName(name + "-alerts-sink")), "alerts"))
                .defaultBranch(Branched.withConsumer(values -> values
                        .mapValues(record -> (IndicatorValue) record, Named.as(name + "-values"))
                        .to(Topics.INDICATORS, Produced.with(Serdes.String(), serdes.of(IndicatorValue.class))
                                .withName(name + "-indicators-sink")), "values"));
    }
}
