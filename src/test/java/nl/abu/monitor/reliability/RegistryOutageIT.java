package nl.abu.monitor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.abu.monitor.CapturedLog;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.serde.HttpSchemaRegistryClient;
import nl.abu.monitor.tools.embedded.EmbeddedRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, point 3: the schema registry is unreachable for 30 s while {@code publish} and the pipeline run.
 *
 * <p>The embedded Apicurio keeps its schemas in memory, so a restart would lose every id already written into
 * records. Instead its JVM is frozen with SIGSTOP and thawed with SIGCONT: its port stays open, the kernel still
 * accepts connections, but nothing answers, so each request of the serde ends in its request timeout (10 s by
 * default), the worst kind of unreachable. Schemas must be fetched during the outage: the pipeline starts during
 * it with cold caches (all input but the housing ratings is already published, under ids it must look up), and
 * the housing ratings, whose schema is not registered yet, are published during it.
 */
class RegistryOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final String LATE_TOPIC = Topics.PKS_HOUSING_RATINGS;

    @Test
    void givenTheRegistryFrozenFor30s_whenPublishingAndProcessing_thenNothingIsLostAndTheRetriesAreLogged()
            throws Exception {
        try (OutageHarness harness = new OutageHarness("registry", Map.of());
                CapturedLog log = CapturedLog.of(HttpSchemaRegistryClient.class)) {
            // given
            EmbeddedRegistry registry = harness.platform.registry();
            long publishedBefore = harness.publish(topic -> !topic.equals(LATE_TOPIC));

            // when
            signal(registry.pid(), "STOP");
            long frozenAt = System.nanoTime();
            CompletableFuture<Long> latePublish;
            long processedDuringOutage;
            KafkaStreams.State stateDuringOutage;
            try {
                harness.startPipeline();
                latePublish = CompletableFuture.supplyAsync(() -> {
                    try {
                        return harness.publish(LATE_TOPIC::equals);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                Thread.sleep(Math.max(0, OUTAGE.toMillis() - millisSince(frozenAt)));
                processedDuringOutage = harness.processedInputs();
                stateDuringOutage = harness.pipelineState();
            } finally {
                signal(registry.pid(), "CONT");
            }
            long thawedAt = System.nanoTime();
            long outageMillis = (thawedAt - frozenAt) / 1_000_000;
            long latePublished = latePublish.get(2, TimeUnit.MINUTES);
            long publishDoneAfter = millisSince(thawedAt);
            harness.awaitCaughtUp(Duration.ofMinutes(4));
            long caughtUpAfter = millisSince(thawedAt);
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> harness.pipelineState() == KafkaStreams.State.RUNNING);

            // then
            List<String> warnings = log.lines().stream().filter(l -> l.startsWith("WARN")).toList();
            System.out.printf("registry frozen %d ms; %d records published before, %d (%s) during the outage,"
                    + " that publish finished %d ms after the thaw; pipeline %s with %d inputs committed at the"
                    + " end of the outage, caught up %d ms after the thaw; %d retry warnings; states %s%n",
                    outageMillis, publishedBefore, latePublished, LATE_TOPIC, publishDoneAfter, stateDuringOutage,
                    processedDuringOutage, caughtUpAfter, warnings.size(),
                    OutageHarness.statesAsText(harness.states));
            warnings.stream().limit(12).forEach(w -> System.out.println("  " + w));
            assertThat(outageMillis).isGreaterThanOrEqualTo(OUTAGE.toMillis());
            String unreachable = "Schema registry " + registry.url() + " is unreachable";
            assertThat(warnings).as("the publisher's retries: registry, what it was doing")
                    .anyMatch(w -> w.contains(unreachable)
                            && w.contains("while registering a schema under subject " + LATE_TOPIC));
            assertThat(warnings).as("the pipeline's retries: registry, what it was doing")
                    .anyMatch(w -> w.contains(unreachable) && w.contains("while fetching schema id "));
            assertThat(warnings).allMatch(w -> w.contains("retrying in ") && w.contains(" ms so far"));
            assertThat(processedDuringOutage).as("nothing can be decoded without the registry").isZero();
            assertThat(harness.states).noneMatch(change -> change.to() == KafkaStreams.State.ERROR
                    || change.to() == KafkaStreams.State.PENDING_ERROR);
            assertThat(harness.processedInputs()).isEqualTo(publishedBefore + latePublished);
            assertThat(harness.differencesFromOracle()).isEmpty();
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** {@code kill -STOP} / {@code kill -CONT}: the JDK has no API to send these signals. */
    private static void signal(long pid, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0)
                .as("kill -%s %d", signal, pid).isTrue();
    }
}
