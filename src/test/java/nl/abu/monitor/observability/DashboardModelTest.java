package nl.abu.monitor.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.abu.monitor.events.IndicatorStatus;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.indicator.IndicatorCell;
import nl.abu.monitor.indicator.IndicatorKind;
import nl.abu.monitor.output.targets.Target;
import nl.abu.monitor.output.targets.Targets;
import nl.abu.monitor.period.Period;
import nl.abu.monitor.period.PeriodKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every dashboard in grafana/dashboards/ is a Grafana dashboard model that fits the provisioning and the targets. */
class DashboardModelTest {
    private static final Set<String> VARIABLE_TYPES = Set.of("query", "custom", "constant", "interval", "textbox",
            "datasource");
    private static final Pattern INDICATOR = Pattern.compile("indicator=\"([a-z_]+)\"");
    private static final Pattern PERIOD_KIND = Pattern.compile("period_kind=\"([^\"]+)\"");

    static Stream<Path> dashboards() {
        return ObservabilityFiles.dashboards().stream();
    }

    /** The uid of the provisioned Prometheus datasource (grafana/provisioning/datasources/). */
    static String datasourceUid() {
        JsonNode ds = ObservabilityFiles.yaml("grafana/provisioning/datasources/prometheus.yml").path("datasources");
        assertThat(ds.size()).as("one provisioned datasource").isEqualTo(1);
        assertThat(ds.path(0).path("type").asText()).isEqualTo("prometheus");
        return ds.path(0).path("uid").asText();
    }

    @Test
    void theThreeDashboardsExist() {
        assertThat(dashboards().map(p -> p.getFileName().toString()))
                .contains("plan-scorecard.json", "indicator-families.json", "pipeline-health.json");
    }

    @ParameterizedTest
    @MethodSource("dashboards")
    void isADashboardModel(Path file) {
        JsonNode d = ObservabilityFiles.json(file);
        assertThat(d.path("schemaVersion").isInt()).as("schemaVersion").isTrue();
        assertThat(d.path("schemaVersion").asInt()).isEqualTo(39);
        assertThat(d.path("uid").asText()).as("uid").matches("[a-zA-Z0-9_-]{1,40}");
        assertThat(d.path("title").asText()).as("title").isNotBlank();
        assertThat(d.path("panels").isArray() && d.path("panels").size() > 0).as("panels").isTrue();
    }

