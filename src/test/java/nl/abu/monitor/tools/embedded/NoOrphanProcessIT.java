package nl.abu.monitor.tools.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A JVM that started the platform may die in any way: its brokers and registries die with it. */
class NoOrphanProcessIT {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration CHILDREN_GONE_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern READY_LINE = Pattern.compile(
            PlatformProcessMain.READY_PREFIX + " kafkaPid=(\\d+) registryPid=(\\d+) kafkaDataDir=(\\S+) registryWorkDir=(\\S+)");

    @Test
    void sigtermToTheParentStopsItsChildrenAndDeletesTheirData() {
        StartedParent parent = startParentWithPlatform();
        try {
            // when
            parent.process().destroy();

            // then
            awaitAllGone(parent.processTree());
            assertThat(parent.workDirs()).as("temp dirs deleted by the shutdown hook").noneMatch(Files::exists);
        } finally {
            parent.forceCleanup();
        }
    }

    @Test
    void sigkillToTheParentStillStopsItsChildren() {
        StartedParent parent = startParentWithPlatform();
        try {
            // when
            parent.process().destroyForcibly();

            // then
            awaitAllGone(parent.processTree());
        } finally {
            parent.forceCleanup();
        }
    }

    /** given: a separate JVM that has started the platform. */
    private static StartedParent startParentWithPlatform() {
        Path workDir = Directories.createTemp("no-orphan-it-");
        Path console = workDir.resolve("parent.log");
        ChildJvm parentJvm = ChildJvm.launch(new ChildJvmSpec(
                "platform parent",
                workDir,
                List.of("-Xmx256m",
                        "-D" + ApicurioBundle.EMBEDDED_DIR_PROPERTY + "="
                                + System.getProperty(ApicurioBundle.EMBEDDED_DIR_PROPERTY, "target/embedded")),
                ChildClasspath.ofThisJvm(),
                PlatformProcessMain.class.getName(),
                List.of(),
                console,
                List.of()));
        try {
            Matcher ready = awaitReadyLine(parentJvm, console);
            ProcessHandle process = ProcessHandle.of(parentJvm.pid()).orElseThrow();
            List<ProcessHandle> descendants = process.descendants().toList();
            assertThat(descendants).extracting(ProcessHandle::pid)
                    .contains(Long.parseLong(ready.group(1)), Long.parseLong(ready.group(2)));
            return new StartedParent(parentJvm, process, descendants,
                    List.of(Path.of(ready.group(3)), Path.of(ready.group(4))));
        } catch (RuntimeException | AssertionError e) {
            killAll(ProcessHandle.of(parentJvm.pid()).map(p -> p.descendants().toList()).orElse(List.of()));
            parentJvm.stop(0);
            throw e;
        }
    }

    private static Matcher awaitReadyLine(ChildJvm parentJvm, Path console) {
        Matcher[] ready = new Matcher[1];
        Readiness.await(parentJvm, STARTUP_TIMEOUT, () -> {
            Optional<Matcher> match = readyLine(console);
            match.ifPresent(found -> ready[0] = found);
            return match.isPresent();
        });
        return ready[0];
    }

    private static Optional<Matcher> readyLine(Path console) {
        try {
            return Files.readAllLines(console).stream()
                    .map(READY_LINE::matcher)
                    .filter(Matcher::find)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void awaitAllGone(List<ProcessHandle> processes) {
        await().atMost(CHILDREN_GONE_TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(processes.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList())
                        .as("processes still alive").isEmpty());
    }

    private static void killAll(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroyForcibly);
    }

    private record StartedParent(ChildJvm jvm, ProcessHandle process, List<ProcessHandle> descendants, List<Path> workDirs) {

        /** The parent and everything it started. */
        List<ProcessHandle> processTree() {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(process), descendants.stream()).toList();
        }

        /** Whatever the assertions said: no process and no temp dir may outlive the test. */
        void forceCleanup() {
            killAll(descendants);
            jvm.stop(0);
            descendants.forEach(child -> child.onExit().orTimeout(10, TimeUnit.SECONDS)
                    .exceptionally(e -> child).join());
            workDirs.forEach(Directories::deleteRecursively);
        }
    }
}
