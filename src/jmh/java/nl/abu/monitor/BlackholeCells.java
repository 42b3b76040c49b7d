package nl.abu.monitor;

import java.time.LocalDate;
import nl.abu.monitor.indicator.CellSink;
import nl.abu.monitor.indicator.Indicator;
import org.openjdk.jmh.infra.Blackhole;

/** A cell sink that hands everything to JMH's blackhole, so the JIT cannot drop a rule's work. */
public final class BlackholeCells implements CellSink {
    private final Blackhole blackhole;

    public BlackholeCells(Blackhole blackhole) {
        this.blackhole = blackhole;
    }

    @Override
    public void share(Indicator indicator, int period, int scope, long numerator) {
        blackhole.consume(indicator);
        blackhole.consume(period);
        blackhole.consume(scope);
        blackhole.consume(numerator);
    }

    @Override
    public void count(Indicator indicator, int period, int scope) {
        blackhole.consume(indicator);
        blackhole.consume(period);
        blackhole.consume(scope);
    }

    @Override
    public void changesOn(LocalDate date) {
        blackhole.consume(date);
    }
}
