package nl.abu.monitor.ingest;

import java.util.HashMap;
import java.util.Map;
import nl.abu.monitor.pipeline.PipelineSerdes;
import nl.abu.monitor.state.HeldVersion;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The latest truth of each input topic as a table (contract section 1): source, validation, then the
 * version rule. Each topic's nodes are added once, however many indicator families read the table.
 */
public final class InputTables {
    private final StreamsBuilder builder;
    private final PipelineSerdes serdes;
    private final RecordValidator validator;
    private final IngestCounters counters;
    private final Map<String, KTable<String, ?>> tables = new HashMap<>();

    public InputTables(StreamsBuilder builder, PipelineSerdes serdes, RecordValidator validator,
            IngestCounters counters) {
        this.builder = builder;
        this.serdes = serdes;
        this.validator = validator;
        this.counters = counters;
    }

    @SuppressWarnings("unchecked")
    public <V extends SpecificRecord> KTable<String, V> of(String topic) {
        return (KTable<String, V>) tables.computeIfAbsent(topic, this::build);
    }

    private <V extends SpecificRecord> KTable<String, V> build(String topic) {
        @SuppressWarnings("unchecked")
        Class<V> type = (Class<V>) RecordValidator.typeOf(topic);
        String name = nodeName(topic);
        String versionStore = name + "-versions";
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(versionStore),
                Serdes.String(), serdes.of(HeldVersion.class)));
        return builder.stream(topic, Consumed.with(Serdes.String(), serdes.of(type)).withName(name + "-source"))
                .processValues(() -> new ValidationStep<V>(topic, validator), Named.as(name + "-validate"))
                .processValues(() -> new LatestVersionStep<V>(versionStore, counters),
                        Named.as(name + "-latest-version"), versionStore)
                .toTable(Named.as(name + "-table"),
                        serdes.materialized(name + "-table", type));
    }

    /** {@code abu.worker-stays.v1} → {@code worker-stays}: the prefix of every node and store of that input. */
    static String nodeName(String topic) {
        return topic.replaceFirst("^abu\\.", "").replaceFirst("\\.v\\d+$", "");
    }
}
