package nl.abu.monitor.tools.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.abu.monitor.ingest.RecordValidator;
import nl.abu.monitor.period.AsOfDate;
import org.junit.jupiter.api.Test;

/** The simulator's invalid records are the ones the pipeline rejects, and its valid ones pass. */
class SimulatedInvalidRecordsTest {
    private final RecordValidator validator = new RecordValidator(AsOfDate.fixed(LocalDate.of(2025, 12, 31)));

    @Test
    void everyRecordTheSimulatorSpoilsIsRejectedAndNoOtherIs() {
        // given a small simulated year
        List<SimulatedRecord> records = new MemberEventSimulator(SimulationConfig.year(7, 0.002, 2025)).stream().toList();

        // when each is validated, then exactly the spoiled ones are refused
        assertThat(records).filteredOn(r -> r.kind() == RecordKind.INVALID).isNotEmpty()
                .allSatisfy(r -> assertThat(validator.validate(r.topic(), r.key(), r.value())).isPresent());
        assertThat(records).filteredOn(r -> r.kind() != RecordKind.INVALID)
                .allSatisfy(r -> assertThat(validator.validate(r.topic(), r.key(), r.value())).isEmpty());
    }
}
