package nl.abu.monitor.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.abu.monitor.oracle.ContractOracle;
import nl.abu.monitor.tools.jsonl.JsonLine;
import nl.abu.monitor.tools.jsonl.JsonLinesFolder;

/**
 * The pipeline's indicators against {@link ContractOracle} for the whole input folder, as ReplayMatchesOracleIT
 * compares them: every (indicator, period, scope), counts exactly, values to 1e-9, status equal. Also splits a
 * folder into halves per topic file (order within a topic kept), for tests that publish in two steps.
 */
final class ReplayHalves {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplayHalves() {
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
}
