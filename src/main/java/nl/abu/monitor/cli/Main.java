package nl.abu.monitor.cli;

import nl.abu.monitor.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code monitor} command line. */
@Command(name = "monitor", mixinStandardHelpOptions = true, version = "migration-monitor 0.1.0",
        description = "Live indicators of the ABU labour-migration plan, computed with Kafka Streams.",
        subcommands = {RunCommand.class, DemoCommand.class, PublishCommand.class, ReplayCommand.class,
            SimulateCommand.class, BenchCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
