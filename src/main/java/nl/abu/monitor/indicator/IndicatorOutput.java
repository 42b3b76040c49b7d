package nl.abu.monitor.indicator;

import nl.abu.monitor.Topics;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.pipeline.PipelineSerdes;
import nl.abu.monitor.state.CellCounts;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/** Sums a family's cell changes into its indicator table and publishes each new value on the output topic. */
public final class IndicatorOutput {
    private final PipelineSerdes serdes;
    private final IndicatorValues values;
    private final AsOfDate asOf;

    public IndicatorOutput(PipelineSerdes serdes, IndicatorValues values, AsOfDate asOf) {
        this.serdes = serdes;
        this.values = values;
        this.asOf = asOf;
    }

    /** The name of the store that holds a family's indicator table. */
    public static String totalsStoreOf(String family) {
        return family + "-cell-totals";
    }

    /** The family's indicator table, keyed {@code indicator|period|scope}; its store is {@link #totalsStoreOf}. */
    public KTable<String, CellCounts> publish(String family, KStream<String, CellCounts> cellChanges) {
        KTable<String, CellCounts> totals = cellChanges
                .groupByKey(Grouped.with(family + "-cell-changes", Serdes.String(), serdes.of(CellCounts.class)))
                .aggregate(() -> new CellCounts(0L, 0L),
                        (cell, change, total) -> new CellCounts(total.getNumerator() + change.getNumerator(),
                                total.getDenominator() + change.getDenominator()),
                        Named.as(totalsStoreOf(family)),
                        Materialized.<String, CellCounts, KeyValueStore<Bytes, byte[]>>as(totalsStoreOf(family))
                                .withKeySerde(Serdes.String()).withValueSerde(serdes.of(CellCounts.class)));
        totals.toStream(Named.as(family + "-cell-totals-changes"))
                .mapValues((cell, total) -> valueOf(cell, total), Named.as(family + "-indicator-values"))
                .to(Topics.INDICATORS, Produced.with(Serdes.String(), serdes.of(IndicatorValue.class))
                        .withName(family + "-indicators-sink"));
        return totals;
    }

    private IndicatorValue valueOf(String cell, CellCounts total) {
        return values.of(IndicatorCell.parse(cell), total.getNumerator(), total.getDenominator(), asOf.get());
    }
}
