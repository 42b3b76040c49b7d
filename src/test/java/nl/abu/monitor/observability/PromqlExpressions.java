package nl.abu.monitor.observability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every PromQL expression of the repository: the queries of every Grafana dashboard panel (with the Grafana
 * variables replaced by sample values) and the {@code expr} of every recording and alerting rule. For tests
 * that check or evaluate them, e.g. against a real Prometheus:
 *
 * <pre>{@code
 * for (PromqlExpressions.Expression e : PromqlExpressions.all()) {
 *     query(e.expr()); // report failures with e.source()
 * }
 * }</pre>
 *
 * <p>Sample values: {@code $period_kind} = {@code year}, {@code $scope} = {@code all}, {@code $__rate_interval}
 * and {@code $__interval} = {@code 1m}, {@code $__range} = {@code 1h}; any other dashboard variable gets its
 * {@code allValue} when it has "All", else its current value. An unknown variable is an error.
 */
public final class PromqlExpressions {
    /** One expression and where it comes from, e.g. {@code grafana/dashboards/pipeline-health.json panel 7 "Scraped" A}. */
    public record Expression(String source, String expr) {
    }

    static final Map<String, String> SAMPLE_VALUES = Map.of(
            "period_kind", "year",
            "scope", "all",
            "__rate_interval", "1m",
            "__interval", "1m",
            "__range", "1h");

    // ${name}, ${name:format}, [[name]] and $name.
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::[^}]*)?}|\\[\\[(\\w+)]]|\\$(\\w+)");

    private PromqlExpressions() {
    }

    /** Dashboard queries first, then rules; each in file order. */
    public static List<Expression> all() {
        List<Expression> all = new ArrayList<>(fromDashboards());
        all.addAll(fromRules());
        return all;
    }

    public static List<Expression> fromDashboards() {
        List<Expression> out = new ArrayList<>();
        for (Path file : ObservabilityFiles.dashboards()) {
            JsonNode dashboard = ObservabilityFiles.json(file);
            Map<String, String> values = variableValues(dashboard);
            String name = ObservabilityFiles.root().relativize(file).toString();
            for (JsonNode panel : ObservabilityFiles.panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asText("");
                    String source = name + " panel " + panel.path("id").asText() + " \"" + panel.path("title").asText()
                            + "\" " + target.path("refId").asText();
                    out.add(new Expression(source, substitute(expr, values, source)));
                }
            }
        }
        return out;
    }

    public static List<Expression> fromRules() {
        List<Expression> out = new ArrayList<>();
        for (Path file : ObservabilityFiles.ruleFiles()) {
            String name = ObservabilityFiles.root().relativize(file).toString();
            for (JsonNode group : ObservabilityFiles.yaml(file).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    String id = rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
                    out.add(new Expression(name + " " + id, rule.path("expr").asText().strip()));
                }
            }
        }
        return out;
    }

    /** The sample value of each variable of the dashboard (plus the built-in ones). */
    static Map<String, String> variableValues(JsonNode dashboard) {
        Map<String, String> values = new HashMap<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            String name = variable.path("name").asText();
            JsonNode current = variable.path("current").path("value");
            String value;
            if (variable.path("includeAll").asBoolean() && variable.hasNonNull("allValue")) {
                value = variable.path("allValue").asText();
            } else if (current.isArray()) {
                value = current.path(0).asText();
            } else {
                value = current.asText();
            }
            values.put(name, value);
        }
        values.putAll(SAMPLE_VALUES);
        return values;
    }

    static String substitute(String expr, Map<String, String> values, String source) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalStateException(source + ": unknown variable $" + name + " in " + expr);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
