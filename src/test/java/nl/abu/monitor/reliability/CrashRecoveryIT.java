package nl.abu.monitor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.abu.monitor.cli.MonitorProcess;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.ingest.IngestCounters;
import nl.abu.monitor.oracle.AdversarialDataset;
import nl.abu.monitor.oracle.ContractOracle;
import nl.abu.monitor.oracle.OracleComparison;
import nl.abu.monitor.output.IndicatorJson;
import nl.abu.monitor.output.IndicatorValues;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.pipeline.CatchUp;
import nl.abu.monitor.pipeline.PipelineSettings;
import nl.abu.monitor.pipeline.TopicSetup;
import nl.abu.monitor.tools.embedded.EmbeddedPlatform;
import nl.abu.monitor.tools.jsonl.JsonLine;
import nl.abu.monitor.tools.jsonl.JsonLinesFolder;
import nl.abu.monitor.tools.publish.PublishSummary;
import nl.abu.monitor.tools.publish.Publisher;
import nl.abu.monitor.tools.replay.IndicatorReport;
import nl.abu.monitor.tools.replay.IndicatorTopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, point 1: the pipeline runs as a separate JVM ({@code run} with a config file) and is killed with
 * SIGKILL at random moments during a replay of at least 20,000 records, three times, restarted each time with the
 * same application id and state directory. After the last restart it catches up, and its output topic, read
 * {@code read_committed} and completed as {@code replay} does, equals the {@link ContractOracle} entry for entry:
 * exactly-once, nothing lost, nothing counted twice.
 *
 * <p>A kill comes only after the process has made progress of its own (its committed input offsets moved past
 * where the previous run left them), once its committed inputs pass a random point (seeded) of the kill's third of
 * the input. The consumer's session timeout is Kafka's default (45 s): every restart after a kill must make progress
 * within {@link #RESUME_LIMIT} of its start, which it can only because the instance is a static group member (its
 * fixed HTTP port gives it a {@code group.instance.id}), so it takes over the killed member's place at once.
 */
class CrashRecoveryIT {
    private static final long SEED = 5_0001L;
    private static final double SCALE = 0.0042;
    private static final int KILLS = 3;
    /**
     * Kill k comes once the committed inputs pass a random point of the k-th third of this share of the input, so
     * every kill interrupts the processing of input however fast the pipeline is (a fixed delay after start let
     * the faster topology of 2026-12-02 finish before the third kill). Not more than 0.6: the committed offsets are
     * polled every 100 ms or so, in which the pipeline can commit thousands of records, and with 0.9 a third kill
     * aimed at 85 % of the input came after the last commit (2026-12-05).
     */
    private static final double KILL_SPAN = 0.6;
    private static final LocalDate AS_OF = AdversarialDataset.AS_OF;
    private static final String APPLICATION_ID = "migration-monitor-crash-it";
    private static final Set<String> INDICATORS = Set.copyOf(ContractOracle.INDICATORS);
    private static final Duration PROGRESS_LIMIT = Duration.ofSeconds(120);
    /** Issue 12: a crashed {@code run}, restarted with the same configuration, resumes within 10 s. */
    private static final Duration RESUME_LIMIT = Duration.ofSeconds(10);
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(5);

