package nl.abu.monitor.brp;

import java.util.concurrent.TimeUnit;
import nl.abu.monitor.TypicalRecords;
import nl.abu.monitor.indicator.EntityCells;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.state.BrpStay;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

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

    @Benchmark
    public EntityCells cellsOfStay() {
        return BrpStayCells.of(stay, calendar);
    }
}
