package nl.abu.monitor.cli;

import static nl.abu.monitor.cli.MonitorProcess.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.abu.monitor.TestRecords;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.Sector;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.families.language.LanguageFamily;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.ingest.IngestCounters;
import nl.abu.monitor.output.IndicatorValues;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.pipeline.CatchUp;
import nl.abu.monitor.pipeline.PipelineApp;
import nl.abu.monitor.pipeline.PipelineSettings;
import nl.abu.monitor.pipeline.PipelineTopology;
import nl.abu.monitor.pipeline.StreamsProperties;
import nl.abu.monitor.pipeline.TopicSetup;
import nl.abu.monitor.serde.AvroSerdes;
import nl.abu.monitor.tools.embedded.EmbeddedPlatform;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indicator gauges of running instances, scraped from {@code /metrics}: the current month, quarter and year,
 * hand-computed values, each cell on exactly one instance of two; and the Kafka Streams meters across rebalances.
 */
class IndicatorMetricsIT {
    private static final LocalDate AS_OF = LocalDate.of(2025, 11, 15);
    private static final Set<String> CURRENT = Set.of("2025-11", "2025-Q4", "2025");
    private static final String TOTALS = Family.totalsStoreOf(LanguageFamily.FAMILY);
    private static final List<Sector> SECTORS = List.of(Sector.LOGISTICS, Sector.FOOD_PRODUCTION,
            Sector.HORTICULTURE, Sector.AGRICULTURE);
    private static final Set<String> STATUSES = Set.of("ON_TRACK", "AT_RISK", "OFF_TRACK", "NO_TARGET", "NO_DATA",
            "SUPPRESSED");
    private static final Pattern SERIES = Pattern.compile("^(\\w+)(?:\\{(.*)\\})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Short, so that a stopped instance's partitions move on within seconds rather than 45. */
    private static final Map<String, Object> FAST_REBALANCE = Map.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);

