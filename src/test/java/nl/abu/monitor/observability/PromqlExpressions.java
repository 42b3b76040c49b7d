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
 * Every PromQL expression of the repository: the queries of every Grafana dashboard panel and Prometheus annotation
 * (with the Grafana variables replaced by sample values) and the {@code expr} of every recording and alerting rule. For tests
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
    /** Where an expression comes from. */
    public enum Kind {
        PANEL, ANNOTATION, RECORDING_RULE, ALERTING_RULE
    }

    /** One expression and where it comes from, e.g. {@code grafana/dashboards/pipeline-health.json panel 7 "Scraped" A}. */
    public record Expression(String source, String expr, Kind kind) {

        /**
         * The data this expression looks at, without the threshold an alert compares it with: for an alerting rule
         * whose expression ends in a top-level comparison with a number ({@code up == 0},
         * {@code state != 2}, {@code ratio > 0.05}), the left-hand side of that comparison; any other expression
         * as it is. A threshold alert is empty while all is well, so it is its data part that must not be empty.
         * A comparison inside parentheses (as in the drift alerts' {@code and on (...) (status == 1)}) is part of
         * the selection, not a threshold, and stays.
         */
        public Expression withoutThreshold() {
            if (kind != Kind.ALERTING_RULE) {
                return this;
            }
            return trailingThreshold(expr).map(at -> new Expression(source + " (without its threshold "
                    + expr.substring(at).strip() + ")", expr.substring(0, at).strip(), kind)).orElse(this);
        }
    }

    /** {@code bool} is optional; the number is a PromQL float literal (no Inf/NaN: a threshold is finite). */
    private static final Pattern THRESHOLD = Pattern.compile(
            "^(==|!=|>=|<=|>|<)\\s*(?:bool\\s+)?[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?\\s*$");

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

    /** {@link #all()}, each alerting rule that compares with a threshold reduced to its data part. */
    public static List<Expression> allWithoutThresholds() {
        return all().stream().map(Expression::withoutThreshold).toList();
    }

    /**
     * Where the comparison with a number that ends {@code expr} begins, if it ends so outside any parentheses,
     * braces, brackets and strings; e.g. 25 for {@code up{job="migration-monitor"} == 0}.
     */
    static java.util.Optional<Integer> trailingThreshold(String expr) {
        int depth = 0;
        Integer last = null;
        char quote = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (depth == 0 && "=!<>".indexOf(c) >= 0) {
                last = i;
                if (i + 1 < expr.length() && expr.charAt(i + 1) == '=') {
                    i++;
                }
            }
        }
        if (last == null || !THRESHOLD.matcher(expr.substring(last)).matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(last);
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
                    out.add(new Expression(source, substitute(expr, values, source), Kind.PANEL));
                }
            }
            for (JsonNode annotation : prometheusAnnotations(dashboard)) {
                String source = name + " annotation \"" + annotation.path("name").asText() + "\"";
                out.add(new Expression(source, substitute(annotation.path("expr").asText(""), values, source),
                        Kind.ANNOTATION));
            }
        }
        return out;
    }

    /** The annotations of a dashboard that query Prometheus (not Grafana's built-in one). */
    static List<JsonNode> prometheusAnnotations(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode annotation : dashboard.path("annotations").path("list")) {
            if ("prometheus".equals(annotation.path("datasource").path("type").asText())) {
                out.add(annotation);
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
                    out.add(new Expression(name + " " + id, rule.path("expr").asText().strip(),
                            rule.has("alert") ? Kind.ALERTING_RULE : Kind.RECORDING_RULE));
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
