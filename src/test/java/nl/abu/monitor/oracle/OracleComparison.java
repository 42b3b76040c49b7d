package nl.abu.monitor.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.output.IndicatorJson;

/**
 * Compares indicator output (the JSON rows of {@code IndicatorJson}, as {@code replay} writes them) with the
 * {@link ContractOracle} entry for entry: numerator and denominator exactly, value, target and expected to 1e-9,
 * status equal, no row missing and none extra. Shared by the tests that hold an output against the oracle.
 */
public final class OracleComparison {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final double EPS = 1e-9;
    /**
     * A comparison with fewer oracle cells holding data than this proves little (the output always lists zero rows
     * of scope all, which an empty pipeline would match), so it fails.
     */
    public static final long MINIMUM_CELLS_WITH_DATA = 100;

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
        long nonEmpty = expected.values().stream().filter(OracleComparison::hasData).count();
        System.out.printf("oracle rows %d (%d with data), %s rows %d, compared %d, differences %d%n",
                expected.size(), nonEmpty, outputName, actual.size(), compared, differences.size());
        assertThat(nonEmpty).as("oracle cells with data").isGreaterThanOrEqualTo(MINIMUM_CELLS_WITH_DATA);
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

    /**
     * The differences between the oracle on {@code folder} and the pipeline's {@code actualValues}, one line
     * each (a duplicate, missing or extra cell, or the differing fields); empty when they are equal.
     */
    public static List<String> differences(Path folder, LocalDate asOf, List<IndicatorValue> actualValues) {
        try {
            Map<String, ContractOracle.Row> expected = new TreeMap<>();
            for (ContractOracle.Row row : ContractOracle.compute(folder, asOf)) {
                expected.put(row.key(), row);
            }
            Map<String, JsonNode> actual = new TreeMap<>();
            List<String> differences = new ArrayList<>();
            for (JsonNode row : JSON.readTree(IndicatorJson.toJsonArray(actualValues))) {
                String key = row.path("indicator").asText() + "|" + row.path("period").asText() + "|"
                        + row.path("scope").asText();
                if (actual.put(key, row) != null) {
                    differences.add(key + " DUPLICATE in the output");
                }
            }
            expected.forEach((key, want) -> {
                JsonNode got = actual.get(key);
                String diff = got == null ? "MISSING; oracle " + want.toMap() : compare(want, got);
                if (diff != null) {
                    differences.add(key + " " + diff);
                }
            });
            actual.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> differences.add(k + " EXTRA"));
            long withData = expected.values().stream().filter(OracleComparison::hasData).count();
            if (withData < MINIMUM_CELLS_WITH_DATA) {
                differences.add("the oracle has only " + withData + " cells with data, fewer than "
                        + MINIMUM_CELLS_WITH_DATA + ": the comparison would prove little");
            }
            System.out.printf("oracle rows %d, output rows %d, differences %d%n", expected.size(), actual.size(),
                    differences.size());
            differences.stream().limit(20).forEach(d -> System.out.println("  " + d));
            return differences;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many oracle cells have data (a denominator above zero, or a count). */
    public static long cellsWithData(Path folder, LocalDate asOf) throws IOException {
        return ContractOracle.compute(folder, asOf).stream().filter(OracleComparison::hasData).count();
    }

    private static boolean hasData(ContractOracle.Row row) {
        return row.denominator() == null ? row.numerator() != null && row.numerator() > 0 : row.denominator() > 0;
    }
}
