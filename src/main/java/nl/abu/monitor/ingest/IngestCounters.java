package nl.abu.monitor.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts input records by what became of them. Tag values come from bounded sets: the input topics and
 * {@link RejectionReason}.
 */
public final class IngestCounters {
    /** Config key under which the pipeline hands this object to the exception handlers Kafka Streams creates. */
    public static final String CONFIG_KEY = "monitor.ingest.counters";

    private final MeterRegistry registry;
    // Registering looks the meter up by name and tags: once per input record that was a few percent of the stream
    // thread (docs/benchmarks.md), so each topic's counters are looked up once.
    private final Map<String, Counter> accepted = new ConcurrentHashMap<>();
    private final Map<String, Counter> stale = new ConcurrentHashMap<>();

    public IngestCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counters that go nowhere, for tests and tools that export no metrics. */
    public static IngestCounters unexported() {
        return new IngestCounters(new SimpleMeterRegistry());
    }

    /**
     * Registers the accepted and stale counters of {@code topics} at 0, so that Prometheus sees every input topic
     * from the start: a counter that first appears at its topic's first count hides that increase from
     * {@code rate()}, and a topic that never had a record could not be found silent (AbuInputTopicSilent).
     */
    public void startAtZero(Iterable<String> topics) {
        for (String topic : topics) {
            acceptedCounter(topic);
            staleCounter(topic);
        }
    }

    public void accepted(String topic) {
        acceptedCounter(topic).increment();
    }

    public void stale(String topic) {
        staleCounter(topic).increment();
    }

    private Counter acceptedCounter(String topic) {
        return accepted.computeIfAbsent(topic, t -> Counter.builder("abu_records_accepted")
                .description("Input records whose version became the truth").tag("topic", t).register(registry));
    }

    private Counter staleCounter(String topic) {
        return stale.computeIfAbsent(topic, t -> Counter.builder("abu_records_stale")
                .description("Input records ignored as stale or repeated versions (recordedAt not newer than held)")
                .tag("topic", t).register(registry));
    }

    public void rejected(String topic, RejectionReason reason) {
        Counter.builder("abu_records_rejected").description("Input records sent to the dead-letter topic")
                .tag("topic", topic).tag("reason", reason.name()).register(registry).increment();
    }

    static IngestCounters from(Map<String, ?> configs) {
        Object counters = configs.get(CONFIG_KEY);
        return counters instanceof IngestCounters c ? c : unexported();
    }
}
