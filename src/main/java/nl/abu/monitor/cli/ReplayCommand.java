package nl.abu.monitor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.output.IndicatorJson;
import nl.abu.monitor.tools.replay.Replay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "replay", description = "Replays a folder of JSON-lines input through the pipeline on an embedded "
        + "broker and registry, and writes the indicators for the as-of date as one JSON array.")
final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, description = "A folder of <topic>.jsonl files.")
    Path input;

    @Option(names = "--as-of", required = true, description = "The as-of date D, YYYY-MM-DD.")
    LocalDate asOf;

    @Option(names = "--output", required = true, description = "Where to write the indicator JSON.")
    Path output;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of each topic.")
    int partitions;

    @Override
    public Integer call() throws Exception {
        List<IndicatorValue> indicators = new Replay(input, asOf, partitions, System.err).run();
        Files.writeString(output, IndicatorJson.toJsonArray(indicators));
        System.err.printf("wrote %d indicator values to %s%n", indicators.size(), output);
        return 0;
    }
}
