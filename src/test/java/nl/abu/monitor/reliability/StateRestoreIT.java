package nl.abu.monitor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.abu.monitor.oracle.AdversarialDataset;
import nl.abu.monitor.oracle.OracleComparison;
import nl.abu.monitor.pipeline.PipelineApp;
import nl.abu.monitor.tools.jsonl.JsonLine;
import nl.abu.monitor.tools.replay.ReplaySession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Losing the local state loses nothing: the pipeline processes half of {@link AdversarialDataset} (every topic's
 * first half), stops, its state dir is deleted, the other half is published, and the pipeline restarts. Only state
 * restored from the changelogs can combine the new records with the old ones; the output must equal the oracle of
 * the whole dataset.
 */
class StateRestoreIT {
    private static final long SEED = 20251231L;

    @Test
    void givenDeletedLocalState_whenRestarted_thenRestoresFromTheChangelogsAndMatchesTheOracle(@TempDir Path input)
            throws Exception {
        long lines = AdversarialDataset.write(input, SEED);
        Map<String, List<JsonLine>> byFile = ReplayHalves.linesByFile(input);
        try (ReplaySession session = new ReplaySession(AdversarialDataset.AS_OF, 2, System.out)) {
            // given the first half processed, then the local state deleted
            session.publish(ReplayHalves.half(byFile, false));
            session.runPipelineUntilCaughtUp();
            assertThat(storeDirs(session.stateDir())).as("state written by the first run").isNotEmpty();
            session.deleteLocalState();
            assertThat(storeDirs(session.stateDir())).isEmpty();

            // when the second half is published and the pipeline restarts on the empty state dir
            session.publish(ReplayHalves.half(byFile, true));
            RestoreCounter restores = new RestoreCounter();
            long started = System.nanoTime();
            try (PipelineApp pipeline = session.pipeline(session.stateDir(), Map.of())) {
                pipeline.streams().setGlobalStateRestoreListener(restores);
                pipeline.start();
                session.awaitCaughtUp(pipeline);
            }
            System.out.printf("dataset %d lines; restart: %s; restore and second half took %d ms%n", lines,
                    restores, (System.nanoTime() - started) / 1_000_000);

            // then the state came from the changelogs, from their beginning, and the output is the oracle's
            assertThat(restores.restored()).isPositive();
            assertThat(restores.fromAnOffset()).as("nothing was left locally to start from").isZero();
            assertThat(OracleComparison.differences(input, AdversarialDataset.AS_OF, session.indicators())).isEmpty();
        }
    }

    private static List<Path> storeDirs(Path stateDir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(stateDir)) {
            return files.filter(p -> !p.equals(stateDir) && Files.isDirectory(p)).toList();
        }
    }
}
