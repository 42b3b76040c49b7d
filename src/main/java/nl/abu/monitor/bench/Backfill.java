package nl.abu.monitor.bench;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.Map;
import nl.abu.monitor.publish.Publisher;
import nl.abu.monitor.simulator.SimulatedRecord;

/** Publishes the first {@code events} records of the simulation, each stamped with its version time. */
final class Backfill {

    private Backfill() {
    }

    /** @return how long generating and publishing took, in seconds */
    static double publish(Iterator<SimulatedRecord> records, String bootstrapServers, Map<String, ?> serdeConfig,
            BenchOptions options, PrintStream progress) {
        long started = System.nanoTime();
        long sent = 0;
        try (Publisher publisher = new Publisher(bootstrapServers, serdeConfig, Map.of())) {
            while (sent < options.events() && records.hasNext()) {
                SimulatedRecord r = records.next();
                publisher.send(r.topic(), r.key(), r.value(), r.timestampMillis());
                if (++sent % 250_000 == 0) {
                    progress.printf("published %,d of %,d records%n", sent, options.events());
                }
            }
            publisher.flush();
        }
        if (sent < options.events()) {
            throw new IllegalStateException("The simulation gave only " + sent + " records, not " + options.events());
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
