package nl.abu.monitor.cli;

import static nl.abu.monitor.cli.MonitorProcess.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `demo` as a user runs it: its own JVM, started, looked at over HTTP, then stopped with Ctrl-C (SIGINT). */
class DemoIT {
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);

    @Test
    void startsWithinAMinuteServesMetricsAndStopsEverythingOnCtrlC() throws Exception {
        try (MonitorProcess demo = new MonitorProcess(Map.of(), "demo", "--history-minutes", "1")) {
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
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(get(addresses.get("api").replace("/api/indicators", "/health/ready")).statusCode())
                        .isEqualTo(200);
                assertThat(get(addresses.get("api")).body()).contains("\"language_training_share\"");
            });

            // when the user presses Ctrl-C
            List<ProcessHandle> children = demo.process().descendants().toList();
            assertThat(children).isNotEmpty();
            demo.signal("INT");

            // then the demo and every child JVM are gone
            assertThat(demo.awaitExit(Duration.ofSeconds(60))).as("demo exited").isTrue();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(children).noneMatch(ProcessHandle::isAlive));
            assertThat(demo.log()).doesNotContain("Exception in thread \"main\"");
        }
    }
}
