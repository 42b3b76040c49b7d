package nl.abu.monitor.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.abu.monitor.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Acceptance: "an independent computation of contract section 4 that shares no code with the pipeline. On a
 * generated dataset of at least 5,000 records containing all the adversarial cases, replay output equals the oracle
 * entry for entry: counts exactly, values to 1e-9."
 *
 * <p>Generates {@link AdversarialDataset} into {@code target/oracle-it/input}, computes {@link ContractOracle} for
 * D = 2025-12-31, runs {@code replay} in-process and compares every (indicator, period, scope) of the indicators in
 * {@link #IMPLEMENTED}.
 */
class ReplayMatchesOracleIT {

    /** The indicators compared: all nine of contract section 4. */
    static final Set<String> IMPLEMENTED = Set.copyOf(ContractOracle.INDICATORS);

    private static final long SEED = 20251231L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenTheAdversarialDataset_whenReplayed_thenEveryImplementedCellEqualsTheOracle() throws Exception {
        // given
        Path work = Path.of("target", "oracle-it").toAbsolutePath();
        deleteRecursively(work);
        Path input = work.resolve("input");
        long records = AdversarialDataset.write(input, SEED);
        assertThat(records).isGreaterThanOrEqualTo(5_000);
        ContractOracle oracle = new ContractOracle(ContractOracle.Settings.defaults());
        List<ContractOracle.Row> rows = oracle.run(input, AdversarialDataset.AS_OF);
        Map<String, Map<String, Integer>> statuses = new TreeMap<>();
        rows.forEach(row -> statuses.computeIfAbsent(row.indicator(), i -> new TreeMap<>())
                .merge(row.status(), 1, Integer::sum));
        Map<String, ContractOracle.Row> expected = OracleComparison.expected(rows, IMPLEMENTED);
        System.out.printf("dataset: %d lines; oracle lines [applied, skipped] per topic: %s%n", records,
                describe(oracle.lineCounts));
        System.out.printf("oracle statuses per indicator (all nine): %s%n", statuses);

        // when
        Path output = work.resolve("replay.json");
        int exit = new CommandLine(new Main()).execute("replay", "--input", input.toString(), "--as-of",
                AdversarialDataset.AS_OF.toString(), "--output", output.toString());
        assertThat(exit).isZero();

        // then
        OracleComparison.assertMatches(expected, JSON.readTree(output.toFile()), IMPLEMENTED, "replay");
    }

    private static String describe(Map<String, int[]> counts) {
        Map<String, String> text = new LinkedHashMap<>();
        counts.forEach((topic, c) -> text.put(topic, "[" + c[0] + ", " + c[1] + "]"));
        return text.toString();
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
