package nl.abu.monitor.pipeline;

import java.util.List;
import nl.abu.monitor.Topics;
import nl.abu.monitor.brp.BrpTopology;
import nl.abu.monitor.eures.EuresTopology;
import nl.abu.monitor.events.IndicatorTarget;
import nl.abu.monitor.housing.HousingTopology;
import nl.abu.monitor.indicator.IndicatorOutput;
import nl.abu.monitor.indicator.TargetsStore;
import nl.abu.monitor.ingest.InputChanges;
import nl.abu.monitor.ingest.RecordValidator;
import nl.abu.monitor.language.LanguageTopology;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;

/** The whole pipeline: every indicator family on the shared input changes. */
public final class PipelineTopology {
    /** Every indicator family; each keeps its indicator table in {@code IndicatorOutput.totalsStoreOf(family)}. */
    public static final List<String> FAMILIES = List.of(LanguageTopology.FAMILY, EuresTopology.PLACEMENTS,
            EuresTopology.MEMBERS, BrpTopology.FAMILY, HousingTopology.FAMILY);

    private PipelineTopology() {
    }

    public static Topology build(PipelineSettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        PipelineSerdes serdes = new PipelineSerdes(settings.serdeConfig());
        InputChanges inputs = new InputChanges(builder, serdes, new RecordValidator(settings.asOf()), settings.counters());
        builder.globalTable(Topics.INDICATOR_TARGETS,
                Consumed.with(Serdes.String(), serdes.of(IndicatorTarget.class)).withName("indicator-targets-source"),
                serdes.materialized(TargetsStore.NAME, IndicatorTarget.class));
        IndicatorOutput output = new IndicatorOutput(builder, serdes, settings.minimumCellSize(), settings.asOf(),
                settings.openYears(), settings.dateCheckInterval());
        // Every input is validated and versioned, even one that no indicator reads yet: nothing goes unchecked.
        Topics.INPUTS.forEach(inputs::of);
        new LanguageTopology(builder, inputs, serdes, output).build();
        new EuresTopology(builder, inputs, serdes, output).build();
        new BrpTopology(builder, inputs, serdes, output).build();
        new HousingTopology(builder, inputs, serdes, output).build();
        return builder.build();
    }
}
