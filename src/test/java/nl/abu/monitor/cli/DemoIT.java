package nl.abu.monitor.cli;

import static nl.abu.monitor.cli.MonitorProcess.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.indicator.Scope;
import nl.abu.monitor.output.IndicatorJson;
import nl.abu.monitor.serde.AvroSerdes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * `demo` as a user runs it: its own JVM, started, looked at over HTTP and on the output topic, then stopped with
 * Ctrl-C, which a terminal sends to the whole foreground process group (the SIGTERM and SIGKILL cases of the
 * embedded platform are in NoOrphanProcessIT).
 */
class DemoIT {
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every indicator with a year, a quarter and a month; {@code all}, and a sector where the indicator has them. */
    private static void assertEveryIndicatorPeriodKindAndScope(JsonNode rows) {
        for (Indicator indicator : Indicator.values()) {
            List<JsonNode> own = new ArrayList<>();
            rows.forEach(r -> {
                if (r.path("indicator").asText().equals(indicator.id())) {
                    own.add(r);
                }
            });
            assertThat(own).as(indicator.id()).extracting(r -> periodKind(r.path("period").asText()))
                    .contains("year", "quarter", "month");
            assertThat(own).as(indicator.id()).extracting(r -> r.path("scope").asText()).contains(Scope.ALL);
            if (indicator.hasSectorScopes()) {
                assertThat(own).as(indicator.id()).anyMatch(r -> r.path("scope").asText().startsWith("sector:"));
            }
        }
    }

    private static String periodKind(String period) {
        return period.length() == 4 ? "year" : period.contains("Q") ? "quarter" : "month";
    }

    /** The latest value per key on abu.indicators.v1, as JSON rows. */
    private static JsonNode outputTopic(String bootstrap, String registry) {
        Map<String, IndicatorValue> latest = new HashMap<>();
        try (KafkaConsumer<String, IndicatorValue> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.GROUP_ID_CONFIG, "demo-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                AvroSerdes.valueSerde(IndicatorValue.class, Map.of("schema.registry.url", registry)).deserializer())) {
            consumer.subscribe(List.of(Topics.INDICATORS));
            for (int empty = 0; empty < 3; ) {
                var records = consumer.poll(Duration.ofMillis(1_000));
                records.forEach(r -> latest.put(r.key(), r.value()));
                empty = records.isEmpty() ? empty + 1 : 0;
            }
        }
        ArrayNode rows = JSON.createArrayNode();
        latest.values().stream().filter(java.util.Objects::nonNull).forEach(v -> rows.add(IndicatorJson.toJson(v)));
        return rows;
    }

    @Test
    void startsWithinAMinuteServesMetricsAndStopsEverythingOnCtrlC() throws Exception {
        try (MonitorProcess demo = new MonitorProcess(true, Map.of(), "demo", "--history-minutes", "1")) {
            // when it has printed its addresses
            Map<String, String> addresses = demo.addresses(STARTUP_LIMIT.plusSeconds(30));
            Duration startup = demo.sinceStart();
            System.out.printf("demo printed its addresses after %.1f s%n", startup.toMillis() / 1000.0);

            // then
            assertThat(addresses).containsOnlyKeys("bootstrap", "registry", "metrics", "api");
            assertThat(startup).isLessThan(STARTUP_LIMIT);
            assertThat(get(addresses.get("metrics")).headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
            // and the simulator's records flow through the pipeline into the metrics and the API
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(get(addresses.get("metrics")).body())
                    .contains("jvm_memory_used_bytes").contains("abu_records_accepted_total").contains("kafka_stream"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    get(addresses.get("api").replace("/api/indicators", "/health/ready")).statusCode()).isEqualTo(200));
            // and every indicator, period kind and scope kind is live, in the API and on the output topic
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                assertEveryIndicatorPeriodKindAndScope(JSON.readTree(get(addresses.get("api")).body()));
                assertEveryIndicatorPeriodKindAndScope(outputTopic(addresses.get("bootstrap"), addresses.get("registry")));
            });

            // when the user presses Ctrl-C in the terminal
            List<ProcessHandle> processes = new ArrayList<>(demo.process().descendants().toList());
            assertThat(processes).as("broker and registry").hasSizeGreaterThanOrEqualTo(2);
            processes.add(demo.process().toHandle());
            long pressed = System.nanoTime();
            demo.signalGroup("INT");

            // then the demo and every child JVM are gone within 5 s
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    assertThat(processes).noneMatch(ProcessHandle::isAlive));
            System.out.printf("every process of the demo gone %d ms after Ctrl-C%n", (System.nanoTime() - pressed) / 1_000_000);
            // and it stopped in order, one line per step, with the broker and registry still up while the pipeline closed
            assertThat(demo.log().lines().filter(line -> line.contains("Stopped the ")).map(line ->
                    line.substring(line.indexOf("Stopped the ") + 12, line.lastIndexOf(" in "))))
                    .containsExactly("simulator", "pipeline", "schema registry", "Kafka broker", "demo");
            assertThat(demo.log()).contains("Ctrl-C: stopping").doesNotContain("exited before the pipeline had closed")
                    .doesNotContain("Exception in thread \"main\"");
        }
    }
}
