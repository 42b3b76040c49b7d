package nl.abu.monitor.families.language;

import java.util.concurrent.TimeUnit;
import nl.abu.monitor.BlackholeCells;
import nl.abu.monitor.TypicalRecords;
import nl.abu.monitor.indicator.EntityCells;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.LanguageWorker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** The language family's cell rule for one typical worker: where it counts in the 33 reported periods. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LanguageCellsBenchmark {

    private LanguageWorker worker;
    private ReportingCalendar calendar;

    @Setup
    public void setUp() {
        worker = TypicalRecords.languageWorker();
        calendar = new ReportingCalendar(TypicalRecords.AS_OF);
    }

    /** As {@code CellDeltaStep} runs it: cells named by indices, handed to a sink one by one. */
    @Benchmark
    public void cellsOfWorker(Blackhole blackhole) {
        LanguageCells.cells(worker, calendar, new BlackholeCells(blackhole));
    }

    /** The rule's answer collected by cell key, as tests read it. */
    @Benchmark
    public EntityCells cellsOfWorkerByKey() {
        return EntityCells.of(LanguageCells::cells, worker, calendar);
    }
}
