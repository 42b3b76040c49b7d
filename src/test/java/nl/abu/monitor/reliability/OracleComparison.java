package nl.abu.monitor.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.indicator.IndicatorJson;
import nl.abu.monitor.jsonl.JsonLine;
import nl.abu.monitor.jsonl.JsonLinesFolder;
import nl.abu.monitor.oracle.ContractOracle;

/**
 * The pipeline's indicators against {@link ContractOracle} for the whole input folder, as ReplayMatchesOracleIT
 * compares them: every (indicator, period, scope), counts exactly, values to 1e-9, status equal. Also splits a
 * folder into halves per topic file (order within a topic kept), for tests that publish in two steps.
 */
final class OracleComparison {
    private static final double EPS = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();

    private OracleComparison() {
    }

    /** The lines of each file of {@code folder}, in order. */
    static Map<String, List<JsonLine>> linesByFile(Path folder) throws IOException {
        Map<String, List<JsonLine>> byFile = new LinkedHashMap<>();
        try (Stream<JsonLine> lines = JsonLinesFolder.open(folder).lines()) {
            lines.forEach(line -> byFile.computeIfAbsent(line.fileName(), f -> new ArrayList<>()).add(line));
        }
        return byFile;
    }

    /** The first ({@code second == false}) or second half of every file, each file's order kept. */
    static Stream<JsonLine> half(Map<String, List<JsonLine>> byFile, boolean second) {
        return byFile.values().stream().flatMap(l -> (second ? l.subList(l.size() / 2, l.size())
                : l.subList(0, l.size() / 2)).stream());
    }

    /** The differences, one line each; empty when the pipeline's output equals the oracle's. */
    static List<String> differences(Path folder, LocalDate asOf, List<IndicatorValue> indicators) throws IOException {
        Map<String, ContractOracle.Row> expected = new TreeMap<>();
        for (ContractOracle.Row row : ContractOracle.compute(folder, asOf)) {
            expected.put(row.key(), row);
        }
        Map<String, JsonNode> actual = new TreeMap<>();
        List<String> differences = new ArrayList<>();
        for (JsonNode row : JSON.readTree(IndicatorJson.toJsonArray(indicators))) {
            String key = row.path("indicator").asText() + "|" + row.path("period").asText() + "|"
                    + row.path("scope").asText();
            if (actual.put(key, row) != null) {
                differences.add(key + " DUPLICATE in the output");
            }
        }
        for (Map.Entry<String, ContractOracle.Row> e : expected.entrySet()) {
            JsonNode got = actual.get(e.getKey());
            if (got == null) {
                differences.add(e.getKey() + " MISSING; oracle " + e.getValue().toMap());
                continue;
            }
            String diff = compare(e.getValue(), got);
            if (diff != null) {
                differences.add(e.getKey() + " " + diff);
            }
        }
        actual.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> differences.add(k + " EXTRA"));
        System.out.printf("oracle rows %d, output rows %d, differences %d%n", expected.size(), actual.size(),
                differences.size());
        differences.stream().limit(20).forEach(d -> System.out.println("  " + d));
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
