package nl.abu.monitor.tools.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.tools.jsonl.JsonLine;
import nl.abu.monitor.tools.jsonl.JsonLinesFolder;
import nl.abu.monitor.tools.jsonl.LineError;
import nl.abu.monitor.tools.jsonl.ParsedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationFolderWriterTest {

    @TempDir
    Path folder;

    @Test
    void givenASimulatedYear_whenWrittenAndReadBack_thenEveryRecordReturnsWithoutLineErrors() throws Exception {
        MemberEventSimulator simulator = new MemberEventSimulator(SimulationConfig.year(3, 0.002, 2025));
        List<SimulatedRecord> simulated = simulator.stream().toList();

        SimulationSummary summary = SimulationFolderWriter.write(simulator, folder);
        List<JsonLine> lines;
        try (Stream<JsonLine> stream = JsonLinesFolder.open(folder).lines()) {
            lines = stream.toList();
        }

        assertThat(summary.total()).isEqualTo(simulated.size());
        assertThat(lines).filteredOn(LineError.class::isInstance).isEmpty();
        for (String topic : Topics.INPUTS) {
            List<SimulatedRecord> expected = simulated.stream().filter(r -> r.topic().equals(topic)).toList();
            List<ParsedRecord> read = lines.stream().map(ParsedRecord.class::cast)
                    .filter(r -> r.topic().equals(topic)).toList();
            assertThat(read).as(topic).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(read.get(i).key()).isEqualTo(expected.get(i).key());
                assertThat(read.get(i).value()).isEqualTo(expected.get(i).value());
                assertThat(read.get(i).timestampMillis()).isEqualTo(expected.get(i).timestampMillis());
            }
        }
    }

    @Test
    void givenAnEndlessSimulation_whenWrittenToAFolder_thenItIsRefused() {
        MemberEventSimulator live = new MemberEventSimulator(SimulationConfig.live(1, 0.001, LocalDate.of(2025, 6, 1), 30));

        assertThatThrownBy(() -> SimulationFolderWriter.write(live, folder)).isInstanceOf(IllegalArgumentException.class);
    }
}
