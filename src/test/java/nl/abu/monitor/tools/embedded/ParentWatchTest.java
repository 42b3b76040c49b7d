package nl.abu.monitor.tools.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ParentWatch, copied alone onto a classpath, ends its JVM when the parent's pipe closes. */
class ParentWatchTest {

    @TempDir
    Path temp;

    @Test
    void theChildStopsWhenItsStdinIsClosed() throws Exception {
        // given: a child that would otherwise run forever
        Process child = startThroughParentWatch(SleepForeverMain.class.getName());
        try {
            assertThat(child.inputReader().readLine()).isEqualTo("sleeping");

            // when: what the kernel does when the parent dies
            child.getOutputStream().close();

            // then
            assertThat(child.waitFor(15, TimeUnit.SECONDS)).as("child ended").isTrue();
            assertThat(child.exitValue()).isEqualTo(ParentWatch.ORPHANED_EXIT_STATUS);
        } finally {
            child.destroyForcibly();
        }
    }

    private Process startThroughParentWatch(String mainClass) throws Exception {
        List<String> classpath = new ArrayList<>();
        classpath.add(ParentWatchClasspath.copyInto(temp).toString());
        classpath.add(Path.of(SleepForeverMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:TieredStopAtLevel=1",
                "-cp", String.join(File.pathSeparator, classpath),
                ParentWatch.class.getName(), mainClass);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
