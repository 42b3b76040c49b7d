package nl.abu.monitor.period;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import nl.abu.monitor.TypicalRecords;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.indicator.IndicatorCell;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The period logic on the per-record path. {@code CellDeltaStep} reads the as-of date and builds a
 * {@link ReportingCalendar} for every entity change, the cell rules ask which reported periods contain a date,
 * and {@code IndicatorEmitStep} parses the cell key (with its period label) of every changed total.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PeriodBenchmark {

    private AsOfDate today;
    private LocalDate asOf;
    private ReportingCalendar calendar;
    private LocalDate arrival;
    private int year;
    private int month;
    private String monthLabel;
    private String quarterLabel;
    private String yearLabel;
    private String cellKey;

    @Setup
    public void setUp() {
        today = AsOfDate.today(Clock.systemUTC());
        asOf = TypicalRecords.AS_OF;
        calendar = new ReportingCalendar(asOf);
        arrival = LocalDate.of(2025, 3, 10);
        year = 2025;
        month = 7;
        monthLabel = "2025-07";
        quarterLabel = "2025-Q3";
        yearLabel = "2025";
        cellKey = new IndicatorCell(Indicator.LONG_STAY_SHARE, Period.parse(monthLabel), "sector:LOGISTICS").key();
    }

    /** "Today" in Europe/Amsterdam from the system clock, as the live pipeline reads it per record. */
    @Benchmark
    public LocalDate asOfToday() {
        return today.get();
    }

    /** The reported periods of an as-of date (two open years: 33 periods on 15 November). */
    @Benchmark
    public ReportingCalendar reportingCalendar() {
        return new ReportingCalendar(asOf);
    }

    /** Which reported periods contain a date (the BRP rule's question for an arrival or a departure). */
    @Benchmark
    public void periodsContainingDate(Blackhole bh) {
        for (Period period : calendar.periods()) {
            if (period.contains(arrival)) {
                bh.consume(period);
            }
        }
    }

    @Benchmark
    public Period parseMonth() {
        return Period.parse(monthLabel);
    }

    @Benchmark
    public Period parseQuarter() {
        return Period.parse(quarterLabel);
    }

    @Benchmark
    public Period parseYear() {
        return Period.parse(yearLabel);
    }

    /** A month and its label, as the calendar makes each of its periods. */
    @Benchmark
    public String formatMonth() {
        return Period.month(year, month).label();
    }

    /** A cell key {@code indicator|period|scope} back to its cell, per changed total. */
    @Benchmark
    public IndicatorCell parseCellKey() {
        return IndicatorCell.parse(cellKey);
    }
}
