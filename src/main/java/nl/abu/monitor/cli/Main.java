package nl.abu.monitor.cli;

import java.io.PrintWriter;
import nl.abu.monitor.tools.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code monitor} command line. */
@Command(name = "monitor", mixinStandardHelpOptions = true, version = "migration-monitor 0.1.0",
        description = "Live indicators of the ABU labour-migration plan, computed with Kafka Streams.",
        subcommands = {RunCommand.class, DemoCommand.class, PublishCommand.class, ReplayCommand.class,
            SimulateCommand.class, BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:done as asked",
            " 1:failed; the message says why (--verbose adds the stack trace)",
            " 2:usage: an unknown command or option, a bad option value or a bad configuration",
            " 3:publish: some input lines were refused (each named on stderr), the others were published"})
public final class Main {
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_REFUSED_LINES = 3;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "On a failure, print the stack trace too.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with this project's handling of errors: one line each, and the exit codes of the help. */
    static CommandLine commandLine() {
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            PrintWriter err = failed.getErr();
            String command = failed.getCommandSpec().qualifiedName();
            err.println(command + ": " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + command + " --help' for more information.");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, failed, parsed) -> {
            PrintWriter err = failed.getErr();
            String command = failed.getCommandSpec().qualifiedName();
            if (ex instanceof ConfigurationException) {
                err.println(command + ": " + ex.getMessage());
                return EXIT_USAGE;
            }
            err.println(command + ": " + oneLine(ex) + (main.verbose ? "" : " (--verbose shows the stack trace)"));
            if (main.verbose) {
                ex.printStackTrace(err);
            }
            return EXIT_FAILURE;
        });
        // Picocli's own help lists the exit codes on the top command only; every command ends the same way.
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().usageMessage()
                .exitCodeListHeading(cli.getCommandSpec().usageMessage().exitCodeListHeading())
                .exitCodeList(cli.getCommandSpec().usageMessage().exitCodeList()));
        return cli;
    }

    /** The failure and, where they add something, its causes, on one line. */
    static String oneLine(Throwable failure) {
        StringBuilder line = new StringBuilder(describe(failure));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String described = describe(cause);
            if (!line.toString().contains(described)) {
                line.append(": ").append(described);
            }
        }
        return line.toString().replace('\n', ' ');
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
