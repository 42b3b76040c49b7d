package nl.abu.monitor.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares indicator output (the JSON rows of {@code IndicatorJson}, as {@code replay} writes them) with the
 * {@link ContractOracle} entry for entry: numerator and denominator exactly, value, target and expected to 1e-9,
 * status equal, no row missing and none extra. Shared by the tests that hold an output against the oracle.
 */
public final class OracleComparison {
    public static final double EPS = 1e-9;

    private OracleComparison() {
    }

    /** The oracle's rows of the given indicators, by {@link ContractOracle.Row#key()}. */
    public static Map<String, ContractOracle.Row> expected(List<ContractOracle.Row> rows, Set<String> indicators) {
        Map<String, ContractOracle.Row> expected = new TreeMap<>();
        for (ContractOracle.Row row : rows) {
            if (indicators.contains(row.indicator())) {
                expected.put(row.key(), row);
            }
        }
        return expected;
    }

    /**
     * Prints a summary and throws an {@link AssertionError} naming the first differing cells (field: oracle vs
     * output) when {@code output}, a JSON array of indicator rows, differs from {@code expected}.
     */
    public static void assertMatches(Map<String, ContractOracle.Row> expected, JsonNode output, Set<String> indicators,
            String outputName) {
        Map<String, JsonNode> actual = new TreeMap<>();
        for (JsonNode row : output) {
            if (indicators.contains(row.path("indicator").asText())) {
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
                differences.add(String.format("%-55s MISSING in %s; oracle %s", e.getKey(), outputName,
                        e.getValue().toMap()));
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
                differences.add(String.format("%-55s EXTRA in %s: %s", e.getKey(), outputName, e.getValue()));
            }
        }
        long nonEmpty = expected.values().stream().filter(r -> r.denominator() == null || r.denominator() != 0).count();
        System.out.printf("oracle rows %d (%d with data), %s rows %d, compared %d, differences %d%n",
                expected.size(), nonEmpty, outputName, actual.size(), compared, differences.size());
        if (!differences.isEmpty()) {
            StringBuilder report = new StringBuilder(outputName + " differs from the oracle in " + differences.size()
                    + " cells; missing/extra rows per indicator: ");
            missingExtra.forEach((i, c) -> report.append(i).append(" missing ").append(c[0]).append(" extra ")
                    .append(c[1]).append("; "));
            report.append("\nfirst differences (field: oracle vs ").append(outputName).append("):\n");
            differences.stream().limit(30).forEach(d -> report.append("  ").append(d).append('\n'));
            System.out.println(report);
            throw new AssertionError(report.toString());
        }
    }

    /** Null when equal: numerator/denominator exactly, value/target/expected within 1e-9, status equal. */
    /** The fields in which the output row differs from the oracle's, or null when it is equal. */
    public static String compare(ContractOracle.Row want, JsonNode got) {
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
}
