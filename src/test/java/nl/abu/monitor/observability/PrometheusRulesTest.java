package nl.abu.monitor.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs promtool (Debian package {@code prometheus}; .ci/run installs it) on prometheus/: the configuration, the
 * rule files, their unit tests, and the dashboard queries as PromQL. Without promtool the tests fail: they do not
 * skip. {@code PROMTOOL} may name the binary; otherwise it is looked up on the PATH.
 */
class PrometheusRulesTest {

    static String promtool() {
        String env = System.getenv("PROMTOOL");
        if (env != null && !env.isBlank()) {
            return env;
        }
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(d -> !d.isBlank()).map(d -> Path.of(d, "promtool")).filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            fail("promtool not found on the PATH (nor in $PROMTOOL). Install it with "
                    + "`apt-get update && apt-get install -y prometheus` (Debian; .ci/run does this in CI).");
        }
        return found.get().toString();
    }

    @Test
    void configIsValid() {
        run(List.of("check", "config", "prometheus/prometheus.yml"));
    }

    @Test
    void ruleFilesAreValid() {
        List<String> args = new ArrayList<>(List.of("check", "rules"));
        ObservabilityFiles.ruleFiles().forEach(f -> args.add(relative(f)));
        assertThat(args).contains("prometheus/rules/recording.yml", "prometheus/rules/alerts.yml");
        run(args);
    }

    @Test
    void ruleUnitTestsPass() {
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        ObservabilityFiles.ruleTestFiles().forEach(f -> args.add(relative(f)));
        assertThat(args).hasSizeGreaterThan(2);
        run(args);
    }

    /** promtool has no "check expression": each dashboard query becomes a recording rule that `check rules` parses. */
    @Test
    void dashboardQueriesAreValidPromql(@TempDir Path dir) throws IOException {
        List<PromqlExpressions.Expression> exprs = PromqlExpressions.fromDashboards();
        assertThat(exprs).isNotEmpty();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard_queries\n    rules:\n");
        for (int i = 0; i < exprs.size(); i++) {
            rules.append("      # ").append(exprs.get(i).source().replace('\n', ' ')).append('\n')
                    .append("      - record: dashboard:query_").append(i).append(":check\n")
                    .append("        expr: ").append(ObservabilityFiles.JSON.writeValueAsString(exprs.get(i).expr()))
                    .append('\n');
        }
        Path file = dir.resolve("dashboard-queries.yml");
        Files.writeString(file, rules, StandardCharsets.UTF_8);
        run(List.of("check", "rules", file.toString()));
    }

    /**
     * Every alert has an annotation {@code runbook_url} = {@value #RUNBOOK_BASE}{@code docs/runbook.md#<anchor>}, and
     * the anchor is the GitHub anchor of a heading of docs/runbook.md: the alert's own level-2 section (its name in
     * lower case). Each level-2 section of the runbook is an alert, so that none is left over when an alert goes.
     */
    @Test
    void everyAlertHasARunbookSection() throws IOException {
        Set<String> anchors = new HashSet<>();
        Set<String> sections = new TreeSet<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(ObservabilityFiles.path("docs/runbook.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (!fenced && heading.matches()) {
                anchors.add(githubAnchor(heading.group(2)));
                if (heading.group(1).length() == 2) {
                    sections.add(heading.group(2).strip());
                }
            }
        }
        Set<String> alerts = new TreeSet<>();
        for (Path file : ObservabilityFiles.ruleFiles()) {
            for (JsonNode group : ObservabilityFiles.yaml(file).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    if (!rule.has("alert")) {
                        continue;
                    }
                    String alert = rule.path("alert").asText();
                    alerts.add(alert);
                    String url = rule.path("annotations").path("runbook_url").asText();
                    assertThat(url).as("runbook_url of %s", alert).startsWith(RUNBOOK_BASE + "docs/runbook.md#");
                    String anchor = url.substring(url.indexOf('#') + 1);
                    assertThat(anchor).as("anchor of the runbook_url of %s", alert).isEqualTo(alert.toLowerCase(Locale.ROOT));
                    assertThat(anchors).as("headings of docs/runbook.md, for the runbook_url of %s", alert)
                            .contains(anchor);
                }
            }
        }
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(6);
        assertThat(sections).as("the sections (##) of docs/runbook.md: one per alert").isEqualTo(alerts);
    }

    private static final String RUNBOOK_BASE = "{{ $externalLabels.runbook_base_url }}";
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");

    /** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
    static String githubAnchor(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static String relative(Path f) {
        return ObservabilityFiles.root().relativize(f).toString();
    }

    private static void run(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(promtool());
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).directory(ObservabilityFiles.root().toFile())
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("promtool did not finish in 120 s: " + String.join(" ", command));
            }
            String output = new String(out, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("exit code of `%s`; output:%n%s", String.join(" ", command), output)
                    .isZero();
        } catch (IOException e) {
            fail("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted", e);
        }
    }
}
