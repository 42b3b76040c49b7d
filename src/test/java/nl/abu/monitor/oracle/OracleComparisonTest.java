package nl.abu.monitor.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import nl.abu.monitor.output.IndicatorValues;
import nl.abu.monitor.output.targets.Targets;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.tools.jsonl.JsonLinesFolderWriter;
import nl.abu.monitor.tools.replay.IndicatorReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OracleComparisonTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

    @Test
    void givenNoInput_whenAnEmptyOutputIsCompared_thenTheComparisonFailsForWantOfData(@TempDir Path folder)
            throws Exception {
        // given input folders without a record, and the output a pipeline that counted nothing would give: the zero
        // rows of scope all, which equal the oracle's
        JsonLinesFolderWriter.create(folder).close();
        ReportingCalendar calendar = new ReportingCalendar(AS_OF);
        var output = IndicatorReport.complete(List.of(), calendar,
                new IndicatorValues(Targets.contractDefaults(), IndicatorValues.DEFAULT_MINIMUM_CELL_SIZE));

        // when they are compared
        List<String> differences = OracleComparison.differences(folder, AS_OF, output);

        // then the comparison does not pass as proof
        assertThat(output).isNotEmpty();
        assertThat(differences).singleElement().asString().contains("only 0 cells with data");
    }
}
