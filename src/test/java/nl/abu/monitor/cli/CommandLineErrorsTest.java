package nl.abu.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What a user sees when a command cannot do its work: one line that says why, and an exit code that tells which kind. */
class CommandLineErrorsTest {

    private record Outcome(int exitCode, String stderr, String stdout) {
        long stderrLines() {
            return stderr.lines().count();
        }
    }

    private static Outcome monitor(String... args) {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        int exit = cli.execute(args);
        return new Outcome(exit, err.toString(), out.toString());
    }

    @Test
    void runWithoutConfigurationNamesTheMissingKeyOnOneLineWithCode2() {
        Outcome outcome = monitor("run");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).startsWith("monitor run: Missing configuration '").contains("MONITOR_")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(outcome.stderrLines()).isEqualTo(1);
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithAPointerToTheHelp() {
        Outcome outcome = monitor("run", "--confg", "monitor.properties");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).startsWith("monitor run: Unknown options: '--confg'")
                .endsWith("Try 'monitor run --help' for more information." + System.lineSeparator());
    }

    @Test
    void aFailureIsOneLineAndVerboseAddsTheStackTrace() {
        Outcome plain = monitor("replay", "--input", "/nonexistent", "--as-of", "2025-12-31", "--output", "/tmp/r.json");
        Outcome verbose = monitor("replay", "--verbose", "--input", "/nonexistent", "--as-of", "2025-12-31",
                "--output", "/tmp/r.json");

        assertThat(plain.exitCode()).isEqualTo(1);
        assertThat(plain.stderr()).isEqualTo("monitor replay: not a folder: /nonexistent (--verbose shows the stack trace)"
                + System.lineSeparator());
        assertThat(verbose.exitCode()).isEqualTo(1);
        assertThat(verbose.stderr()).startsWith("monitor replay: not a folder: /nonexistent" + System.lineSeparator())
                .contains("\tat nl.abu.monitor.");
    }

    @Test
    void everyCommandsHelpListsTheExitCodes() {
        for (String command : new String[] {"run", "demo", "publish", "replay", "simulate", "bench"}) {
            Outcome help = monitor(command, "--help");

            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.stdout()).as(command).contains("Exit codes:").contains("2   usage")
                    .contains("3   publish: some input lines were refused");
        }
    }
}
