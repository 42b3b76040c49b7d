package nl.abu.monitor.output.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.period.PeriodKind;

/**
 * Reads a targets file: {@code {"version": n, "targets": [{"indicator", "comparison" (">=" or "<="), "value",
 * "tolerance", "periodKinds"}]}}. The file in the jar ({@code targets.json}) holds the contract's defaults; it
 * seeds the targets topic, where targets are changed at run time.
 */
public final class TargetFile {
    private static final String BUNDLED = "/targets.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TargetFile() {
    }

    public static List<Target> bundled() {
        try (InputStream in = TargetFile.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("The jar has no " + BUNDLED);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + BUNDLED, e);
        }
    }

    public static List<Target> read(InputStream in) throws IOException {
        List<Target> targets = new ArrayList<>();
        for (JsonNode t : JSON.readTree(in).path("targets")) {
            EnumSet<PeriodKind> kinds = EnumSet.noneOf(PeriodKind.class);
            t.path("periodKinds").forEach(k -> kinds.add(PeriodKind.valueOf(k.asText())));
            targets.add(new Target(Indicator.byId(t.path("indicator").asText()), comparison(t.path("comparison").asText()),
                    t.path("value").asDouble(), t.path("tolerance").asDouble(), kinds));
        }
        return targets;
    }

    private static Target.Comparison comparison(String symbol) {
        return switch (symbol) {
            case ">=" -> Target.Comparison.AT_LEAST;
            case "<=" -> Target.Comparison.AT_MOST;
            default -> throw new IllegalArgumentException("comparison must be >= or <=, was " + symbol);
        };
    }
}
