package nl.abu.monitor.tools.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running child JVM, started through {@link ParentWatch} so that it dies with this JVM.
 *
 * <p>The child's stdin pipe stays open for as long as this object lives: closing it is the
 * signal for the child to stop. {@link RunningChildren} holds every started child, which also
 * keeps the pipe from being closed by the garbage collector.
 */
final class ChildJvm {

    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);
    private static final int LOG_TAIL_BYTES = 6_000;
    /**
     * A terminal's Ctrl-C signals its whole foreground process group; in a session of their own the children outlive
     * it until the parent has closed what uses them (the pipeline), then stop in order. The JDK cannot start a process
     * in a new session, so util-linux's {@code setsid} does it (it execs in place: the pid stays the child's).
     */
    private static final List<String> OWN_SESSION = Files.isExecutable(Path.of("/usr/bin/setsid"))
            ? List.of("/usr/bin/setsid") : List.of();

    private final ChildJvmSpec spec;
    private final Process process;
    private boolean stopped;

    private ChildJvm(ChildJvmSpec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    static ChildJvm launch(ChildJvmSpec spec) {
        StaleWorkDirs.sweepOnce();
        List<String> command = command(spec, ParentWatchClasspath.copyInto(spec.workDir()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(spec.workDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.consoleLog().toFile()));
        try {
            ChildJvm child = new ChildJvm(spec, builder.start());
            RunningChildren.register(child);
            StaleWorkDirs.recordChild(spec.workDir(), child.pid());
            LOG.debug("Started {} (pid {}): {}", spec.name(), child.pid(), command);
            return child;
        } catch (IOException e) {
            throw new EmbeddedStartupException("Cannot start " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> command(ChildJvmSpec spec, Path parentWatchDir) {
        List<String> classpath = new ArrayList<>();
        classpath.add(parentWatchDir.toString());
        classpath.addAll(spec.classpath());
        List<String> command = new ArrayList<>(OWN_SESSION);
        command.add(javaExecutable());
        command.addAll(spec.jvmOptions());
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classpath));
        command.add(ParentWatch.class.getName());
        command.add(spec.mainClass());
        command.addAll(spec.args());
        return command;
    }

    private static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    String name() {
        return spec.name();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    Path workDir() {
        return spec.workDir();
    }

    /** SIGTERM, so that the child's shutdown hooks run. */
    void requestStop() {
        process.destroy();
    }

    /**
     * Ends the child with SIGTERM ({@code forcibly} false) or SIGKILL and waits up to {@code waitMillis} for it to
     * exit, but KEEPS its work directory, so that a new child can be launched on it. A later {@link #stop} still
     * deletes the directory. Returns whether the child exited in time.
     */
    boolean terminateKeepingWorkDir(boolean forcibly, long waitMillis) {
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            boolean exited = process.waitFor(waitMillis, TimeUnit.MILLISECONDS);
            if (exited) {
                closeQuietly(process.getOutputStream());
                RunningChildren.unregister(this);
            }
            return exited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops the child (SIGTERM, then SIGKILL after {@code graceMillis}) and deletes its work
     * directory. Safe to call more than once and from several threads.
     */
    synchronized void stop(long graceMillis) {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            process.destroy();
            if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("{} (pid {}) did not stop within {} ms, killing it", spec.name(), pid(), graceMillis);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(process.getOutputStream());
            RunningChildren.unregister(this);
            Directories.deleteRecursively(spec.workDir());
        }
    }

    /** The last lines the child logged, for error messages. */
    String logTail() {
        StringBuilder tail = new StringBuilder();
        List<Path> logs = new ArrayList<>(spec.otherLogs());
        logs.add(spec.consoleLog());
        for (Path log : logs) {
            if (Files.exists(log)) {
                tail.append("--- ").append(log.getFileName()).append(" (last lines) ---\n")
                        .append(lastBytes(log)).append('\n');
            }
        }
        return tail.toString();
    }

    private static String lastBytes(Path log) {
        try (InputStream in = Files.newInputStream(log)) {
            long size = Files.size(log);
            in.skipNBytes(Math.max(0, size - LOG_TAIL_BYTES));
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int firstLineBreak = text.indexOf('\n');
            return size > LOG_TAIL_BYTES && firstLineBreak >= 0 ? text.substring(firstLineBreak + 1) : text;
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // The child is gone already.
        }
    }

    @Override
    public String toString() {
        return spec.name() + " (pid " + pid() + ")";
    }
}
