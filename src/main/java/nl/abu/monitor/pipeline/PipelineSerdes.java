package nl.abu.monitor.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.abu.monitor.serde.AvroSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** One configured Avro serde per record type, for topics, repartitions and state stores alike. */
public final class PipelineSerdes {
    private final Map<String, ?> config;
    private final Map<Class<?>, Serde<?>> serdes = new ConcurrentHashMap<>();

    public PipelineSerdes(Map<String, ?> config) {
        this.config = Map.copyOf(config);
    }

    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> Serde<T> of(Class<T> type) {
        return (Serde<T>) serdes.computeIfAbsent(type, t -> AvroSerdes.valueSerde(type, config));
    }
}
