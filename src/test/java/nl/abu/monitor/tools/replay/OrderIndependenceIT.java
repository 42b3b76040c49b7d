package nl.abu.monitor.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.oracle.OracleComparison;
import nl.abu.monitor.output.IndicatorJson;
import nl.abu.monitor.tools.jsonl.JsonLine;
import nl.abu.monitor.tools.jsonl.JsonLinesFolder;
import nl.abu.monitor.tools.simulator.MemberEventSimulator;
import nl.abu.monitor.tools.simulator.SimulationConfig;
import nl.abu.monitor.tools.simulator.SimulationFolderWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indicators depend on the records, not on how they arrive: interleaved differently across topics, or split
 * over two runs of the pipeline with a stop in between, the same records give the same output. (Within a topic
 * the order stays as the members produced it: that is where the contract's version rule applies.)
 */
class OrderIndependenceIT {
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private static final long MINIMUM_CELLS_WITH_DATA = 300;

    @TempDir
    static Path input;
    private static Map<String, List<JsonLine>> linesByFile;
    private static String topicByTopic;

    @BeforeAll
    static void givenASimulatedYearReplayedTopicByTopic() throws Exception {
        SimulationFolderWriter.write(new MemberEventSimulator(SimulationConfig.year(11, 0.003, 2025)), input);
        linesByFile = new LinkedHashMap<>();
        try (Stream<JsonLine> lines = JsonLinesFolder.open(input).lines()) {
            lines.forEach(line -> linesByFile.computeIfAbsent(line.fileName(), f -> new ArrayList<>()).add(line));
        }
        try (ReplaySession session = session()) {
            session.publish(linesByFile.values().stream().flatMap(List::stream));
            session.runPipelineUntilCaughtUp();
            List<IndicatorValue> values = session.indicators();
            topicByTopic = json(values);
            // and that reference is itself right: equal to the contract oracle
            assertThat(OracleComparison.differences(input, AS_OF, values)).isEmpty();
        }
        assertThat(linesByFile.values().stream().mapToInt(List::size).sum()).isGreaterThan(4_000);
    }

    @Test
    void anotherInterleavingAcrossTopicsGivesTheSameIndicators() throws Exception {
        try (ReplaySession session = session()) {
            session.publish(roundRobinFromTheLastTopic().stream());
            session.runPipelineUntilCaughtUp();

            assertThat(json(session.indicators())).isEqualTo(topicByTopic);
        }
    }

    @Test
    void splittingTheRecordsOverTwoRunsGivesTheSameIndicators() throws Exception {
        try (ReplaySession session = session()) {
            session.publish(linesByFile.values().stream().flatMap(l -> l.subList(0, l.size() / 2).stream()));
            session.runPipelineUntilCaughtUp();

            session.publish(linesByFile.values().stream().flatMap(l -> l.subList(l.size() / 2, l.size()).stream()));
            session.runPipelineUntilCaughtUp();

            assertThat(json(session.indicators())).isEqualTo(topicByTopic);
        }
    }

    private static List<JsonLine> roundRobinFromTheLastTopic() {
        List<List<JsonLine>> topics = new ArrayList<>(linesByFile.values());
        java.util.Collections.reverse(topics);
        List<JsonLine> merged = new ArrayList<>();
        for (int i = 0; merged.size() < topics.stream().mapToInt(List::size).sum(); i++) {
            for (List<JsonLine> topic : topics) {
                if (i < topic.size()) {
                    merged.add(topic.get(i));
                }
            }
        }
        return merged;
    }

    private static ReplaySession session() throws Exception {
        return new ReplaySession(AS_OF, 3, System.out);
    }

    /** The values as JSON, once they hold real data: IndicatorReport adds a zero row for every period of "all". */
    private static String json(List<IndicatorValue> values) {
        assertThat(values.stream().filter(OrderIndependenceIT::hasData).count())
                .as("cells with data").isGreaterThan(MINIMUM_CELLS_WITH_DATA);
        return IndicatorJson.toJsonArray(values);
    }

    private static boolean hasData(IndicatorValue value) {
        Long counted = value.getDenominator() != null ? value.getDenominator() : value.getNumerator();
        return counted != null && counted > 0;
    }
}