    private static EmbeddedPlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = EmbeddedPlatform.start();
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void exportsTheIndicatorsOfTheCurrentPeriods(@TempDir Path dir) throws Exception {
        try (RunningMonitor monitor = new RunningMonitor(options("metrics-it", dir))) {
            await().atMost(Duration.ofSeconds(90)).until(() -> monitor.pipeline().isRunning());

            // when stays are published: 24 workers arrived 2025-01-06 (long from 2025-07-08) and 16 arrived
            // 2025-10-01 (not long by 2025-11-15), 6 + 4 in each of 4 sectors; 2 long stayers in CONSTRUCTION
            publishStays();

            // then, hand-computed, for 2025-11, 2025-Q4 and 2025 alike (every stay began before November, none left):
            // long_stay_share all = 26 long / 42 present; each of the 4 sectors 6/10; CONSTRUCTION 2/2 suppressed
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                    scrape(monitor).value("abu_indicator_denominator", "long_stay_share", "2025", "all"))
                    .isEqualTo(42.0));
            Scrape scrape = scrape(monitor);
            for (String period : CURRENT) {
                assertThat(scrape.value("abu_indicator_numerator", "long_stay_share", period, "all")).isEqualTo(26.0);
                assertThat(scrape.value("abu_indicator_denominator", "long_stay_share", period, "all")).isEqualTo(42.0);
                assertThat(scrape.value("abu_indicator_value", "long_stay_share", period, "all"))
                        .isEqualTo(26.0 / 42);
                assertThat(scrape.status("long_stay_share", period, "all")).isEqualTo("NO_TARGET");
                assertThat(scrape.find("abu_indicator_target", "long_stay_share", period, "all")).isNull();
                for (Sector sector : SECTORS) {
                    assertThat(scrape.value("abu_indicator_value", "long_stay_share", period,
                            "sector:" + sector.name())).isEqualTo(0.6);
                }
                assertThat(scrape.find("abu_indicator_value", "long_stay_share", period, "sector:CONSTRUCTION"))
                        .isNull();
                assertThat(scrape.status("long_stay_share", period, "sector:CONSTRUCTION")).isEqualTo("SUPPRESSED");
                // language_training_share: 0 enrolled of the 26 long stayers, target 0.35: off track
                assertThat(scrape.value("abu_indicator_value", "language_training_share", period, "all"))
                        .isEqualTo(0.0);
                assertThat(scrape.value("abu_indicator_denominator", "language_training_share", period, "all"))
                        .isEqualTo(26.0);
                assertThat(scrape.value("abu_indicator_target", "language_training_share", period, "all"))
                        .isEqualTo(0.35);
                assertThat(scrape.value("abu_indicator_expected", "language_training_share", period, "all"))
                        .isEqualTo(0.35);
                assertThat(scrape.status("language_training_share", period, "all")).isEqualTo("OFF_TRACK");
                assertThat(scrape.status("language_training_share", period, "sector:LOGISTICS"))
                        .isEqualTo("OFF_TRACK");
                assertThat(scrape.status("language_training_share", period, "sector:CONSTRUCTION"))
                        .isEqualTo("SUPPRESSED");
                assertThat(scrape.value("abu_indicator_target", "language_training_share", period,
                        "sector:CONSTRUCTION")).isEqualTo(0.35);
            }
            // brp_registration_on_time_share: no registrations; 2025: 42 arrivals, 2025-Q4: the 16 of October
            assertThat(scrape.value("abu_indicator_denominator", "brp_registration_on_time_share", "2025", "all"))
                    .isEqualTo(42.0);
            assertThat(scrape.value("abu_indicator_denominator", "brp_registration_on_time_share", "2025-Q4", "all"))
                    .isEqualTo(16.0);
            assertThat(scrape.status("brp_registration_on_time_share", "2025", "all")).isEqualTo("OFF_TRACK");
            // and only current periods, with their kinds, and every status one-hot
            assertThat(scrape.labelValues("abu_indicator_status", "period")).isEqualTo(CURRENT);
            assertThat(scrape.series.stream().filter(s -> s.name.startsWith("abu_indicator_"))
                    .map(s -> s.labels.get("period") + "/" + s.labels.get("period_kind")).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder("2025-11/month", "2025-Q4/quarter", "2025/year");
            scrape.assertOneHot();
            assertThat(scrape.find("abu_pipeline_running", Map.of()).value).isEqualTo(1.0);
            // and the same values as the API
            assertThat(apiCells(monitor)).isEqualTo(scrape.cells());
        }
    }

    @Test
    void eachCellIsExportedByExactlyOneOfTwoInstances(@TempDir Path dir) throws Exception {
        String app = "metrics-two-it";
        try (RunningMonitor first = new RunningMonitor(options(app, dir.resolve("first")))) {
            // given one instance with every partition, and the data
            await().atMost(Duration.ofSeconds(90)).until(() -> first.pipeline().isRunning());
            publishStays();
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                    scrape(first).value("abu_indicator_denominator", "long_stay_share", "2025", "all"))
                    .isEqualTo(42.0));
            // and all of it processed (the other cells may still be on their way when that one is there), so
            // that the cells read below are the final ones
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    platform.bootstrapServers()))) {
                new CatchUp(admin, app, Topics.INPUTS).await(Duration.ofSeconds(90), processed -> { },
                        () -> first.pipeline().state() != KafkaStreams.State.ERROR);
            }
            Map<String, String> all = apiCells(first);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scrape(first).cells())
                    .isEqualTo(all));

            try (RunningMonitor second = new RunningMonitor(options(app, dir.resolve("second")))) {
                // when a second instance joins and takes part of the partitions
                await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> first.pipeline().isRunning()
                        && second.pipeline().isRunning()
                        && first.pipeline().streams().streamsMetadataForStore(TOTALS).size() == 2);

                // then each exports its own cells only: no cell on both, none missing, same values as the API
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    Map<String, String> onFirst = scrape(first).cells();
                    Map<String, String> onSecond = scrape(second).cells();
                    assertThat(onFirst).isNotEmpty();
                    assertThat(onSecond).isNotEmpty();
                    assertThat(onFirst.keySet()).doesNotContainAnyElementsOf(onSecond.keySet());
                    Map<String, String> union = new TreeMap<>(onFirst);
                    union.putAll(onSecond);
                    assertThat(union).isEqualTo(all);
                });
                leaveTheGroup(second.pipeline());
            }
            // and when the second leaves, the first exports every cell again
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(scrape(first).cells())
                    .isEqualTo(all));
        }
    }

    @Test
    void kafkaStreamsMetersDoNotGrowAfterRebalances(@TempDir Path dir) throws Exception {
        Duration refresh = Duration.ofSeconds(2);
        String app = "metrics-leak-it";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.bootstrapServers()))) {
            new TopicSetup(Optional.of(2), Optional.of((short) 1)).createMissing(admin);
        }
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (PipelineApp first = pipeline(app, dir.resolve("first"), meters, refresh)) {
            first.start();
            await().atMost(Duration.ofSeconds(90)).until(first::isRunning);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertOnlyMetersOfOwnTasks(first, meters));
            Thread.sleep(2 * refresh.toMillis());
            int alone = streamMeters(meters).size();
            Set<String> allTasks = tasksOf(first);
            System.out.printf("kafka.stream meters alone: %d, tasks %s%n", alone, allTasks);

            for (int round = 1; round <= 2; round++) {
                int roundNo = round;
                try (PipelineApp second = pipeline(app, dir.resolve("second-" + round), new SimpleMeterRegistry(),
                        refresh)) {
                    // when a second instance joins and takes tasks
                    second.start();
                    await().atMost(Duration.ofSeconds(90)).until(() -> first.isRunning() && second.isRunning()
                            && !tasksOf(second).isEmpty() && tasksOf(first).size() < allTasks.size());
                    // then the first's meters of the tasks it gave away are removed by the binder's refresh
                    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                        assertOnlyMetersOfOwnTasks(first, meters);
                        assertThat(streamMeters(meters).size()).isLessThan(alone);
                    });
                    System.out.printf("round %d: kafka.stream meters with %d of %d tasks: %d%n", roundNo,
                            tasksOf(first).size(), allTasks.size(), streamMeters(meters).size());
                    leaveTheGroup(second);
                }
                // and when it leaves, the first takes every task back, with no more meters than before
                await().atMost(Duration.ofSeconds(90)).until(() -> first.isRunning()
                        && tasksOf(first).equals(allTasks));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertOnlyMetersOfOwnTasks(first, meters));
                Thread.sleep(2 * refresh.toMillis());
                System.out.printf("round %d: kafka.stream meters alone again: %d%n", roundNo,
                        streamMeters(meters).size());
                assertThat(streamMeters(meters).size()).isLessThanOrEqualTo(alone);
            }
        }
        // and closing the binder removes its meters
        assertThat(meters.getMeters()).noneMatch(m -> m.getId().getName().startsWith("kafka."));
    }

    private static PipelineApp pipeline(String app, Path stateDir, SimpleMeterRegistry meters, Duration refresh) {
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", platform.registryUrl());
        IngestCounters counters = new IngestCounters(meters);
        Properties props = StreamsProperties.of(platform.bootstrapServers(), serdeConfig, counters);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.putAll(FAST_REBALANCE);
        return new PipelineApp(PipelineTopology.build(PipelineSettings.defaults(AsOfDate.fixed(AS_OF), serdeConfig,
                counters)), props, meters, refresh);
    }

    /**
     * Stops the instance's Kafka Streams client so that it leaves the group at once (KIP-1092): the other instance
     * then takes its partitions back within a rebalance instead of after the session timeout.
     */
    private static void leaveTheGroup(PipelineApp app) {
        app.streams().close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }

    private static Set<String> tasksOf(PipelineApp app) {
        Set<String> tasks = new TreeSet<>();
        for (ThreadMetadata thread : app.streams().metadataForLocalThreads()) {
            thread.activeTasks().forEach(t -> tasks.add(t.taskId().toString()));
            thread.standbyTasks().forEach(t -> tasks.add(t.taskId().toString()));
        }
        return tasks;
    }

    private static List<Meter> streamMeters(SimpleMeterRegistry meters) {
        return meters.getMeters().stream().filter(m -> m.getId().getName().startsWith("kafka.stream.")).toList();
    }

    /** No kafka.stream meter of a task that is not this instance's now. */
    private static final String GLOBAL_TASK = "-1_-1";

    private static void assertOnlyMetersOfOwnTasks(PipelineApp app, SimpleMeterRegistry meters) {
        Set<String> own = tasksOf(app);
        // "-1_-1" is the global thread's task (the targets table), which every instance keeps
        Set<String> metered = streamMeters(meters).stream().map(m -> m.getId().getTag("task.id"))
                .filter(t -> t != null && !t.isEmpty() && !t.equals(GLOBAL_TASK))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(metered).isNotEmpty().isSubsetOf(own);
    }

    private static MonitorOptions options(String applicationId, Path stateDir) {
        return new MonitorOptions(platform.bootstrapServers(), Map.of("schema.registry.url", platform.registryUrl()),
                applicationId, stateDir, "127.0.0.1", 0, "127.0.0.1", AsOfDate.fixed(AS_OF),
                ReportingCalendar.DEFAULT_OPEN_YEARS, IndicatorValues.DEFAULT_MINIMUM_CELL_SIZE, Optional.of(2),
                Optional.of((short) 1), FAST_REBALANCE);
    }

    /** Idempotent: the same versions again are stale and change nothing. */
    private static void publishStays() {
        Serializer<WorkerStay> values = AvroSerdes.valueSerde(WorkerStay.class,
                Map.of("schema.registry.url", platform.registryUrl())).serializer();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 42; i++) {
                boolean construction = i >= 40;
                LocalDate arrival = i < 24 || construction ? LocalDate.of(2025, 1, 6) : LocalDate.of(2025, 10, 1);
                Sector sector = construction ? Sector.CONSTRUCTION : SECTORS.get(i % SECTORS.size());
                WorkerStay stay = TestRecords.stay("S-" + i, String.format("w_%016d", i), arrival, null)
                        .setSector(sector).build();
                producer.send(new ProducerRecord<>(Topics.WORKER_STAYS, EntityKeys.of(stay),
                        values.serialize(Topics.WORKER_STAYS, stay)));
            }
        }
    }

    /** Per cell of the current periods, its API row as "numerator/denominator/value/target/expected/status". */
    private static Map<String, String> apiCells(RunningMonitor instance) throws Exception {
        HttpResponse<String> response = get(instance.http().baseUrl() + "/api/indicators");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, String> cells = new TreeMap<>();
        for (JsonNode row : JSON.readTree(response.body())) {
            if (CURRENT.contains(row.get("period").asText())) {
                boolean hasValue = !row.get("value").isNull();
                cells.put(row.get("indicator").asText() + "|" + row.get("period").asText() + "|"
                        + row.get("scope").asText(), String.join("/",
                        hasValue ? text(row.get("numerator")) : "-", hasValue ? text(row.get("denominator")) : "-",
                        text(row.get("value")), text(row.get("target")), text(row.get("expected")),
                        row.get("status").asText()));
            }
        }
        return cells;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "-" : Double.toString(node.asDouble());
    }

    private static Scrape scrape(RunningMonitor instance) throws Exception {
        HttpResponse<String> response = get(instance.http().baseUrl() + "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return Scrape.parse(response.body());
    }

    private record Series(String name, Map<String, String> labels, double value) {
    }

    private record Scrape(List<Series> series) {
        static Scrape parse(String text) {
            List<Series> series = text.lines().filter(l -> !l.startsWith("#")).map(SERIES::matcher)
                    .filter(Matcher::matches).map(m -> {
                        Map<String, String> labels = new HashMap<>();
                        Matcher label = LABEL.matcher(m.group(2) == null ? "" : m.group(2));
                        while (label.find()) {
                            labels.put(label.group(1), label.group(2));
                        }
                        return new Series(m.group(1), labels, Double.parseDouble(m.group(3)));
                    }).toList();
            return new Scrape(series);
        }

        Series find(String name, Map<String, String> labels) {
            List<Series> found = series.stream().filter(s -> s.name.equals(name)
                    && s.labels.entrySet().containsAll(labels.entrySet())).toList();
            assertThat(found).as("%s%s", name, labels).hasSizeLessThanOrEqualTo(1);
            return found.isEmpty() ? null : found.get(0);
        }

        Series find(String name, String indicator, String period, String scope) {
            return find(name, Map.of("indicator", indicator, "period", period, "scope", scope));
        }

        double value(String name, String indicator, String period, String scope) {
            Series found = find(name, indicator, period, scope);
            assertThat(found).as("%s{%s,%s,%s}", name, indicator, period, scope).isNotNull();
            return found.value;
        }

        String status(String indicator, String period, String scope) {
            List<String> on = series.stream().filter(s -> s.name.equals("abu_indicator_status")
                    && s.labels.get("indicator").equals(indicator) && s.labels.get("period").equals(period)
                    && s.labels.get("scope").equals(scope) && s.value == 1.0).map(s -> s.labels.get("status"))
                    .toList();
            assertThat(on).as("status of %s|%s|%s", indicator, period, scope).hasSize(1);
            return on.get(0);
        }

        Set<String> labelValues(String name, String label) {
            return series.stream().filter(s -> s.name.equals(name)).map(s -> s.labels.get(label))
                    .collect(Collectors.toSet());
        }

        void assertOneHot() {
            Map<String, Map<String, Double>> byCell = new TreeMap<>();
            series.stream().filter(s -> s.name.equals("abu_indicator_status")).forEach(s -> byCell
                    .computeIfAbsent(cell(s), c -> new TreeMap<>()).put(s.labels.get("status"), s.value));
            assertThat(byCell).isNotEmpty();
            byCell.forEach((cell, statuses) -> {
                assertThat(statuses.keySet()).as(cell).isEqualTo(new TreeSet<>(STATUSES));
                assertThat(statuses.values().stream().mapToDouble(Double::doubleValue).sum()).as(cell).isEqualTo(1.0);
            });
        }

        /** Per cell, "numerator/denominator/value/target/expected/status" as the API gives it. */
        Map<String, String> cells() {
            Map<String, String> cells = new TreeMap<>();
            for (Series s : series) {
                if (s.name.equals("abu_indicator_status") && s.value == 1.0) {
                    Map<String, String> key = Map.of("indicator", s.labels.get("indicator"), "period",
                            s.labels.get("period"), "scope", s.labels.get("scope"));
                    cells.put(cell(s), String.join("/", number("abu_indicator_numerator", key),
                            number("abu_indicator_denominator", key), number("abu_indicator_value", key),
                            number("abu_indicator_target", key), number("abu_indicator_expected", key),
                            s.labels.get("status")));
                }
            }
            return cells;
        }

        private String number(String name, Map<String, String> key) {
            Series found = find(name, key);
            return found == null ? "-" : Double.toString(found.value);
        }

        private static String cell(Series s) {
            return s.labels.get("indicator") + "|" + s.labels.get("period") + "|" + s.labels.get("scope");
        }
    }
}