    @Test
    void dashboardUidsAndTitlesAreUnique() {
        List<JsonNode> all = dashboards().map(ObservabilityFiles::json).toList();
        assertThat(all.stream().map(d -> d.path("uid").asText())).doesNotHaveDuplicates();
        assertThat(all.stream().map(d -> d.path("title").asText())).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("dashboards")
    void panelIdsAreUniqueIncludingPanelsInRows(Path file) {
        List<JsonNode> panels = ObservabilityFiles.panels(ObservabilityFiles.json(file));
        for (JsonNode p : panels) {
            assertThat(p.path("id").isInt()).as("id of panel %s", p.path("title")).isTrue();
            assertThat(p.path("gridPos").path("w").asInt()).as("gridPos of panel %s", p.path("title")).isBetween(1, 24);
            assertThat(p.path("type").asText()).as("type of panel %s", p.path("title")).isNotBlank();
        }
        assertThat(panels.stream().map(p -> p.path("id").asInt())).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("dashboards")
    void everyPanelAndTargetUsesTheProvisionedDatasource(Path file) {
        String uid = datasourceUid();
        for (JsonNode p : ObservabilityFiles.panels(ObservabilityFiles.json(file))) {
            String where = file.getFileName() + " panel " + p.path("id") + " " + p.path("title");
            if (ObservabilityFiles.isRow(p)) {
                if (p.hasNonNull("datasource")) {
                    assertDatasource(p.path("datasource"), uid, where);
                }
                continue;
            }
            assertDatasource(p.path("datasource"), uid, where);
            assertThat(p.path("targets").size()).as("targets of %s", where).isPositive();
            Set<String> refIds = new HashSet<>();
            for (JsonNode t : p.path("targets")) {
                assertDatasource(t.path("datasource"), uid, where + " target " + t.path("refId"));
                assertThat(t.path("expr").asText()).as("expr of %s target %s", where, t.path("refId")).isNotBlank();
                assertThat(refIds.add(t.path("refId").asText())).as("unique refId in %s", where).isTrue();
            }
        }
    }

    private static void assertDatasource(JsonNode ds, String uid, String where) {
        assertThat(ds.path("type").asText()).as("datasource type of %s", where).isEqualTo("prometheus");
        assertThat(ds.path("uid").asText()).as("datasource uid of %s", where).isEqualTo(uid);
    }

    @ParameterizedTest
    @MethodSource("dashboards")
    void templateVariablesAreWellFormedAndDefined(Path file) {
        JsonNode d = ObservabilityFiles.json(file);
        String uid = datasourceUid();
        Set<String> names = new HashSet<>();
        for (JsonNode v : d.path("templating").path("list")) {
            String name = v.path("name").asText();
            assertThat(name).as("variable name").matches("[a-zA-Z_][a-zA-Z0-9_]*");
            assertThat(names.add(name)).as("variable %s defined once", name).isTrue();
            assertThat(VARIABLE_TYPES).as("type of $%s", name).contains(v.path("type").asText());
            assertThat(v.has("current")).as("current value of $%s", name).isTrue();
            switch (v.path("type").asText()) {
                case "query" -> {
                    assertDatasource(v.path("datasource"), uid, "variable $" + name);
                    String query = v.path("query").isObject() ? v.path("query").path("query").asText() : v.path("query").asText();
                    assertThat(query).as("query of $%s", name).isNotBlank();
                    assertThat(v.path("definition").asText()).as("definition of $%s", name).isEqualTo(query);
                }
                case "custom" -> {
                    List<String> options = new ArrayList<>();
                    v.path("options").forEach(o -> options.add(o.path("value").asText()));
                    assertThat(options).as("options of $%s", name)
                            .containsExactly(v.path("query").asText().split("\\s*,\\s*"));
                    if (!v.path("includeAll").asBoolean()) {
                        assertThat(options).as("current of $%s", name).contains(v.path("current").path("value").asText());
                    }
                }
                default -> {
                }
            }
            if (v.path("includeAll").asBoolean()) {
                assertThat(v.path("multi").isBoolean()).isTrue();
            }
        }
        // Every variable an expression uses is defined (PromqlExpressions fails on an unknown one).
        assertThat(PromqlExpressions.fromDashboards()).allSatisfy(e -> assertThat(e.expr()).doesNotContain("$"));
    }

    /**
     * The trend (timeseries) and sector (bargauge) panels of indicator-families draw the contract's targets as
     * threshold lines; stat panels have no such thresholds (see {@link #indicatorStatsAreColouredByTheirStatus}).
     */
    @Test
    void thresholdLinesOfTrendAndSectorPanelsAreTheContractTargets() {
        Targets targets = Targets.contractDefaults();
        int checked = 0;
        for (Path file : ObservabilityFiles.dashboards()) {
            JsonNode d = ObservabilityFiles.json(file);
            Map<String, String> values = PromqlExpressions.variableValues(d);
            for (JsonNode p : ObservabilityFiles.panels(d)) {
                Optional<IndicatorPanel> ip = indicatorPanel(p, values);
                if (ip.isEmpty() || isStat(p)) {
                    continue;
                }
                String where = file.getFileName() + " panel " + p.path("id") + " " + p.path("title");
                List<Double> steps = new ArrayList<>();
                JsonNode stepNodes = p.path("fieldConfig").path("defaults").path("thresholds").path("steps");
                assertThat(stepNodes.size()).as("threshold steps of %s", where).isPositive();
                assertThat(stepNodes.path(0).path("value").isNull()).as("base step of %s", where).isTrue();
                for (int i = 1; i < stepNodes.size(); i++) {
                    steps.add(stepNodes.path(i).path("value").asDouble());
                }
                Optional<Target> target = targets.forCell(new IndicatorCell(ip.get().indicator(),
                        samplePeriod(ip.get().kind()), "all"));
                if (target.isEmpty()) {
                    assertThat(steps).as("%s: %s has no target for %s: no threshold steps", where,
                            ip.get().indicator().id(), ip.get().kind()).isEmpty();
                } else {
                    Target t = target.get();
                    assertThat(t.comparison()).isEqualTo(Target.Comparison.AT_LEAST);
                    double lower = ip.get().indicator().kind() == IndicatorKind.COUNT ? t.value() * (1 - t.tolerance())
                            : t.value() - t.tolerance();
                    assertThat(steps).as("%s: thresholds of %s (AT_RISK from, ON_TRACK from)", where,
                            ip.get().indicator().id()).hasSize(2);
                    assertThat(steps.get(0)).as("%s: AT_RISK threshold", where).isCloseTo(lower,
                            org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(steps.get(1)).as("%s: target threshold", where).isCloseTo(t.value(),
                            org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(stepNodes.path(2).path("color").asText()).as("%s: target colour", where).isEqualTo("green");
                    assertThat(stepNodes.path(1).path("color").asText()).as("%s: at risk colour", where).isEqualTo("orange");
                    assertThat(stepNodes.path(0).path("color").asText()).as("%s: off track colour", where).isEqualTo("red");
                }
                checked++;
            }
        }
        assertThat(checked).as("trend and sector panels checked").isGreaterThanOrEqualTo(14);
    }

    /** The colour of each status, as on the scorecard's table of all cells. */
    static final Map<String, String> STATUS_COLOURS = Map.of("ON_TRACK", "green", "AT_RISK", "orange",
            "OFF_TRACK", "red", "NO_TARGET", "blue", "NO_DATA", "text", "SUPPRESSED", "purple");
    private static final Pattern STATUS_COLOUR = Pattern.compile(
            ", \"color\", \"(\\w+)\", \"status\", \"(\\w+)\"\\)");
    private static final Pattern SELECTOR = Pattern.compile("\\{([^}]*)}");

    static boolean isStat(JsonNode panel) {
        return "stat".equals(panel.path("type").asText());
    }

    /**
     * No stat panel that shows an indicator gauge (abu_indicator_*) has thresholds: their colour must not come from
     * numbers copied from targets.json, which go stale when a target changes at run time.
     */
    @Test
    void noIndicatorStatHasFixedThresholds() {
        int checked = 0;
        for (Path file : ObservabilityFiles.dashboards()) {
            for (JsonNode p : ObservabilityFiles.panels(ObservabilityFiles.json(file))) {
                boolean readsIndicators = false;
                for (JsonNode t : p.path("targets")) {
                    readsIndicators |= t.path("expr").asText().contains("abu_indicator_");
                }
                if (!isStat(p) || !readsIndicators) {
                    continue;
                }
                String where = file.getFileName() + " panel " + p.path("id") + " " + p.path("title");
                JsonNode defaults = p.path("fieldConfig").path("defaults");
                List<JsonNode> numericSteps = new ArrayList<>();
                defaults.path("thresholds").path("steps").forEach(step -> {
                    if (!step.path("value").isNull()) {
                        numericSteps.add(step);
                    }
                });
                assertThat(numericSteps).as("threshold steps with a value in %s", where).isEmpty();
                assertThat(defaults.path("color").path("mode").asText()).as("colour mode of %s", where)
                        .isNotEqualTo("thresholds");
                for (JsonNode o : p.path("fieldConfig").path("overrides")) {
                    o.path("properties").forEach(prop -> assertThat(prop.path("id").asText())
                            .as("override property of %s", where).isNotEqualTo("thresholds"));
                }
                checked++;
            }
        }
        assertThat(checked).as("indicator stat panels checked").isGreaterThanOrEqualTo(19);
    }

    /**
     * Every indicator stat (a stat reading abu_indicator_value of one indicator) is coloured by the status the
     * pipeline computes: a second, instant, table-format query reads abu_indicator_status of the same cell (same
     * indicator, period kind and scope) and gives each status its colour in a label {@code color}; the transformation
     * "Config from query results" takes that query as config, maps {@code color} to the colour of the value query's
     * fields, and removes it from the display. No value mapping may override that colour.
     */
    @Test
    void indicatorStatsAreColouredByTheirStatus() {
        int checked = 0;
        for (Path file : ObservabilityFiles.dashboards()) {
            JsonNode d = ObservabilityFiles.json(file);
            Map<String, String> values = PromqlExpressions.variableValues(d);
            for (JsonNode p : ObservabilityFiles.panels(d)) {
                if (!isStat(p) || indicatorPanel(p, values).isEmpty()) {
                    continue;
                }
                String where = file.getFileName() + " panel " + p.path("id") + " " + p.path("title");
                JsonNode value = null;
                JsonNode status = null;
                for (JsonNode t : p.path("targets")) {
                    if (t.path("expr").asText().contains("abu_indicator_status")) {
                        assertThat(status).as("one status query in %s", where).isNull();
                        status = t;
                    } else if (t.path("expr").asText().contains("abu_indicator_value")) {
                        value = t;
                    }
                }
                assertThat(value).as("value query of %s", where).isNotNull();
                assertThat(status).as("query of abu_indicator_status in %s", where).isNotNull();
                String valueExpr = value.path("expr").asText();
                String statusExpr = status.path("expr").asText();
                // the same cell: the value query's first selector, as the status query's selector
                Matcher vs = SELECTOR.matcher(valueExpr);
                Matcher ss = SELECTOR.matcher(statusExpr.substring(statusExpr.indexOf("abu_indicator_status")));
                assertThat(vs.find() && ss.find()).as("selectors in %s", where).isTrue();
                assertThat(ss.group(1)).as("cell of the status query of %s", where).isEqualTo(vs.group(1));
                assertThat(statusExpr).as("status query of %s", where).contains("abu_indicator_status{" + vs.group(1)
                        + "} == 1");
                Map<String, String> colours = new java.util.HashMap<>();
                Matcher c = STATUS_COLOUR.matcher(statusExpr);
                while (c.find()) {
                    colours.put(c.group(2), c.group(1));
                }
                assertThat(colours).as("colour of each status in %s", where).isEqualTo(STATUS_COLOURS);
                // where the value falls back to 0 for a month without a cell, the status falls back to no status
                assertThat(statusExpr.contains(" or on () ")).as("fallback of the status query of %s", where)
                        .isEqualTo(valueExpr.contains(" or on () "));
                assertThat(status.path("instant").asBoolean()).as("status query of %s is instant", where).isTrue();
                assertThat(status.path("format").asText()).as("status query format of %s", where).isEqualTo("table");
                // a hidden query is not run by Grafana 10, so the transformation would have nothing
                assertThat(status.path("hide").asBoolean()).as("status query of %s hidden", where).isFalse();

                List<JsonNode> configFromData = new ArrayList<>();
                p.path("transformations").forEach(tr -> {
                    if ("configFromData".equals(tr.path("id").asText())) {
                        configFromData.add(tr.path("options"));
                    }
                });
                assertThat(configFromData).as("Config from query results in %s", where).hasSize(1);
                JsonNode options = configFromData.get(0);
                assertThat(options.path("configRefId").asText()).as("config query of %s", where)
                        .isEqualTo(status.path("refId").asText());
                assertThat(options.path("applyTo").path("id").asText()).isEqualTo("byFrameRefID");
                assertThat(options.path("applyTo").path("options").asText()).as("fields coloured in %s", where)
                        .isEqualTo(value.path("refId").asText());
                List<String> colourFields = new ArrayList<>();
                options.path("mappings").forEach(m -> {
                    if ("color".equals(m.path("handlerKey").asText())) {
                        colourFields.add(m.path("fieldName").asText());
                    }
                });
                assertThat(colourFields).as("field mapped to the colour in %s", where).containsExactly("color");
                JsonNode defaults = p.path("fieldConfig").path("defaults");
                assertThat(defaults.path("mappings").size()).as("value mappings of %s", where).isZero();
                assertThat(defaults.path("color").path("mode").asText()).as("colour mode of %s", where)
                        .isEqualTo("fixed");
                assertThat(p.path("options").path("colorMode").asText()).as("colorMode of %s", where)
                        .isEqualTo("background");
                checked++;
            }
        }
        assertThat(checked).as("indicator stats checked").isGreaterThanOrEqualTo(18);
    }

    /** The colours of the stats are those of the table of all cells on the scorecard. */
    @Test
    void statusColoursAreThoseOfTheTableOfAllCells() {
        JsonNode d = ObservabilityFiles.json(ObservabilityFiles.path("grafana/dashboards/plan-scorecard.json"));
        Map<String, String> table = new java.util.HashMap<>();
        for (JsonNode p : ObservabilityFiles.panels(d)) {
            for (JsonNode o : p.path("fieldConfig").path("overrides")) {
                if (!"status".equals(o.path("matcher").path("options").asText())) {
                    continue;
                }
                for (JsonNode prop : o.path("properties")) {
                    if ("mappings".equals(prop.path("id").asText())) {
                        prop.path("value").path(0).path("options").fields()
                                .forEachRemaining(e -> table.put(e.getKey(), e.getValue().path("color").asText()));
                    }
                }
            }
        }
        assertThat(table).isEqualTo(STATUS_COLOURS);
        assertThat(STATUS_COLOURS.keySet()).as("every status of the schema")
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(IndicatorStatus.values())
                        .map(Enum::name).toList());
    }

    /**
     * Each indicator stat of the scorecard links to its family's trend panel on indicator-families (by the
     * dashboard's uid, the panel of the same indicator), keeping the time range and the variables, with the stat's
     * period kind.
     */
    @Test
    void theScorecardLinksEachIndicatorToItsFamilyPanel() {
        JsonNode scorecard = ObservabilityFiles.json(ObservabilityFiles.path("grafana/dashboards/plan-scorecard.json"));
        JsonNode families = ObservabilityFiles.json(ObservabilityFiles.path("grafana/dashboards/indicator-families.json"));
        Map<String, String> familyValues = PromqlExpressions.variableValues(families);
        Map<Integer, JsonNode> familyPanels = new java.util.HashMap<>();
        ObservabilityFiles.panels(families).forEach(p -> familyPanels.put(p.path("id").asInt(), p));
        Map<String, String> values = PromqlExpressions.variableValues(scorecard);
        Pattern viewPanel = Pattern.compile("[?&]viewPanel=(\\d+)(&|$)");
        int checked = 0;
        for (JsonNode p : ObservabilityFiles.panels(scorecard)) {
            Optional<IndicatorPanel> ip = indicatorPanel(p, values);
            if (!isStat(p) || ip.isEmpty()) {
                continue;
            }
            String where = "plan-scorecard panel " + p.path("id") + " " + p.path("title");
            JsonNode links = p.path("fieldConfig").path("defaults").path("links");
            assertThat(links.size()).as("data links of %s", where).isEqualTo(1);
            String url = links.path(0).path("url").asText();
            assertThat(url).as("link of %s", where).startsWith("/d/" + families.path("uid").asText() + "/")
                    .contains("${__url_time_range}", "${__all_variables}",
                            "var-period_kind=" + ip.get().kind().name().toLowerCase(java.util.Locale.ROOT));
            Matcher m = viewPanel.matcher(url);
            assertThat(m.find()).as("viewPanel in the link of %s: %s", where, url).isTrue();
            JsonNode target = familyPanels.get(Integer.parseInt(m.group(1)));
            assertThat(target).as("panel %s of indicator-families, linked from %s", m.group(1), where).isNotNull();
            assertThat(indicatorPanel(target, familyValues).map(t -> t.indicator()))
                    .as("indicator of the panel %s linked from %s", m.group(1), where).contains(ip.get().indicator());
            assertThat(links.path(0).path("title").asText()).as("link title of %s", where).isNotBlank();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(18);
    }

    static final String FIRING_ALERTS = "ALERTS{alertname=~\"Abu.*\", alertstate=\"firing\"}";

    /** Every dashboard marks the firing Abu* alerts, from the provisioned Prometheus datasource. */
    @ParameterizedTest
    @MethodSource("dashboards")
    void firingAlertsAreAnnotations(Path file) {
        List<JsonNode> annotations = PromqlExpressions.prometheusAnnotations(ObservabilityFiles.json(file));
        assertThat(annotations).as("Prometheus annotations of %s", file.getFileName())
                .anySatisfy(a -> {
                    assertThat(a.path("expr").asText()).isEqualTo(FIRING_ALERTS);
                    assertThat(a.path("enable").asBoolean()).isTrue();
                    assertThat(a.path("hide").asBoolean()).isFalse();
                    assertDatasource(a.path("datasource"), datasourceUid(), file.getFileName() + " annotation");
                    assertThat(a.path("titleFormat").asText()).contains("{{alertname}}");
                    assertThat(a.path("name").asText()).isNotBlank();
                });
    }

    @Test
    void theScorecardShowsEveryIndicatorForTheCurrentYearAndMonth() {
        JsonNode d = ObservabilityFiles.json(ObservabilityFiles.path("grafana/dashboards/plan-scorecard.json"));
        Map<String, String> values = PromqlExpressions.variableValues(d);
        Set<String> cards = new TreeSet<>();
        for (JsonNode p : ObservabilityFiles.panels(d)) {
            indicatorPanel(p, values).ifPresent(ip -> cards.add(ip.indicator().id() + "/" + ip.kind()));
        }
        for (Indicator i : Indicator.values()) {
            assertThat(cards).contains(i.id() + "/" + PeriodKind.YEAR, i.id() + "/" + PeriodKind.MONTH);
        }
    }

    /** The app's metrics (see the README) and the Micrometer Kafka Streams / JVM meters the dashboards use. */
    static final Set<String> EXPORTED_METRICS = Set.of(
            "abu_indicator_value", "abu_indicator_numerator", "abu_indicator_denominator", "abu_indicator_target",
            "abu_indicator_expected", "abu_indicator_status",
            "abu_records_accepted_total", "abu_records_stale_total", "abu_records_rejected_total",
            "kafka_stream_client_state", "kafka_stream_alive_stream_threads", "kafka_stream_failed_stream_threads_total",
            "kafka_stream_thread_process_total", "kafka_consumer_fetch_manager_records_lag_max",
            "jvm_memory_used_bytes", "jvm_memory_max_bytes", "jvm_gc_pause_seconds_sum", "jvm_threads_live_threads",
            "process_cpu_usage", "system_cpu_usage");
    private static final Pattern METRIC = Pattern.compile("(?<![\\w:.])((?:abu|kafka|jvm|process|system)_[a-z0-9_]+)(?![\\w:])");

    @Test
    void dashboardsAndRulesUseOnlyExportedMetrics() {
        List<PromqlExpressions.Expression> all = PromqlExpressions.all();
        assertThat(all).hasSizeGreaterThan(40);
        for (PromqlExpressions.Expression e : all) {
            Matcher m = METRIC.matcher(e.expr());
            while (m.find()) {
                assertThat(EXPORTED_METRICS).as("metric %s in %s", m.group(1), e.source()).contains(m.group(1));
            }
        }
    }

    /** A panel whose queries read abu_indicator_value of exactly one indicator, and the period kind they read. */
    record IndicatorPanel(Indicator indicator, PeriodKind kind) {
    }

    static Optional<IndicatorPanel> indicatorPanel(JsonNode panel, Map<String, String> values) {
        Set<String> indicators = new TreeSet<>();
        TreeSet<String> kinds = new TreeSet<>();
        for (JsonNode t : panel.path("targets")) {
            String expr = PromqlExpressions.substitute(t.path("expr").asText(), values, "panel " + panel.path("id"));
            if (!expr.contains("abu_indicator_value")) {
                continue;
            }
            Matcher m = INDICATOR.matcher(expr);
            while (m.find()) {
                indicators.add(m.group(1));
            }
            Matcher k = PERIOD_KIND.matcher(expr);
            while (k.find()) {
                kinds.add(k.group(1));
            }
        }
        if (indicators.size() != 1) {
            return Optional.empty();
        }
        if (kinds.size() > 1) {
            fail("panel %s reads several period kinds: %s", panel.path("title"), kinds);
        }
        PeriodKind kind = kinds.isEmpty() ? PeriodKind.YEAR : PeriodKind.valueOf(kinds.first().toUpperCase());
        return Optional.of(new IndicatorPanel(Indicator.byId(indicators.iterator().next()), kind));
    }

    private static Period samplePeriod(PeriodKind kind) {
        LocalDate d = LocalDate.of(2026, 11, 15);
        return switch (kind) {
            case YEAR -> Period.year(d.getYear());
            case QUARTER -> Period.quarter(d.getYear(), 4);
            case MONTH -> Period.month(d.getYear(), d.getMonthValue());
        };
    }
}
