package nl.abu.monitor.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The oracle's expected rows for a JSON-lines folder, and their comparison with the pipeline's output rows (the
 * JSON of {@code replay}): counts exactly, values to 1e-9, status equal, no row missing or extra. The same rules as
 * {@link ReplayMatchesOracleIT}, for tests that run the pipeline themselves (e.g. through an outage).
 */
public final class OracleComparison {
    private static final double EPS = 1e-9;

    private final Map<String, ContractOracle.Row> expected = new TreeMap<>();

    private OracleComparison() {
    }

    /** Computes the oracle (default settings, all nine indicators) for {@code input} at {@code asOf}. */
    public static OracleComparison of(Path input, LocalDate asOf) throws IOException {
        OracleComparison comparison = new OracleComparison();
        for (ContractOracle.Row row : new ContractOracle(ContractOracle.Settings.defaults()).run(input, asOf)) {
            comparison.expected.put(row.key(), row);
        }
        return comparison;
    }

    public int expectedRows() {
        return expected.size();
    }

    /** Every difference between the oracle and {@code actual} (rows as {@code replay} writes them); empty if equal. */
    public List<String> differences(List<JsonNode> actualRows) {
        Map<String, JsonNode> actual = new TreeMap<>();
        List<String> differences = new ArrayList<>();
        for (JsonNode row : actualRows) {
            String key = row.path("indicator").asText() + "|" + row.path("period").asText() + "|"
                    + row.path("scope").asText();
            if (actual.put(key, row) != null) {
                differences.add(key + " DUPLICATE in output");
            }
        }
        expected.forEach((key, want) -> {
            JsonNode got = actual.get(key);
            if (got == null) {
                differences.add(key + " MISSING in output; oracle " + want.toMap());
            } else {
                String diff = compare(want, got);
                if (diff != null) {
                    differences.add(key + " " + diff);
                }
            }
        });
        actual.keySet().stream().filter(key -> !expected.containsKey(key))
                .forEach(key -> differences.add(key + " EXTRA in output: " + actual.get(key)));
        return differences;
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
