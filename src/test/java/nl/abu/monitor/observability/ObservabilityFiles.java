package nl.abu.monitor.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The observability files of the repository (docker-compose.yml, prometheus/, grafana/), parsed. */
final class ObservabilityFiles {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ObservabilityFiles() {
    }

    /** The repository root: the working directory of the tests (Maven runs them in the project folder). */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isRegularFile(p.resolve("docker-compose.yml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (pom.xml with docker-compose.yml) at or above " + here);
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static JsonNode yaml(String relative) {
        return read(YAML, path(relative));
    }

    static JsonNode json(Path file) {
        return read(JSON, file);
    }

    static JsonNode yaml(Path file) {
        return read(YAML, file);
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + root().relativize(file), e);
        }
    }

    /** grafana/dashboards/*.json, sorted. */
    static List<Path> dashboards() {
        return list(path("grafana/dashboards"), ".json");
    }

    /** prometheus/rules/*.yml (not the tests below it), sorted. */
    static List<Path> ruleFiles() {
        return list(path("prometheus/rules"), ".yml");
    }

    /** prometheus/rules/tests/*.yml, sorted. */
    static List<Path> ruleTestFiles() {
        return list(path("prometheus/rules/tests"), ".yml");
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(suffix)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every panel of a dashboard, those nested in (collapsed) rows included, rows themselves too. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            all.add(panel);
            for (JsonNode nested : panel.path("panels")) {
                all.add(nested);
            }
        }
        return all;
    }

    static boolean isRow(JsonNode panel) {
        return "row".equals(panel.path("type").asText());
    }
}
