package nl.abu.monitor.oracle;

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
import java.util.TreeMap;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.indicator.IndicatorJson;

/**
 * Compares the pipeline's indicators with {@link ContractOracle} computed on a JSON-lines folder, cell for cell, as
 * {@code ReplayMatchesOracleIT} does: counts exactly, values to 1e-9, statuses equal, no missing or extra cells.
 */
public final class OracleComparison {
    private static final double EPS = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();

    private OracleComparison() {
    }

    /** The differences between the oracle on {@code folder} and {@code actual}; empty when they are equal. */
    public static List<String> differences(Path folder, LocalDate asOf, List<IndicatorValue> actualValues) {
        try {
            Map<String, ContractOracle.Row> expected = new TreeMap<>();
            for (ContractOracle.Row row : new ContractOracle(ContractOracle.Settings.defaults()).run(folder, asOf)) {
                expected.put(row.key(), row);
            }
            Map<String, JsonNode> actual = new TreeMap<>();
            for (JsonNode row : JSON.readTree(IndicatorJson.toJsonArray(actualValues))) {
                String key = row.path("indicator").asText() + "|" + row.path("period").asText() + "|"
                        + row.path("scope").asText();
                actual.put(key, row);
            }
            List<String> differences = new ArrayList<>();
            expected.forEach((key, want) -> {
                JsonNode got = actual.get(key);
                String diff = got == null ? "MISSING; oracle " + want.toMap() : compare(want, got);
                if (diff != null) {
                    differences.add(key + " " + diff);
                }
            });
            actual.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> differences.add(k + " EXTRA"));
            return differences;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many oracle cells have data (a denominator above zero, or a count). */
    public static long cellsWithData(Path folder, LocalDate asOf) throws IOException {
        return new ContractOracle(ContractOracle.Settings.defaults()).run(folder, asOf).stream()
                .filter(r -> r.denominator() == null ? r.numerator() != null && r.numerator() > 0 : r.denominator() > 0)
                .count();
    }

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
}
