package nl.abu.monitor.tools.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleWorkDirsTest {

    @TempDir
    Path temp;

    @Test
    void onlyDirectoriesOfChildrenThatAreGoneAreDeleted() throws Exception {
        // given
        Process finished = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        finished.waitFor();
        Path ofDeadChild = workDir("embedded-kafka-1", finished.pid());
        Path ofLiveChild = workDir("embedded-kafka-2", ProcessHandle.current().pid());
        Path withoutPid = Files.createDirectory(temp.resolve("embedded-registry-3"));
        Path notOurs = workDir("something-else", finished.pid());

        // when
        StaleWorkDirs.sweep(temp);

        // then
        assertThat(ofDeadChild).doesNotExist();
        assertThat(ofLiveChild).exists();
        assertThat(withoutPid).exists();
        assertThat(notOurs).exists();
    }

    private Path workDir(String name, long childPid) throws Exception {
        Path dir = Files.createDirectory(temp.resolve(name));
        StaleWorkDirs.recordChild(dir, childPid);
        return dir;
    }
}
