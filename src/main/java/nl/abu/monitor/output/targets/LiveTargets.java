package nl.abu.monitor.output.targets;

import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * The targets a running instance holds in its global targets table, for readers outside the topology (the API,
 * the metrics). While the table cannot be queried (starting, rebalancing) the last targets read are used.
 */
public final class LiveTargets implements Supplier<Targets> {
    private final KafkaStreams streams;
    private volatile Targets last;

    public LiveTargets(KafkaStreams streams, Targets untilFirstRead) {
        this.streams = streams;
        this.last = untilFirstRead;
    }

    @Override
    public Targets get() {
        try {
            last = TargetsTable.query(streams);
        } catch (InvalidStateStoreException e) {
            // not queryable right now: keep the last targets read
        }
        return last;
    }
}
