package nl.abu.monitor.output;

import java.time.LocalDate;
import java.util.Optional;
import nl.abu.monitor.events.IndicatorStatus;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.indicator.IndicatorCell;
import nl.abu.monitor.indicator.IndicatorKind;
import nl.abu.monitor.indicator.Scope;
import nl.abu.monitor.output.targets.Target;
import nl.abu.monitor.output.targets.Targets;
import nl.abu.monitor.period.Period;

/** Turns a cell's numerator and denominator into the published value and status (contract sections 4-6). */
public final class IndicatorValues {
    public static final int DEFAULT_MINIMUM_CELL_SIZE = 5;

    private final Targets targets;
    private final int minimumCellSize;

    public IndicatorValues(Targets targets, int minimumCellSize) {
        this.targets = targets;
        this.minimumCellSize = minimumCellSize;
    }

    public IndicatorValue of(IndicatorCell cell, long numerator, long denominator, LocalDate asOf) {
        Optional<Target> target = targets.forCell(cell);
        IndicatorValue.Builder row = IndicatorValue.newBuilder()
                .setIndicator(cell.indicator().id()).setPeriod(cell.period().label()).setScope(cell.scope())
                .setAsOf(asOf);
        if (cell.indicator().kind() == IndicatorKind.COUNT) {
            Double expected = target.map(t -> proRata(t.value(), cell.period(), asOf)).orElse(null);
            return row.setNumerator(numerator).setDenominator(null).setValue((double) numerator)
                    .setTarget(target.map(Target::value).orElse(null)).setExpected(expected)
                    .setStatus(target.map(t -> judgeCount(t, numerator, expected)).orElse(IndicatorStatus.NO_TARGET))
                    .build();
        }
        row.setTarget(target.map(Target::value).orElse(null)).setExpected(target.map(Target::value).orElse(null));
        if (Scope.isSector(cell.scope()) && denominator > 0 && denominator < minimumCellSize) {
            return row.setNumerator(null).setDenominator(null).setValue(null)
                    .setStatus(IndicatorStatus.SUPPRESSED).build();
        }
        row.setNumerator(numerator).setDenominator(denominator);
        if (denominator == 0) {
            return row.setValue(null).setStatus(IndicatorStatus.NO_DATA).build();
        }
        double value = (double) numerator / denominator;
        return row.setValue(value)
                .setStatus(target.map(t -> judgeRatio(t, value)).orElse(IndicatorStatus.NO_TARGET))
                .build();
    }

    /** T * e / n: e days of the period reached by the as-of date, of n days in all, in binary64 in that order. */
    static double proRata(double target, Period period, LocalDate asOf) {
        long elapsed = period.reachedBy(asOf).toEpochDay() - period.start().toEpochDay() + 1;
        return target * elapsed / period.lengthInDays();
    }

    private static IndicatorStatus judgeRatio(Target t, double value) {
        if (t.comparison() == Target.Comparison.AT_LEAST) {
            return value >= t.value() ? IndicatorStatus.ON_TRACK
                    : value >= t.value() - t.tolerance() ? IndicatorStatus.AT_RISK : IndicatorStatus.OFF_TRACK;
        }
        return value <= t.value() ? IndicatorStatus.ON_TRACK
                : value <= t.value() + t.tolerance() ? IndicatorStatus.AT_RISK : IndicatorStatus.OFF_TRACK;
    }

    private static IndicatorStatus judgeCount(Target t, long count, double expected) {
        if (t.comparison() == Target.Comparison.AT_LEAST) {
            return count >= expected ? IndicatorStatus.ON_TRACK
                    : count >= expected * (1 - t.tolerance()) ? IndicatorStatus.AT_RISK : IndicatorStatus.OFF_TRACK;
        }
        return count <= expected ? IndicatorStatus.ON_TRACK
                : count <= expected * (1 + t.tolerance()) ? IndicatorStatus.AT_RISK : IndicatorStatus.OFF_TRACK;
    }
}
