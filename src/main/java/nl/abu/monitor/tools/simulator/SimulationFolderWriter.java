package nl.abu.monitor.tools.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import nl.abu.monitor.tools.jsonl.JsonLinesFolderWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a simulation as a JSON-lines input folder (contract section 7) for {@code publish} and {@code replay}. */
public final class SimulationFolderWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SimulationFolderWriter.class);

    private SimulationFolderWriter() {
    }

    /** Writes a bounded simulation completely; an endless one is refused. */
    public static SimulationSummary write(MemberEventSimulator simulator, Path folder) throws IOException {
        if (simulator.config().isEndless()) {
            throw new IllegalArgumentException("an endless (live) simulation cannot be written to a folder");
        }
        LOG.info("Simulating {} into {}", simulator.config(), folder);
        return write(simulator.iterator(), folder);
    }

    /** Writes the records in their order, each to its topic's file. */
    public static SimulationSummary write(Iterator<SimulatedRecord> records, Path folder) throws IOException {
        SimulationSummary summary = new SimulationSummary();
        try (JsonLinesFolderWriter writer = JsonLinesFolderWriter.create(folder)) {
            while (records.hasNext()) {
                SimulatedRecord record = records.next();
                writer.write(record.topic(), record.key(), record.value(), Instant.ofEpochMilli(record.timestampMillis()));
                summary.count(record);
            }
        }
        LOG.info("Wrote {}", summary);
        return summary;
    }
}
