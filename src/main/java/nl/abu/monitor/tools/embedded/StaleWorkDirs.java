package nl.abu.monitor.tools.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work directories left behind by children whose parent was SIGKILLed: the child dies (see
 * {@link ParentWatch}) but nobody deletes its directory. Each work directory records the pid of
 * its child; a directory whose child is no longer alive is removed when a later run starts.
 */
final class StaleWorkDirs {

    static final String PREFIX = "embedded-";
    private static final String CHILD_PID_FILE = "child.pid";
    private static final Logger LOG = LoggerFactory.getLogger(StaleWorkDirs.class);
    private static final AtomicBoolean SWEPT = new AtomicBoolean();

    private StaleWorkDirs() {
    }

    static void recordChild(Path workDir, long pid) {
        try {
            Files.writeString(workDir.resolve(CHILD_PID_FILE), Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the child's pid into " + workDir, e);
        }
    }

    /** Once per JVM is enough: stale directories only appear when a parent dies. */
    static void sweepOnce() {
        if (SWEPT.compareAndSet(false, true)) {
            sweep(Paths.get(System.getProperty("java.io.tmpdir")));
        }
    }

    static void sweep(Path tempDir) {
        try (Stream<Path> dirs = Files.list(tempDir)) {
            dirs.filter(dir -> dir.getFileName().toString().startsWith(PREFIX))
                    .filter(StaleWorkDirs::childIsGone)
                    .forEach(dir -> {
                        LOG.info("Deleting {}, left behind by a child process that is gone", dir);
                        Directories.deleteRecursively(dir);
                    });
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Cannot look for stale work directories in {}", tempDir, e);
        }
    }

    /** False when unsure: a directory without a readable pid may belong to a child that is starting. */
    private static boolean childIsGone(Path dir) {
        return recordedPid(dir)
                .map(pid -> ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true))
                .orElse(false);
    }

    private static Optional<Long> recordedPid(Path dir) {
        try {
            return Optional.of(Long.parseLong(Files.readString(dir.resolve(CHILD_PID_FILE)).trim()));
        } catch (IOException | NumberFormatException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
