package nl.abu.monitor.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.IndicatorTarget;
import nl.abu.monitor.families.Families;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.indicator.FamilyTopology;
import nl.abu.monitor.indicator.KeyedEntityFold;
import nl.abu.monitor.ingest.InputChanges;
import nl.abu.monitor.ingest.RecordLifetime;
import nl.abu.monitor.ingest.RecordValidator;
import nl.abu.monitor.output.IndicatorTopics;
import nl.abu.monitor.output.targets.TargetsTable;
import nl.abu.monitor.serde.PipelineSerdes;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;

/** The whole pipeline: every indicator family on the shared input changes. */
public final class PipelineTopology {
    private PipelineTopology() {
    }

    /** The pipeline of every family. */
    public static Topology build(PipelineSettings settings) {
        return build(settings, Families.ALL);
    }

    /** A pipeline of these families alone, on every input (each family's own test is built so). */
    public static Topology build(PipelineSettings settings, List<Family<?>> families) {
        StreamsBuilder builder = new StreamsBuilder();
        PipelineSerdes serdes = new PipelineSerdes(settings.serdeConfig());
        InputChanges inputs = new InputChanges(builder, serdes, new RecordValidator(settings.asOf()), settings.counters(),
                new InputChanges.HeldVersions(lifetimes(families), keyOnlyTopics(families), settings.asOf(),
                        settings.openYears(), settings.dateCheckInterval()));
        builder.globalTable(Topics.INDICATOR_TARGETS,
                Consumed.with(Serdes.String(), serdes.of(IndicatorTarget.class)).withName("indicator-targets-source"),
                serdes.materialized(TargetsTable.NAME, IndicatorTarget.class));
        FamilyTopology cells = new FamilyTopology(builder, serdes, settings.asOf(), settings.openYears(),
                settings.dateCheckInterval());
        IndicatorTopics indicators = new IndicatorTopics(builder, serdes, settings.minimumCellSize(), settings.asOf(),
                settings.openYears(), settings.dateCheckInterval());
        // Every input is validated and versioned, even one that no indicator reads yet: nothing goes unchecked.
        Topics.INPUTS.forEach(inputs::of);
        families.forEach(family -> indicators.publish(family, cells.cellTotals(family, inputs)));
        return builder.build();
    }

    /** How long a record of each input can count: the longest of the lifetimes of the families that read it. */
    static Map<String, RecordLifetime<?>> lifetimes(List<Family<?>> families) {
        Map<String, List<RecordLifetime<?>>> byTopic = new HashMap<>();
        for (Family<?> family : families) {
            family.inputs().forEach(input -> byTopic.computeIfAbsent(input.topic(), t -> new ArrayList<>())
                    .add(input.lifetime()));
        }
        Map<String, RecordLifetime<?>> lifetimes = new HashMap<>();
        byTopic.forEach((topic, each) -> lifetimes.put(topic, RecordLifetime.longestOf(each)));
        return lifetimes;
    }

    /**
     * The inputs whose held versions need not keep their values: every family that reads them takes a record out of
     * its entity by the input key alone, and none of them ever prunes their records (pruning reads the value).
     */
    static Set<String> keyOnlyTopics(List<Family<?>> families) {
        Map<String, Boolean> keyOnly = new HashMap<>();
        for (Family<?> family : families) {
            family.inputs().forEach(input -> keyOnly.merge(input.topic(), input.fold() instanceof KeyedEntityFold
                    && input.lifetime() == RecordLifetime.FOREVER, Boolean::logicalAnd));
        }
        Set<String> topics = new HashSet<>();
        keyOnly.forEach((topic, only) -> {
            if (only) {
                topics.add(topic);
            }
        });
        return topics;
    }
}
