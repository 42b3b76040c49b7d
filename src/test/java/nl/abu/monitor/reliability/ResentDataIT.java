package nl.abu.monitor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.oracle.OracleComparison;
import nl.abu.monitor.output.IndicatorJson;
import nl.abu.monitor.tools.jsonl.JsonLine;
import nl.abu.monitor.tools.jsonl.JsonLinesFolder;
import nl.abu.monitor.tools.replay.ReplaySession;
import nl.abu.monitor.tools.simulator.MemberEventSimulator;
import nl.abu.monitor.tools.simulator.SimulationConfig;
import nl.abu.monitor.tools.simulator.SimulationFolderWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract section 1: "re-sending a whole batch, in any order, changes nothing". A simulated year (with the
 * simulator's corrections, duplicates, stale versions, tombstones and invalid records) is sent in reverse order
 * on an empty state (so each topic is reversed too: every correction arrives before the version it corrects,
 * every tombstone before what it retracts), then the whole batch again in production order after the pipeline
 * caught up. Both times the output equals the oracle's for the folder. One session (one embedded platform)
 * keeps the class well under two minutes.
 */
class ResentDataIT {
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

    @TempDir
    static Path input;
    private static List<JsonLine> lines;

    @BeforeAll
    static void givenASimulatedYear() throws Exception {
        SimulationFolderWriter.write(new MemberEventSimulator(SimulationConfig.year(23, 0.003, 2025)), input);
        try (Stream<JsonLine> all = JsonLinesFolder.open(input).lines()) {
            lines = all.toList();
        }
        assertThat(lines).hasSizeGreaterThan(4_000);
        assertThat(OracleComparison.cellsWithData(input, AS_OF)).isGreaterThan(100);
    }

    @Test
    void theBatchInReverseOrderThenAgainInOrderGivesTheOraclesOutputEveryTime() throws Exception {
        long start = System.nanoTime();
        List<JsonLine> reversed = new ArrayList<>(lines);
        Collections.reverse(reversed);
        try (ReplaySession session = new ReplaySession(AS_OF, 3, System.out)) {
            // when the batch is sent in reverse order, on an empty state
            session.publish(reversed.stream());
            session.runPipelineUntilCaughtUp();
            List<IndicatorValue> reverse = session.indicators();
            // then
            assertThat(OracleComparison.differences(input, AS_OF, reverse)).isEmpty();
            long reverseDone = System.nanoTime();

            // when the whole batch is sent again, in production order, after the pipeline caught up
            session.publish(lines.stream());
            session.runPipelineUntilCaughtUp();
            List<IndicatorValue> again = session.indicators();
            // then nothing changed
            assertThat(IndicatorJson.toJsonArray(again)).isEqualTo(IndicatorJson.toJsonArray(reverse));
            assertThat(OracleComparison.differences(input, AS_OF, again)).isEmpty();

            System.out.printf("ResentDataIT: %d lines reversed on an empty state (%.1f s incl. platform start), "
                    + "then again in order (%.1f s)%n", lines.size(), (reverseDone - start) / 1e9,
                    (System.nanoTime() - reverseDone) / 1e9);
        }
    }
}
