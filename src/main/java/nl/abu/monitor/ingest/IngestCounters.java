package nl.abu.monitor.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Counts input records by what became of them. Tag values come from bounded sets: the input topics and
 * {@link RejectionReason}.
 */
public final class IngestCounters {
    /** Config key under which the pipeline hands this object to the exception handlers Kafka Streams creates. */
    public static final String CONFIG_KEY = "monitor.ingest.counters";

    private final MeterRegistry registry;

    public IngestCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counters that go nowhere, for tests and tools that export no metrics. */
    public static IngestCounters unexported() {
        return new IngestCounters(new SimpleMeterRegistry());
    }

    public void accepted(String topic) {
        Counter.builder("abu_records_accepted").description("Input records whose version became the truth")
                .tag("topic", topic).register(registry).increment();
    }

    public void stale(String topic) {
        Counter.builder("abu_records_stale")
                .description("Input records ignored as stale or repeated versions (recordedAt not newer than held)")
                .tag("topic", topic).register(registry).increment();
    }

    public void rejected(String topic, RejectionReason reason) {
        Counter.builder("abu_records_rejected").description("Input records sent to the dead-letter topic")
                .tag("topic", topic).tag("reason", reason.name()).register(registry).increment();
    }

    static IngestCounters from(java.util.Map<String, ?> configs) {
        Object counters = configs.get(CONFIG_KEY);
        return counters instanceof IngestCounters c ? c : unexported();
    }
}
