package nl.abu.monitor.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import nl.abu.monitor.oracle.AdversarialDataset;
import nl.abu.monitor.oracle.OracleComparison;
import nl.abu.monitor.pipeline.PipelineApp;
import nl.abu.monitor.tools.jsonl.JsonLine;
import nl.abu.monitor.tools.replay.ReplaySession;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.processor.StandbyUpdateListener;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances (one application id, a state dir each, {@code num.standby.replicas=1}) share the work of the first
 * half of {@link AdversarialDataset}; then one, running in a JVM of its own, is killed with SIGKILL (no clean
 * shutdown, no final commit), the second half is published, and the survivor takes the dead one's tasks over. No
 * update may be lost: the output equals the oracle of the whole dataset. The survivor must take over from its
 * standby replicas (its restore listener sees restores that start where the standby was, with next to nothing to
 * restore), not from the changelogs' beginning.
 */
class StandbyHandOverIT {
    private static final long SEED = 20251231L;
    private static final Map<String, Object> OVERRIDES = Map.of(
            StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1",
            // the dead member is noticed after the session timeout: the broker's minimum, 6 s, instead of 45
            "session.timeout.ms", "6000", "heartbeat.interval.ms", "1500");

    @Test
    void givenTwoInstancesWithStandbys_whenOneIsKilled_thenTheSurvivorTakesOverFromItsStandbysAndLosesNothing(
            @TempDir Path dir) throws Exception {
        Path input = dir.resolve("input");
        AdversarialDataset.write(input, SEED);
        Map<String, List<JsonLine>> byFile = ReplayHalves.linesByFile(input);
        List<Transition> transitions = new CopyOnWriteArrayList<>();
        AtomicReference<RestoreCounter> restores = new AtomicReference<>(new RestoreCounter());
        AtomicLong standbyRecordsLoaded = new AtomicLong();
        try (ReplaySession session = new ReplaySession(AdversarialDataset.AS_OF, 2, System.out);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        session.bootstrapServers()));
                Victim victim = new Victim(session, dir.resolve("victim"));
                PipelineApp survivor = session.pipeline(dir.resolve("survivor"), OVERRIDES)) {
            survivor.addStateListener((now, before) -> transitions.add(new Transition(System.nanoTime(), now)));
            survivor.streams().setGlobalStateRestoreListener(forwardingTo(restores));
            survivor.streams().setStandbyUpdateListener(countingInto(standbyRecordsLoaded));
            survivor.start();

            // given both instances running, each with active and standby tasks
            await().atMost(Duration.ofSeconds(90)).until(() -> victim.running() && survivor.isRunning()
                    && !tasks(survivor, false).isEmpty() && !tasks(survivor, true).isEmpty());
            // and the first half processed by both, the survivor's standbys caught up with the changelogs
            session.publish(ReplayHalves.half(byFile, false));
            session.awaitCaughtUp(survivor);
            await().atMost(Duration.ofSeconds(60)).until(() -> maxLag(survivor) <= 1);
            Set<TaskId> active = tasks(survivor, true);
            Set<TaskId> standby = tasks(survivor, false);
            assertThat(victim.running()).isTrue();
            long changelogRecords = changelogRecords(admin);
            System.out.printf("before the kill: survivor active %s, standby %s; standby records loaded %d; "
                    + "changelogs hold %d records%n", active, standby, standbyRecordsLoaded.get(), changelogRecords);

            // when the other instance is killed hard and the second half is published
            restores.set(new RestoreCounter());
            long killed = System.nanoTime();
            victim.kill();
            session.publish(ReplayHalves.half(byFile, true));

            // then the survivor takes every task over
            Set<TaskId> all = new HashSet<>(active);
            all.addAll(standby);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() ->
                    survivor.isRunning() && tasks(survivor, true).containsAll(all));
            long tookOver = System.nanoTime();
            session.awaitCaughtUp(survivor);
            long caughtUp = System.nanoTime();
            long rebalanceStarted = transitions.stream().filter(t -> t.nanos > killed
                    && t.state == KafkaStreams.State.REBALANCING).mapToLong(Transition::nanos).min().orElse(-1);
            RestoreCounter takeover = restores.get();
            System.out.printf("hand-over: rebalance began %d ms after the kill, all %d tasks active %d ms after it, "
                    + "second half processed %d ms after it; takeover restore: %s (from scratch would be up to %d "
                    + "records)%n", millis(killed, rebalanceStarted), all.size(), millis(killed, tookOver),
                    millis(killed, caughtUp), takeover, changelogRecords);

            // and nothing was restored from scratch: the standbys had it
            assertThat(standbyRecordsLoaded.get()).isPositive();
            assertThat(takeover.fromScratch()).as("store partitions restored from the changelog's start").isZero();
            assertThat(takeover.restored()).isLessThan(Math.max(1, changelogRecords / 100));
            // and no update is lost
            assertThat(OracleComparison.differences(input, AdversarialDataset.AS_OF, session.indicators())).isEmpty();
        }
    }

    private record Transition(long nanos, KafkaStreams.State state) {
    }

    private static long millis(long from, long to) {
        return to < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(to - from);
    }

    private static Set<TaskId> tasks(PipelineApp pipeline, boolean active) {
        Set<TaskId> ids = new HashSet<>();
        for (ThreadMetadata thread : pipeline.streams().metadataForLocalThreads()) {
            (active ? thread.activeTasks() : thread.standbyTasks()).stream().map(TaskMetadata::taskId)
                    .forEach(ids::add);
        }
        return ids;
    }

    private static long maxLag(PipelineApp pipeline) {
        return pipeline.streams().allLocalStorePartitionLags().values().stream()
                .flatMap(m -> m.values().stream()).mapToLong(LagInfo::offsetLag).max().orElse(Long.MAX_VALUE);
    }

    private static long changelogRecords(Admin admin) throws Exception {
        Set<TopicPartition> partitions = admin.describeTopics(admin.listTopics().names().get().stream()
                        .filter(t -> t.startsWith(ReplaySession.APPLICATION_ID) && t.endsWith("-changelog")).toList())
                .allTopicNames().get().values().stream().flatMap(d -> d.partitions().stream()
                        .map(p -> new TopicPartition(d.name(), p.partition()))).collect(Collectors.toSet());
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get().values().stream().mapToLong(i -> i.offset()).sum();
    }

    private static StateRestoreListener forwardingTo(AtomicReference<RestoreCounter> current) {
        return new StateRestoreListener() {
            @Override
            public void onRestoreStart(TopicPartition tp, String store, long start, long end) {
                current.get().onRestoreStart(tp, store, start, end);
            }

            @Override
            public void onBatchRestored(TopicPartition tp, String store, long batchEnd, long restored) {
                current.get().onBatchRestored(tp, store, batchEnd, restored);
            }

            @Override
            public void onRestoreEnd(TopicPartition tp, String store, long total) {
                current.get().onRestoreEnd(tp, store, total);
            }
        };
    }

    private static StandbyUpdateListener countingInto(AtomicLong loaded) {
        return new StandbyUpdateListener() {
            @Override
            public void onUpdateStart(TopicPartition tp, String store, long startingOffset) {
            }

            @Override
            public void onBatchLoaded(TopicPartition tp, String store, TaskId task, long batchEnd, long batchSize,
                    long currentEnd) {
                loaded.addAndGet(batchSize);
            }

            @Override
            public void onUpdateSuspended(TopicPartition tp, String store, long storeOffset, long currentEnd,
                    SuspendReason reason) {
            }
        };
    }

    /** {@link StandbyInstanceMain} in a JVM of its own. */
    private static final class Victim implements AutoCloseable {
        private final Process process;
        private volatile String state = "";

        Victim(ReplaySession session, Path stateDir) throws Exception {
            Path log = Files.createTempFile("standby-victim", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), StandbyInstanceMain.class.getName(),
                    session.bootstrapServers(), session.registryUrl(), stateDir.toString(),
                    AdversarialDataset.AS_OF.toString()));
            OVERRIDES.forEach((k, v) -> command.add(k + "=" + v));
            process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            System.out.println("victim pid " + process.pid() + ", log " + log);
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        if (line.startsWith("STATE ")) {
                            state = line.substring(6);
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // it ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        boolean running() {
            return process.isAlive() && state.equals("RUNNING");
        }

        /** SIGKILL: no shutdown hook, no commit, no leave-group. */
        void kill() throws Exception {
            new ProcessBuilder("kill", "-KILL", Long.toString(process.pid())).start().waitFor();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(137);
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