    @Test
    void givenTwentyThousandRecords_whenThePipelineIsKilledThreeTimes_thenItsOutputEqualsTheOracle(@TempDir Path dir)
            throws Exception {
        long started = System.nanoTime();
        Random random = new Random(SEED);
        // given the dataset and the oracle's answer
        Path input = dir.resolve("input");
        long lines = AdversarialDataset.write(input, SEED, SCALE);
        assertThat(lines).isGreaterThanOrEqualTo(20_000);
        Map<String, ContractOracle.Row> expected = OracleComparison.expected(
                new ContractOracle(ContractOracle.Settings.defaults()).run(input, AS_OF), INDICATORS);
        System.out.printf("dataset: %d lines, oracle rows %d (%.1f s)%n", lines, expected.size(), seconds(started));

        List<MonitorProcess> processes = new ArrayList<>();
        try (EmbeddedPlatform platform = EmbeddedPlatform.start();
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        platform.bootstrapServers()))) {
            // and everything published before the pipeline first starts (the pipeline judges bad records)
            Map<String, Object> serdeConfig = Map.of("schema.registry.url", platform.registryUrl());
            new TopicSetup(Optional.of(3), Optional.of((short) 1)).createMissing(admin);
            long published;
            try (Publisher publisher = new Publisher(platform.bootstrapServers(), serdeConfig, Map.of());
                    Stream<JsonLine> all = JsonLinesFolder.open(input).lines()) {
                PublishSummary summary = publisher.publish(all, Optional.empty(), s -> { }, s -> { });
                published = summary.published();
                System.out.printf("published %d records, %d lines were no record (%.1f s)%n", published,
                        summary.badLines(), seconds(started));
            }
            long inputEnd = inputEnd(admin);
            assertThat(inputEnd).isGreaterThanOrEqualTo(20_000);
            Path config = dir.resolve("monitor.properties");
            Files.write(config, List.of("bootstrap.servers=" + platform.bootstrapServers(),
                    "schema.registry.url=" + platform.registryUrl(), "application.id=" + APPLICATION_ID,
                    "state.dir=" + dir.resolve("state"), "http.host=127.0.0.1", "http.port=" + freePort(),
                    "topics.partitions=3", "topics.replication.factor=1", "as.of.date=" + AS_OF));

            // when it is killed three times, each time after some progress of its own, and restarted
            long before = 0;
            for (int kill = 1; kill <= KILLS; kill++) {
                MonitorProcess run = new MonitorProcess(Map.of(), "run", "--config", config.toString());
                processes.add(run);
                long progressed = awaitProgressBeyond(admin, before, run);
                Duration recovered = run.sinceStart();
                if (kill > 1) {
                    assertResumedInTime(recovered, "restart " + (kill - 1));
                }
                long target = (long) (inputEnd * KILL_SPAN * (kill - 1 + random.nextDouble()) / KILLS);
                long atKill = progressed > target ? progressed : awaitProgressBeyond(admin, target, run);
                killHard(run);
                long afterKill = committedInputs(admin);
                System.out.printf("kill %d: first progress %.1f s after start (committed %d of %d), killed past "
                        + "%d at %d, committed after the kill %d%n", kill, recovered.toMillis() / 1000.0, progressed,
                        inputEnd, target,
                        atKill, afterKill);
                assertThat(afterKill).as("kill %d came after all input was committed, so it interrupted no "
                        + "processing of input", kill).isLessThan(inputEnd);
                before = afterKill;
            }

            // and restarted once more, until it has caught up
            MonitorProcess last = new MonitorProcess(Map.of(), "run", "--config", config.toString());
            processes.add(last);
            long lastStart = System.nanoTime();
            awaitProgressBeyond(admin, before, last);
            assertResumedInTime(last.sinceStart(), "the last restart");
            new CatchUp(admin, APPLICATION_ID, Topics.INPUTS).await(CATCH_UP_LIMIT, p -> { },
                    () -> last.process().isAlive());
            System.out.printf("caught up %.1f s after the last restart%n", seconds(lastStart));

            // then the committed output, completed as replay completes it, equals the oracle
            PipelineSettings settings = PipelineSettings.defaults(AsOfDate.fixed(AS_OF), serdeConfig,
                    new IngestCounters(new SimpleMeterRegistry()));
            List<IndicatorValue> report = IndicatorReport.complete(
                    IndicatorTopicReader.latest(platform.bootstrapServers(), serdeConfig).values(),
                    new ReportingCalendar(AS_OF, settings.openYears()),
                    new IndicatorValues(settings.seedTargets(), settings.minimumCellSize()));
            System.out.printf("total %.1f s%n", seconds(started));
            OracleComparison.assertMatches(expected, new ObjectMapper().readTree(IndicatorJson.toJsonArray(report)),
                    INDICATORS, "output after " + KILLS + " kills");
        } catch (Throwable t) {
            for (MonitorProcess p : processes) {
                System.out.println("---- log of a pipeline JVM (last 4000 chars)");
                String log = p.log();
                System.out.println(log.substring(Math.max(0, log.length() - 4_000)));
            }
            throw t;
        } finally {
            for (MonitorProcess p : processes) {
                killHard(p);
            }
        }
    }

    private static void assertResumedInTime(Duration sinceStart, String which) {
        System.out.printf("%s: first progress %.1f s after start%n", which, sinceStart.toMillis() / 1000.0);
        assertThat(sinceStart).as("%s resumed processing within %s of its start", which, RESUME_LIMIT)
                .isLessThan(RESUME_LIMIT);
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the committed input offsets exceed {@code before}: this process has made progress of its own. */
    private static long awaitProgressBeyond(Admin admin, long before, MonitorProcess run) throws Exception {
        long deadline = System.nanoTime() + PROGRESS_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(run.process().isAlive()).as("the pipeline JVM is running").isTrue();
            long committed = committedInputs(admin);
            if (committed > before) {
                return committed;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no progress beyond " + before + " committed input records within " + PROGRESS_LIMIT);
    }

    /** SIGKILL: no shutdown hook, no clean close of Kafka Streams, its producers or its state stores. */
    private static void killHard(MonitorProcess run) throws InterruptedException {
        Process process = run.process();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the killed JVM has exited").isTrue();
    }

    private static long committedInputs(Admin admin) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(APPLICATION_ID)
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getValue() != null && Topics.INPUTS.contains(e.getKey().topic()))
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private static long inputEnd(Admin admin) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        admin.describeTopics(Topics.INPUTS).allTopicNames().get().values().forEach(d -> d.partitions()
                .forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
