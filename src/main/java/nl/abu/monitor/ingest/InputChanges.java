package nl.abu.monitor.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import nl.abu.monitor.contract.InputTopic;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.serde.PipelineSerdes;
import nl.abu.monitor.state.HeldVersion;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The changes of each input topic's latest truth (contract section 1): source, validation, one repartition by
 * member, then the version rule. After the repartition every record of a member is in the same task, so the
 * indicator families build their entities there without another hop. Each topic's nodes are added once, however
 * many families read its changes.
 */
public final class InputChanges {
    private final StreamsBuilder builder;
    private final PipelineSerdes serdes;
    private final RecordValidator validator;
    private final IngestCounters counters;
    private final HeldVersions versions;
    private final Map<String, KStream<String, ?>> changes = new HashMap<>();

    /**
     * What the versions of each input keep, and when they can be pruned: their lifetimes by topic (an input without
     * one is kept for good), the topics whose values are not kept (their families need only the key, see
     * {@code indicator.KeyedEntityFold}), and the as-of date and open years that say which periods are open, checked
     * every {@code checkInterval}.
     */
    public record HeldVersions(Map<String, RecordLifetime<?>> lifetimes, Set<String> keyOnlyTopics, AsOfDate asOf,
            int openYears, Duration checkInterval) {
        public HeldVersions {
            lifetimes = Map.copyOf(lifetimes);
            keyOnlyTopics = Set.copyOf(keyOnlyTopics);
        }

        @SuppressWarnings("unchecked")
        <V> RecordLifetime<V> lifetimeOf(String topic) {
            return (RecordLifetime<V>) lifetimes.getOrDefault(topic, RecordLifetime.FOREVER);
        }
    }

    public InputChanges(StreamsBuilder builder, PipelineSerdes serdes, RecordValidator validator,
            IngestCounters counters, HeldVersions versions) {
        this.builder = builder;
        this.serdes = serdes;
        this.validator = validator;
        this.counters = counters;
        this.versions = versions;
    }

    @SuppressWarnings("unchecked")
    public <V extends SpecificRecord> KStream<String, InputChange<V>> of(String topic) {
        return (KStream<String, InputChange<V>>) changes.computeIfAbsent(topic, this::build);
    }

    private <V extends SpecificRecord> KStream<String, InputChange<V>> build(String topic) {
        @SuppressWarnings("unchecked")
        Class<V> type = (Class<V>) InputTopic.of(topic).recordType();
        String name = nodeName(topic);
        String versionStore = name + "-versions";
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(versionStore),
                Serdes.String(), serdes.of(HeldVersion.class)));
        Consumed<String, V> consumed = Consumed.with(Serdes.String(), serdes.of(type)).withName(name + "-source");
        InputTopic input = InputTopic.of(topic);
        // Members' own topics (contract 9.1) by pattern, so one created later is consumed without a restart.
        KStream<String, V> source = input.hasMemberTopics() ? builder.stream(input.sources(), consumed)
                : builder.stream(topic, consumed);
        return source
                .processValues(() -> new ValidationStep<V>(topic, validator), Named.as(name + "-validate"))
                .repartition(Repartitioned.<String, V>as(name + "-by-member")
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.of(type))
                        .withStreamPartitioner(new MemberPartitioner<>()))
                .process(() -> new LatestVersionStep<V>(topic, versionStore, counters, versions.lifetimeOf(topic),
                        !versions.keyOnlyTopics().contains(topic), versions.asOf(), versions.openYears(),
                        versions.checkInterval()),
                        Named.as(name + "-latest-version"), versionStore);
    }

    /** {@code abu.worker-stays.v1} → {@code worker-stays}: the prefix of every node and store of that input. */
    public static String nodeName(String topic) {
        return InputTopic.of(topic).shortName();
    }
}
