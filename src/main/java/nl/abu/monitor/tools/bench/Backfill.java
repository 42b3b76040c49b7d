package nl.abu.monitor.tools.bench;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.Map;
import nl.abu.monitor.tools.publish.Publisher;
import nl.abu.monitor.tools.simulator.SimulatedRecord;

/** Publishes simulated records before the pipeline starts, each stamped with its version time. */
final class Backfill {

    private Backfill() {
    }

    /** @param seconds how long generating and publishing took */
    record Result(long events, double seconds) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    static Result publish(Iterator<SimulatedRecord> records, String bootstrapServers, Map<String, ?> serdeConfig,
            PrintStream progress) {
        long started = System.nanoTime();
        long sent = 0;
        try (Publisher publisher = new Publisher(bootstrapServers, serdeConfig, Map.of())) {
            while (records.hasNext()) {
                SimulatedRecord r = records.next();
                publisher.send(r.topic(), r.key(), r.value(), r.timestampMillis());
                if (++sent % 250_000 == 0) {
                    progress.printf("published %,d records%n", sent);
                }
            }
            publisher.flush();
        }
        return new Result(sent, (System.nanoTime() - started) / 1e9);
    }
}
