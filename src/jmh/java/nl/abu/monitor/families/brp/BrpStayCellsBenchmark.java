package nl.abu.monitor.families.brp;

import java.util.concurrent.TimeUnit;
import nl.abu.monitor.BlackholeCells;
import nl.abu.monitor.TypicalRecords;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.BrpStay;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** The BRP family's cell rule for one typical stay, registered and deregistered. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BrpStayCellsBenchmark {

    private BrpStay stay;
    private ReportingCalendar calendar;

    @Setup
    public void setUp() {
        stay = TypicalRecords.brpStay();
        calendar = new ReportingCalendar(TypicalRecords.AS_OF);
    }

    /** As {@code CellDeltaStep} runs it: cells named by indices, handed to a sink one by one. */
    @Benchmark
    public void cellsOfStay(Blackhole blackhole) {
        BrpStayCells.cells(stay, calendar, new BlackholeCells(blackhole));
    }
}
