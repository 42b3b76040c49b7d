package nl.abu.monitor.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.abu.monitor.cli.TestMonitor;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.AlertState;
import nl.abu.monitor.events.IndicatorAlert;
import nl.abu.monitor.events.IndicatorStatus;
import nl.abu.monitor.events.IndicatorTarget;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.output.metrics.IndicatorGauges;
import nl.abu.monitor.output.targets.Target;
import nl.abu.monitor.output.targets.TargetRecords;
import nl.abu.monitor.output.targets.Targets;
import nl.abu.monitor.serde.AvroSerdes;
import nl.abu.monitor.tools.embedded.EmbeddedPlatform;
import nl.abu.monitor.tools.publish.Publisher;
import nl.abu.monitor.tools.simulator.DisturbanceRates;
import nl.abu.monitor.tools.simulator.MemberEventSimulator;
import nl.abu.monitor.tools.simulator.RecordKind;
import nl.abu.monitor.tools.simulator.SimulatedRecord;
import nl.abu.monitor.tools.simulator.SimulationConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The acceptance test of issue 4 against a real Prometheus: the monitor, fed with a simulated 2025 up to the as-of
 * date 2025-11-15, is scraped every second by the Debian {@code prometheus} binary, which evaluates the repository's
 * recording and alerting rules; then every PromQL expression of the repository is evaluated through the HTTP API.
 *
 * <p>What runs: an {@link EmbeddedPlatform} (Kafka broker and schema registry), one monitor ({@link TestMonitor},
 * as-of date fixed, so the figures are deterministic; the pipeline re-reads its targets every 2 s instead of every
 * minute), and a Prometheus child process ({@link PrometheusServer}) on a free loopback port with its own data
 * directory and a generated configuration: scrape and evaluation interval 1 s, the monitor's /metrics as the only
 * target, under the job name of the repository's prometheus.yml, and COPIES of prometheus/rules/recording.yml and
 * alerts.yml whose alert {@code for:} durations are cut to {@value #TEST_FOR} (see {@link #writeRuleCopies}).
 *
 * <p>What is asserted:
 * <ol>
 * <li>The data have what the dashboards show: rejected records, stale records, and the cell
 * {@value #INDICATOR}|{@value #YEAR}|all OFF_TRACK against its target.</li>
 * <li>Every expression of {@link PromqlExpressions#all()} (each dashboard panel's queries with the Grafana
 * variables substituted, each recording rule and each alerting rule) returns a non-empty result from
 * {@code /api/v1/query}. All failures are reported together, each with its source. An alerting rule that compares
 * its data with a threshold ({@code up == 0}, {@code kafka_stream_client_state != 2}, rejected ratio
 * {@code > 0.05}, lag {@code > 10000}) is empty as long as all is well, which is the case here; for those the data
 * part is evaluated instead: the left-hand side of the comparison with a number that ends the expression
 * ({@link PromqlExpressions.Expression#withoutThreshold()}). The drift alerts end in {@code and on (...) (... == 1)},
 * a selection of the cells with a status rather than a threshold: they are evaluated as written, and the data make
 * them true (cells AT_RISK and OFF_TRACK exist).</li>
 * <li>The drift alert AbuIndicatorOffTrack for the off-track cell fires, with the labels indicator, period,
 * period_kind, scope, severity and status.</li>
 * <li>A target changed on the targets topic at run time, without a restart, changes the exported status and target
 * of the cell, emits a RESOLVED alert on {@value Topics#INDICATOR_ALERTS}, and ends the Prometheus alert.</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LivePrometheusIT {
    private static final LocalDate AS_OF = LocalDate.of(2025, 11, 15);
    private static final long SEED = 1;
    private static final double SCALE = 0.01;
    private static final String INDICATOR = "language_training_share";
    private static final String YEAR = "2025";
    /** The alerts' {@code for:} in the rule copies. */
    private static final String TEST_FOR = "5s";
    /** rate(...[5m]) and rate(...[1m]) need two samples of a counter; wait for many more before evaluating. */
    private static final Duration SCRAPED_FOR_AT_LEAST = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SERIES = Pattern.compile("^(\\w+)(?:\\{(.*)\\})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private static final long STARTED = System.nanoTime();
    private static final Map<String, Duration> TIMINGS = new LinkedHashMap<>();
    private static Path dir;
    private static EmbeddedPlatform platform;
    private static TestMonitor monitor;
    private static PrometheusServer prometheus;
    private static Instant prometheusStarted;
    private static final Map<RecordKind, Integer> PUBLISHED = new EnumMap<>(RecordKind.class);

    @BeforeAll
    static void startEverything() throws Exception {
        // Under target/, so that Prometheus's configuration, log and data can be looked at after a run.
        dir = ObservabilityFiles.path("target/live-prometheus-it");
        deleteRecursively(dir);
        Files.createDirectories(dir);
        platform = EmbeddedPlatform.start();
        monitor = TestMonitor.start(platform, "live-prometheus-it", dir.resolve("state"), AS_OF,
                Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(90)).until(monitor::isRunning);
        mark("platform and monitor running");

        // Prometheus first, so that it sees the counters grow while the year is published
        prometheus = PrometheusServer.start(writeConfig(), dir);
        prometheusStarted = Instant.now();
        mark("prometheus ready");

        publishSimulatedYear();
        mark("simulated year published " + PUBLISHED);
    }

    @AfterAll
    static void stopEverything() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (monitor != null) {
            monitor.close();
        }
        if (platform != null) {
            platform.close();
        }
        mark("stopped");
        TIMINGS.forEach((what, at) -> System.out.printf("LivePrometheusIT %6.1f s  %s%n", at.toMillis() / 1000.0,
                what));
    }

    /** The records of 2025 up to the as-of date, noise included (invalid, stale, duplicate, corrected, retracted). */
    private static void publishSimulatedYear() {
        SimulationConfig year = new SimulationConfig(SEED, SCALE, LocalDate.of(2025, 1, 1), AS_OF,
                DisturbanceRates.defaults());
        try (Publisher publisher = new Publisher(platform.bootstrapServers(), serdeConfig(), Map.of())) {
            for (SimulatedRecord r : new MemberEventSimulator(year)) {
                publisher.send(r.topic(), r.key(), r.value(), r.timestampMillis());
                PUBLISHED.merge(r.kind(), 1, Integer::sum);
            }
            publisher.flush();
        }
        assertThat(PUBLISHED.getOrDefault(RecordKind.INVALID, 0)).as("invalid records sent").isPositive();
        assertThat(PUBLISHED.getOrDefault(RecordKind.STALE, 0)).as("stale records sent").isPositive();
    }

    @Test
    @Order(1)
    void theDataHaveRejectedAndStaleRecordsAndAnOffTrackIndicator() throws Exception {
        // every record published has been counted: accepted, stale or rejected
        int published = PUBLISHED.values().stream().mapToInt(Integer::intValue).sum();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Scrape scrape = scrape();
            assertThat(scrape.sum("abu_records_accepted_total") + scrape.sum("abu_records_stale_total")
                    + scrape.sum("abu_records_rejected_total")).as("records counted").isEqualTo(published);
        });
        mark("every record counted");
        // then the gauges show the processed input after their next refresh (and the commit before it)
        Thread.sleep(IndicatorGauges.DEFAULT_REFRESH_INTERVAL.plusSeconds(3).toMillis());
        Scrape scrape = scrape();
        Files.writeString(dir.resolve("metrics.txt"), scrape.text());
        assertThat(scrape.sum("abu_records_rejected_total")).as("rejected").isPositive();
        assertThat(scrape.sum("abu_records_stale_total")).as("stale").isPositive();
        assertThat(scrape.status(INDICATOR, YEAR, "all")).isEqualTo("OFF_TRACK");
        System.out.printf("LivePrometheusIT: %d records published; accepted %.0f, rejected %.0f, stale %.0f; "
                        + "%s|%s|all = %.4f (target %.2f) %s; cells by status %s%n", published,
                scrape.sum("abu_records_accepted_total"), scrape.sum("abu_records_rejected_total"),
                scrape.sum("abu_records_stale_total"), INDICATOR, YEAR,
                scrape.value("abu_indicator_value", INDICATOR, YEAR, "all"),
                scrape.value("abu_indicator_target", INDICATOR, YEAR, "all"), scrape.status(INDICATOR, YEAR, "all"),
                scrape.statusCounts());
        mark("indicators exported");
    }

    @Test
    @Order(2)
    void everyDashboardQueryAndRuleReturnsData() throws Exception {
        // Prometheus has scraped long enough for the rate() windows, and has the indicators
        Instant enough = prometheusStarted.plus(SCRAPED_FOR_AT_LEAST);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), enough).toMillis()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                prometheus.query("abu_indicator_status{indicator=\"" + INDICATOR + "\",period=\"" + YEAR
                        + "\",scope=\"all\",status=\"OFF_TRACK\"} == 1").path("result")).isNotEmpty());
        mark("prometheus has the indicators");

        List<PromqlExpressions.Expression> expressions = PromqlExpressions.allWithoutThresholds();
        // Recording rules are evaluated every second: give a late one a few rounds before reporting.
        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        do {
            failures.clear();
            for (PromqlExpressions.Expression e : expressions) {
                String problem = problemOf(e);
                if (problem != null) {
                    failures.add(e.source() + "\n      " + e.expr().replace("\n", "\n      ") + "\n      -> " + problem);
                }
            }
        } while (!failures.isEmpty() && System.nanoTime() < deadline && sleep(2_000));
        long reduced = expressions.stream().filter(e -> e.source().contains("without its threshold")).count();
        System.out.printf("LivePrometheusIT: %d expressions evaluated (%d dashboard queries, %d rules, %d of them "
                        + "alerts reduced to their data part), %d empty or failing%n", expressions.size(),
                PromqlExpressions.fromDashboards().size(), PromqlExpressions.fromRules().size(), reduced,
                failures.size());
        assertThat(failures).as("expressions that returned no data:%n  %s", String.join("\n  ", failures))
                .isEmpty();
        for (PromqlExpressions.Expression e : expressions) {
            if (e.kind() == PromqlExpressions.Kind.ALERTING_RULE) {
                JsonNode result = prometheus.query(e.expr()).path("result");
                System.out.printf("LivePrometheusIT: %s: %d series, first %s%n", e.source(), result.size(),
                        result.path(0).path("value").path(1).asText());
            }
        }
        assertThat(expressions).hasSizeGreaterThan(50);
        // and the drift rules are true as written, not only reduced
        assertThat(expressions).filteredOn(e -> e.source().endsWith("alerts.yml AbuIndicatorAtRisk")
                || e.source().endsWith("alerts.yml AbuIndicatorOffTrack")).hasSize(2)
                .allSatisfy(e -> assertThat(e.expr()).contains("== 1)"));
        mark("all expressions evaluated");
    }

    /** Null when the expression returns data; otherwise why not. */
    private static String problemOf(PromqlExpressions.Expression e) {
        try {
            JsonNode data = prometheus.query(e.expr());
            String type = data.path("resultType").asText();
            JsonNode result = data.path("result");
            boolean empty = switch (type) {
                case "vector", "matrix" -> result.isEmpty();
                case "scalar", "string" -> false;
                default -> true;
            };
            return empty ? "empty " + type : null;
        } catch (RuntimeException ex) {
            return "error: " + ex.getMessage();
        }
    }

    @Test
    @Order(3)
    void theOffTrackDriftAlertFires() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode alert = offTrackAlert().orElseThrow(() -> new AssertionError("no AbuIndicatorOffTrack for "
                    + INDICATOR + " " + YEAR + " all in " + prometheus.get("/api/v1/alerts")));
            assertThat(alert.path("state").asText()).isEqualTo("firing");
            JsonNode labels = alert.path("labels");
            assertThat(labels.path("period_kind").asText()).isEqualTo("year");
            assertThat(labels.path("severity").asText()).isEqualTo("critical");
            assertThat(labels.path("status").asText()).isEqualTo("OFF_TRACK");
            assertThat(alert.path("annotations").path("summary").asText()).contains(INDICATOR, "OFF_TRACK",
                    "against a target of 0.35");
        });
        // also as the ALERTS series
        assertThat(prometheus.query("ALERTS{alertname=\"AbuIndicatorOffTrack\",alertstate=\"firing\",indicator=\""
                + INDICATOR + "\",period=\"" + YEAR + "\",scope=\"all\"}").path("result")).hasSize(1);
        mark("drift alert firing");
    }

    /** The AbuIndicatorOffTrack alert of the cell (indicator, 2025, all), in any state. */
    private static Optional<JsonNode> offTrackAlert() {
        for (JsonNode alert : prometheus.get("/api/v1/alerts").path("alerts")) {
            JsonNode labels = alert.path("labels");
            if (labels.path("alertname").asText().equals("AbuIndicatorOffTrack")
                    && labels.path("indicator").asText().equals(INDICATOR)
                    && labels.path("period").asText().equals(YEAR) && labels.path("scope").asText().equals("all")) {
                return Optional.of(alert);
            }
        }
        return Optional.empty();
    }

    /**
     * The pipeline alerts of issue 12 and the dashboards' status queries, against the live data: the Kafka Streams
     * thread metrics exist (at least one thread alive, none failed), AbuStreamThreadFailed and AbuInputTopicSilent
     * are not firing while data flows, and their data parts show why (no missing or failed thread; a record rate
     * above 0 on every input topic); every status query of the scorecard's stats returns the cell's status with the
     * colour the dashboard gives it.
     */
    @Test
    @Order(4)
    void theThreadAndSilenceAlertsAndTheStatusQueriesWorkOnLiveData() {
        // the alive-threads metric the alert and the pipeline-health dashboard read
        JsonNode alive = prometheus.query("kafka_stream_alive_stream_threads{job=\"migration-monitor\"}").path("result");
        assertThat(alive).as("kafka_stream_alive_stream_threads").isNotEmpty();
        alive.forEach(s -> assertThat(s.path("value").path(1).asDouble()).as("alive threads of %s", s.path("metric"))
                .isGreaterThanOrEqualTo(1));
        JsonNode failed = prometheus.query("kafka_stream_failed_stream_threads_total{job=\"migration-monitor\"}")
                .path("result");
        assertThat(failed).as("kafka_stream_failed_stream_threads_total").isNotEmpty();
        failed.forEach(s -> assertThat(s.path("value").path(1).asDouble()).as("failed threads").isZero());

        PromqlExpressions.Expression threads = rule("AbuStreamThreadFailed");
        assertThat(prometheus.query(threads.expr()).path("result")).as("%s as written", threads.source()).isEmpty();
        JsonNode trouble = prometheus.query(threads.withoutThreshold().expr()).path("result");
        assertThat(trouble).as("data part of %s", threads.source()).isNotEmpty();
        trouble.forEach(s -> assertThat(s.path("value").path(1).asDouble()).as("missing + failed threads + ERROR of %s",
                s.path("metric")).isZero());

        // The simulated year came in one burst, mostly before Prometheus first scraped, so no increase may have been
        // seen yet. Data flowing means records while Prometheus watches: a few records of every input topic are
        // sent again (stale versions then, which change no indicator), twice, so that the counters grow between
        // scrapes.
        PromqlExpressions.Expression silence = rule("AbuInputTopicSilent");
        resendSomeRecordsOfEveryInputTopic();
        sleep(2_500);
        resendSomeRecordsOfEveryInputTopic();
        Map<String, Double> rates = new java.util.TreeMap<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            rates.clear();
            prometheus.query(silence.withoutThreshold().expr()).path("result").forEach(s -> rates.put(
                    s.path("metric").path("topic").asText(), s.path("value").path(1).asDouble()));
            assertThat(rates.keySet()).as("topics of the data part of %s", silence.source())
                    .containsAll(Topics.INPUTS);
            assertThat(rates).as("largest record rate per topic in the silence window")
                    .allSatisfy((topic, rate) -> assertThat(rate).as(topic).isPositive());
        });
        assertThat(prometheus.query(silence.expr()).path("result")).as("%s as written", silence.source()).isEmpty();
        mark("records on every input topic seen");

        assertThat(prometheus.query("ALERTS{alertname=~\"AbuStreamThreadFailed|AbuInputTopicSilent\"}")
                .path("result")).as("AbuStreamThreadFailed or AbuInputTopicSilent pending or firing").isEmpty();

        // the scorecard's status queries: one series per stat with the status and its colour
        List<PromqlExpressions.Expression> statusQueries = PromqlExpressions.fromDashboards().stream()
                .filter(e -> e.source().startsWith("grafana/dashboards/plan-scorecard.json")
                        && e.expr().contains("abu_indicator_status") && e.expr().contains("\"color\""))
                .toList();
        assertThat(statusQueries).as("status queries of the scorecard's stats").hasSizeGreaterThanOrEqualTo(18);
        Map<String, Long> byStatus = new java.util.TreeMap<>();
        for (PromqlExpressions.Expression e : statusQueries) {
            JsonNode result = prometheus.query(e.expr()).path("result");
            boolean year = e.expr().contains("period_kind=\"year\"");
            assertThat(result.size()).as("series of %s", e.source()).isBetween(year ? 1 : 0, 1);
            for (JsonNode series : result) {
                String status = series.path("metric").path("status").asText();
                if (status.isEmpty()) {
                    // the fallback of a count's month without a cell: no status, no colour (grey)
                    assertThat(e.expr()).as("%s without a status", e.source()).contains(" or on () ");
                    assertThat(series.path("metric").has("color")).as("colour without a status").isFalse();
                    byStatus.merge("(none)", 1L, Long::sum);
                    continue;
                }
                assertThat(series.path("metric").path("color").asText()).as("colour of %s in %s", status, e.source())
                        .isEqualTo(DashboardModelTest.STATUS_COLOURS.get(status));
                byStatus.merge(status, 1L, Long::sum);
            }
        }
        System.out.printf("LivePrometheusIT: %d scorecard stats by status %s; alive threads %s; record rates %s%n",
                statusQueries.size(), byStatus, alive.path(0).path("value").path(1).asText(), rates);
        assertThat(byStatus.entrySet().stream().filter(e -> !e.getKey().equals("(none)"))
                .mapToLong(Map.Entry::getValue).sum()).as("stats with a status").isGreaterThanOrEqualTo(14);
        mark("thread and silence alerts quiet, status colours checked");
    }

    /** Sends the first 3 original records of each input topic of the simulated year again. */
    private static void resendSomeRecordsOfEveryInputTopic() {
        SimulationConfig year = new SimulationConfig(SEED, SCALE, LocalDate.of(2025, 1, 1), AS_OF,
                DisturbanceRates.defaults());
        Map<String, Integer> sent = new HashMap<>();
        try (Publisher publisher = new Publisher(platform.bootstrapServers(), serdeConfig(), Map.of())) {
            for (SimulatedRecord r : new MemberEventSimulator(year)) {
                if (r.kind() == RecordKind.ORIGINAL && sent.getOrDefault(r.topic(), 0) < 3) {
                    publisher.send(r.topic(), r.key(), r.value(), r.timestampMillis());
                    sent.merge(r.topic(), 1, Integer::sum);
                }
                if (sent.size() == Topics.INPUTS.size() && sent.values().stream().allMatch(n -> n == 3)) {
                    break;
                }
            }
            publisher.flush();
        }
        assertThat(sent.keySet()).as("input topics sent again").containsExactlyInAnyOrderElementsOf(Topics.INPUTS);
    }

    private static PromqlExpressions.Expression rule(String alert) {
        return PromqlExpressions.fromRules().stream().filter(e -> e.source().endsWith("alerts.yml " + alert))
                .findFirst().orElseThrow(() -> new AssertionError("no alert " + alert + " in prometheus/rules"));
    }

    @Test
    @Order(5)
    void loweringTheTargetOnTheTopicPutsTheCellOnTrackWithoutARestart() throws Exception {
        double value = scrape().value("abu_indicator_value", INDICATOR, YEAR, "all");
        Target current = Targets.contractDefaults().all().stream()
                .filter(t -> t.indicator() == Indicator.byId(INDICATOR)).findFirst().orElseThrow();
        // at most the cell's value: ON_TRACK (AT_LEAST)
        double lowered = Math.floor(value * 100) / 100;
        assertThat(lowered).isLessThan(current.value() - current.tolerance());
        Target newTarget = new Target(current.indicator(), current.comparison(), lowered, current.tolerance(),
                current.periodKinds());

        try (KafkaConsumer<String, IndicatorAlert> alerts = alertConsumer()) {
            List<TopicPartition> partitions = alerts.partitionsFor(Topics.INDICATOR_ALERTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            alerts.assign(partitions);
            alerts.seekToEnd(partitions);
            partitions.forEach(alerts::position); // only the alerts from now on

            long changed = System.nanoTime();
            produceTarget(newTarget);

            // then /metrics shows the cell ON_TRACK against the new target
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Scrape scrape = scrape();
                assertThat(scrape.value("abu_indicator_target", INDICATOR, YEAR, "all")).isEqualTo(lowered);
                assertThat(scrape.find("abu_indicator_status", Map.of("indicator", INDICATOR, "period", YEAR,
                        "scope", "all", "status", "ON_TRACK")).value()).isEqualTo(1.0);
                assertThat(scrape.status(INDICATOR, YEAR, "all")).isEqualTo("ON_TRACK");
            });
            mark("metrics ON_TRACK " + millisSince(changed) + " ms after the target change");

            // and a RESOLVED alert for the cell is on the alerts topic
            List<IndicatorAlert> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (ConsumerRecord<String, IndicatorAlert> r : alerts.poll(Duration.ofMillis(500))) {
                    seen.add(r.value());
                }
                assertThat(seen).anySatisfy(a -> {
                    assertThat(a.getIndicator()).isEqualTo(INDICATOR);
                    assertThat(a.getPeriod()).isEqualTo(YEAR);
                    assertThat(a.getScope()).isEqualTo("all");
                    assertThat(a.getState()).isEqualTo(AlertState.RESOLVED);
                    assertThat(a.getStatus()).isEqualTo(IndicatorStatus.ON_TRACK);
                    assertThat(a.getPreviousStatus()).isEqualTo(IndicatorStatus.OFF_TRACK);
                    assertThat(a.getTarget()).isEqualTo(lowered);
                });
            });
            mark("RESOLVED alert " + millisSince(changed) + " ms after the target change (" + seen.size()
                    + " alerts since)");

            // and Prometheus's alert for the cell ends
            await().atMost(Duration.ofSeconds(30)).until(() -> offTrackAlert().isEmpty());
            mark("prometheus alert ended " + millisSince(changed) + " ms after the target change");
        }
    }

    private static void produceTarget(Target target) throws Exception {
        try (KafkaProducer<String, IndicatorTarget> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), AvroSerdes.valueSerde(IndicatorTarget.class, serdeConfig()).serializer())) {
            producer.send(new ProducerRecord<>(Topics.INDICATOR_TARGETS, target.indicator().id(),
                    TargetRecords.toRecord(target, Instant.now()))).get();
        }
    }

    private static KafkaConsumer<String, IndicatorAlert> alertConsumer() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(),
                AvroSerdes.valueSerde(IndicatorAlert.class, serdeConfig()).deserializer());
    }

    // --- the generated Prometheus configuration ---

    private static Path writeConfig() throws IOException {
        JsonNode repoConfig = ObservabilityFiles.yaml("prometheus/prometheus.yml");
        JsonNode job = repoConfig.path("scrape_configs").path(0);
        String jobName = job.path("job_name").asText();
        assertThat(jobName).as("the job name the rules select").isEqualTo("migration-monitor");
        URI app = monitor.baseUrl();
        List<Path> rules = writeRuleCopies(dir.resolve("rules"));
        StringBuilder config = new StringBuilder()
                .append("# Generated by LivePrometheusIT from prometheus/prometheus.yml: 1 s intervals, the test app\n")
                .append("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n  evaluation_interval: 1s\n")
                .append("rule_files:\n");
        rules.forEach(r -> config.append("  - ").append(r).append('\n'));
        config.append("scrape_configs:\n  - job_name: ").append(jobName).append('\n')
                .append("    metrics_path: ").append(job.path("metrics_path").asText("/metrics")).append('\n')
                .append("    static_configs:\n      - targets: [\"").append(app.getHost()).append(':')
                .append(app.getPort()).append("\"]\n");
        Path file = dir.resolve("prometheus.yml");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Copies every rule file of prometheus/rules with each alert's {@code for:} replaced by {@value #TEST_FOR}. The
     * repository's durations are hours (AbuIndicatorAtRisk 6h, AbuIndicatorOffTrack 1h) and minutes for the
     * pipeline alerts: as written, no alert would leave "pending" within this test. The expressions, labels and
     * annotations are kept as they are, so the alerts that fire are the repository's.
     */
    static List<Path> writeRuleCopies(Path target) throws IOException {
        Files.createDirectories(target);
        Pattern forLine = Pattern.compile("(?m)^(\\s+for:\\s*)\\S+\\s*$");
        List<Path> copies = new ArrayList<>();
        int alerts = 0;
        int replaced = 0;
        for (Path file : ObservabilityFiles.ruleFiles()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            alerts += (int) Pattern.compile("(?m)^\\s+- alert:").matcher(text).results().count();
            Matcher m = forLine.matcher(text);
            replaced += (int) m.results().count();
            Path copy = target.resolve(file.getFileName());
            Files.writeString(copy, forLine.matcher(text).replaceAll("$1" + TEST_FOR), StandardCharsets.UTF_8);
            copies.add(copy);
        }
        assertThat(replaced).as("one for: per alert").isEqualTo(alerts).isPositive();
        assertThat(copies).extracting(p -> p.getFileName().toString()).contains("recording.yml", "alerts.yml");
        return copies;
    }

    // --- the app's /metrics ---

    private static Scrape scrape() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(monitor.baseUrl().resolve("/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Scrape.parse(response.body());
    }

    private record Series(String name, Map<String, String> labels, double value) {
    }

    private record Scrape(String text, List<Series> series) {
        static Scrape parse(String text) {
            return new Scrape(text, text.lines().filter(l -> !l.startsWith("#")).map(SERIES::matcher)
                    .filter(Matcher::matches).map(m -> {
                        Map<String, String> labels = new HashMap<>();
                        Matcher label = LABEL.matcher(m.group(2) == null ? "" : m.group(2));
                        while (label.find()) {
                            labels.put(label.group(1), label.group(2));
                        }
                        return new Series(m.group(1), labels, Double.parseDouble(m.group(3)));
                    }).toList());
        }

        double sum(String name) {
            return series.stream().filter(s -> s.name.equals(name)).mapToDouble(Series::value).sum();
        }

        Series find(String name, Map<String, String> labels) {
            List<Series> found = series.stream().filter(s -> s.name.equals(name)
                    && s.labels.entrySet().containsAll(labels.entrySet())).toList();
            assertThat(found).as("%s%s", name, labels).hasSize(1);
            return found.get(0);
        }

        double value(String name, String indicator, String period, String scope) {
            return find(name, Map.of("indicator", indicator, "period", period, "scope", scope)).value;
        }

        String status(String indicator, String period, String scope) {
            List<String> on = series.stream().filter(s -> s.name.equals("abu_indicator_status")
                    && indicator.equals(s.labels.get("indicator")) && period.equals(s.labels.get("period"))
                    && scope.equals(s.labels.get("scope")) && s.value == 1.0).map(s -> s.labels.get("status"))
                    .toList();
            assertThat(on).as("status of %s|%s|%s", indicator, period, scope).hasSize(1);
            return on.get(0);
        }

        Map<String, Long> statusCounts() {
            Map<String, Long> counts = new java.util.TreeMap<>();
            series.stream().filter(s -> s.name.equals("abu_indicator_status") && s.value == 1.0)
                    .forEach(s -> counts.merge(s.labels.get("status"), 1L, Long::sum));
            return counts;
        }
    }

    // --- helpers ---

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var paths = Files.walk(path)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static Map<String, Object> serdeConfig() {
        return Map.of("schema.registry.url", platform.registryUrl());
    }

    private static void mark(String what) {
        TIMINGS.put(what, Duration.ofNanos(System.nanoTime() - STARTED));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
