package nl.abu.monitor.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    private static final double EPS = 1e-9;
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
        Map<String, ContractOracle.Row> expected = new TreeMap<>();
        Map<String, Map<String, Integer>> statuses = new TreeMap<>();
        for (ContractOracle.Row row : oracle.run(input, AdversarialDataset.AS_OF)) {
            statuses.computeIfAbsent(row.indicator(), i -> new TreeMap<>()).merge(row.status(), 1, Integer::sum);
            if (IMPLEMENTED.contains(row.indicator())) {
                expected.put(row.key(), row);
            }
        }
        System.out.printf("dataset: %d lines; oracle lines [applied, skipped] per topic: %s%n", records,
                describe(oracle.lineCounts));
        System.out.printf("oracle statuses per indicator (all nine): %s%n", statuses);

        // when
        Path output = work.resolve("replay.json");
        int exit = new CommandLine(new Main()).execute("replay", "--input", input.toString(), "--as-of",
                AdversarialDataset.AS_OF.toString(), "--output", output.toString());
        assertThat(exit).isZero();

        // then
        Map<String, JsonNode> actual = new TreeMap<>();
        for (JsonNode row : JSON.readTree(output.toFile())) {
            if (IMPLEMENTED.contains(row.path("indicator").asText())) {
                String key = row.path("indicator").asText() + "|" + row.path("period").asText() + "|"
                        + row.path("scope").asText();
                assertThat(actual.put(key, row)).as("duplicate row %s", key).isNull();
            }
        }
        List<String> differences = new ArrayList<>();
        Map<String, int[]> missingExtra = new TreeMap<>();
        int compared = 0;
        for (Map.Entry<String, ContractOracle.Row> e : expected.entrySet()) {
            JsonNode got = actual.get(e.getKey());
            if (got == null) {
                missingExtra.computeIfAbsent(e.getValue().indicator(), i -> new int[2])[0]++;
                differences.add(String.format("%-55s MISSING in replay; oracle %s", e.getKey(), e.getValue().toMap()));
                continue;
            }
            compared++;
            String diff = compare(e.getValue(), got);
            if (diff != null) {
                differences.add(String.format("%-55s %s", e.getKey(), diff));
            }
        }
        for (Map.Entry<String, JsonNode> e : actual.entrySet()) {
            if (!expected.containsKey(e.getKey())) {
                missingExtra.computeIfAbsent(e.getValue().path("indicator").asText(), i -> new int[2])[1]++;
                differences.add(String.format("%-55s EXTRA in replay: %s", e.getKey(), e.getValue()));
            }
        }
        long nonEmpty = expected.values().stream().filter(r -> r.denominator() == null || r.denominator() != 0).count();
        System.out.printf("oracle rows %d (%d with data), replay rows %d, compared %d, differences %d%n",
                expected.size(), nonEmpty, actual.size(), compared, differences.size());
        if (!differences.isEmpty()) {
            StringBuilder report = new StringBuilder("replay differs from the oracle in " + differences.size()
                    + " cells; missing/extra rows per indicator: ");
            missingExtra.forEach((i, c) -> report.append(i).append(" missing ").append(c[0]).append(" extra ")
                    .append(c[1]).append("; "));
            report.append("\nfirst differences (field: oracle vs replay):\n");
            differences.stream().limit(30).forEach(d -> report.append("  ").append(d).append('\n'));
            System.out.println(report);
            throw new AssertionError(report.toString());
        }
    }

    /** Null when equal: numerator/denominator exactly, value/target/expected within 1e-9, status equal. */
    private static String compare(ContractOracle.Row want, JsonNode got) {
        List<String> fields = new ArrayList<>();
        exact(fields, "numerator", want.numerator(), got.path("numerator"));
        exact(fields, "denominator", want.denominator(), got.path("denominator"));
        close(fields, "value", want.value(), got.path("value"));
        close(fields, "target", want.target(), got.path("target"));
        close(fields, "expected", want.expected(), got.path("expected"));
        if (!want.status().equals(got.path("status").asText())) {
            fields.add("status " + want.status() + " vs " + got.path("status").asText());
        }
        return fields.isEmpty() ? null : String.join("; ", fields);
    }

    private static void exact(List<String> fields, String name, Long want, JsonNode got) {
        Long actual = got.isIntegralNumber() ? Long.valueOf(got.asLong()) : null;
        if (!Objects.equals(want, actual) || (actual == null && !got.isNull() && !got.isMissingNode())) {
            fields.add(name + " " + want + " vs " + got);
        }
    }

    private static void close(List<String> fields, String name, Double want, JsonNode got) {
        Double actual = got.isNumber() ? Double.valueOf(got.asDouble()) : null;
        boolean same = want == null ? actual == null : actual != null && Math.abs(want - actual) <= EPS;
        if (!same) {
            fields.add(name + " " + want + " vs " + got);
        }
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
