package nl.abu.monitor.tools.replay;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.tools.jsonl.JsonLine;
import nl.abu.monitor.tools.jsonl.JsonLinesFolder;

/**
 * Replays a folder of JSON-lines input through the real pipeline on an embedded broker and registry, for a fixed
 * as-of date, and returns the indicators once every input record is processed. Records are published as they are,
 * without the publisher's validation, so the pipeline itself judges them as it would live.
 */
public final class Replay {
    private final Path input;
    private final LocalDate asOf;
    private final int partitions;
    private final PrintStream progress;

    public Replay(Path input, LocalDate asOf, int partitions, PrintStream progress) {
        this.input = input;
        this.asOf = asOf;
        this.partitions = partitions;
        this.progress = progress;
    }

    public List<IndicatorValue> run() throws IOException, InterruptedException {
        JsonLinesFolder folder = JsonLinesFolder.open(input);
        try (ReplaySession session = new ReplaySession(asOf, partitions, progress);
                Stream<JsonLine> lines = folder.lines()) {
            session.publish(lines);
            session.runPipelineUntilCaughtUp();
            return session.indicators();
        }
    }
}
