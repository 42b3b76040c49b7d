package nl.abu.monitor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.abu.monitor.tools.simulator.MemberEventSimulator;
import nl.abu.monitor.tools.simulator.SimulationConfig;
import nl.abu.monitor.tools.simulator.SimulationFolderWriter;
import nl.abu.monitor.tools.simulator.SimulationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "simulate", description = "Writes a simulated year of member events as JSON-lines files, "
        + "one per input topic, for `publish` and `replay`.")
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "The folder to write <topic>.jsonl files to.")
    Path out;

    @Option(names = "--year", defaultValue = "2025", description = "The calendar year to simulate.")
    int year;

    @Option(names = "--scale", defaultValue = "0.01", description = "1.0 = a national year (about 460,000 migrants).")
    double scale;

    @Option(names = "--seed", defaultValue = "1", description = "Seed; the same seed gives the same files.")
    long seed;

    @Override
    public Integer call() throws Exception {
        SimulationSummary summary = SimulationFolderWriter.write(
                new MemberEventSimulator(SimulationConfig.year(seed, scale, year)), out);
        System.out.println(summary);
        return 0;
    }
}
