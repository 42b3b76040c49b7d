package nl.abu.monitor.output.targets;

import java.util.Set;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.period.PeriodKind;

/**
 * A target of contract section 5. The tolerance is absolute for ratios and means, relative for counts.
 */
public record Target(Indicator indicator, Comparison comparison, double value, double tolerance,
        Set<PeriodKind> periodKinds) {

    public enum Comparison {
        AT_LEAST, AT_MOST
    }

    public boolean appliesTo(PeriodKind kind) {
        return periodKinds.contains(kind);
    }
}
