package nl.abu.monitor.language;

import java.util.concurrent.TimeUnit;
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

    @Benchmark
    public EntityCells cellsOfWorker() {
        return LanguageCells.of(worker, calendar);
    }

    /** As {@code CellDeltaStep} calls it: the calendar of the as-of date is built for each entity change. */
    @Benchmark
    public EntityCells cellsOfWorkerWithCalendar() {
        return LanguageCells.of(worker, new ReportingCalendar(calendar.asOf()));
    }
}
