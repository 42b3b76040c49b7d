package nl.abu.monitor.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Deletes, before Kafka Streams starts, the local state of each task that has no checkpoint file.
 *
 * <p>Under exactly-once, Kafka Streams writes an active task's checkpoint only when it closes the task cleanly. After a
 * kill or a crash it opens every such store at start (once to report its offsets, once in the stream thread), finds it
 * "corrupted", wipes it and restores it from the changelog. Deleting it first skips the opening and wiping: on
 * CrashRecoveryIT about 5 of the 12 s before a restarted instance processed again. State with a checkpoint (tasks
 * closed cleanly, standbys) is kept, and so is the process id file, on which the transactional ids depend. Kafka
 * Streams has no switch for this; the layout used (state.dir/application.id/&lt;subtopology&gt;_&lt;partition&gt;/.checkpoint)
 * is the one {@code StateDirectory} has kept since 2.x.
 */
final class UncheckpointedTaskState {
    private static final Pattern TASK_DIRECTORY = Pattern.compile("\\d+_\\d+");
    private static final String CHECKPOINT = ".checkpoint";

    private UncheckpointedTaskState() {
    }

    /** The number of task directories deleted; none unless the properties ask for exactly-once. */
    static int deleteIfExactlyOnce(Properties props) {
        String stateDir = props.getProperty(StreamsConfig.STATE_DIR_CONFIG);
        String applicationId = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        if (!StreamsConfig.EXACTLY_ONCE_V2.equals(props.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                || stateDir == null || applicationId == null) {
            return 0;
        }
        Path applicationDir = Path.of(stateDir, applicationId);
        if (!Files.isDirectory(applicationDir)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(applicationDir)) {
            List<Path> uncheckpointed = entries.filter(Files::isDirectory)
                    .filter(dir -> TASK_DIRECTORY.matcher(dir.getFileName().toString()).matches())
                    .filter(dir -> !Files.exists(dir.resolve(CHECKPOINT))).toList();
            for (Path dir : uncheckpointed) {
                Utils.delete(dir.toFile());
            }
            return uncheckpointed.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the uncheckpointed state in " + applicationDir, e);
        }
    }
}
