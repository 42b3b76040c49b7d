package nl.abu.monitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the state that Kafka Streams would wipe anyway is deleted before the start. */
class UncheckpointedTaskStateTest {

    private static Properties props(Path stateDir, String guarantee) {
        Properties props = new Properties();
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        return props;
    }

    @Test
    void underExactlyOnceTasksWithoutCheckpointGoAndEverythingElseStays(@TempDir Path stateDir) throws Exception {
        // given a killed instance's state: one task closed cleanly, two not, the process id and the global store
        Path app = stateDir.resolve("app");
        Files.createDirectories(app.resolve("0_0/rocksdb/store"));
        Files.writeString(app.resolve("0_0/.checkpoint"), "0\n");
        Files.createDirectories(app.resolve("1_0/rocksdb/store"));
        Files.createDirectories(app.resolve("2_1/rocksdb/store"));
        Files.createDirectories(app.resolve("global/rocksdb/targets"));
        Files.writeString(app.resolve("kafka-streams-process-metadata"), "{}");

        // when
        int deleted = UncheckpointedTaskState.deleteIfExactlyOnce(props(stateDir, StreamsConfig.EXACTLY_ONCE_V2));

        // then
        assertThat(deleted).isEqualTo(2);
        assertThat(app.resolve("1_0")).doesNotExist();
        assertThat(app.resolve("2_1")).doesNotExist();
        assertThat(app.resolve("0_0/rocksdb/store")).exists();
        assertThat(app.resolve("global/rocksdb/targets")).exists();
        assertThat(app.resolve("kafka-streams-process-metadata")).exists();
    }

    @Test
    void atLeastOnceStateIsLeftAlone(@TempDir Path stateDir) throws Exception {
        Files.createDirectories(stateDir.resolve("app/1_0/rocksdb/store"));

        assertThat(UncheckpointedTaskState.deleteIfExactlyOnce(props(stateDir, StreamsConfig.AT_LEAST_ONCE))).isZero();
        assertThat(stateDir.resolve("app/1_0/rocksdb/store")).exists();
    }
}
