package nl.abu.monitor.indicator;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import nl.abu.monitor.period.PeriodKind;

/** The targets in force, by indicator. */
public final class Targets {
    private final Map<Indicator, Target> byIndicator;

    public Targets(Iterable<Target> targets) {
        this.byIndicator = new EnumMap<>(Indicator.class);
        targets.forEach(t -> byIndicator.put(t.indicator(), t));
    }

    /** The default targets of contract section 4. */
    public static Targets contractDefaults() {
        EnumSet<PeriodKind> all = EnumSet.allOf(PeriodKind.class);
        EnumSet<PeriodKind> years = EnumSet.of(PeriodKind.YEAR);
        return new Targets(java.util.List.of(
                new Target(Indicator.LANGUAGE_TRAINING_SHARE, Target.Comparison.AT_LEAST, 0.35, 0.05, all),
                new Target(Indicator.EURES_FEC_MEMBERS, Target.Comparison.AT_LEAST, 35, 0.10, years),
                new Target(Indicator.BRP_REGISTRATION_ON_TIME_SHARE, Target.Comparison.AT_LEAST, 0.95, 0.05, all),
                new Target(Indicator.BRP_DEREGISTRATION_SHARE, Target.Comparison.AT_LEAST, 0.95, 0.05, all),
                new Target(Indicator.HOUSING_CERTIFIED_SHARE, Target.Comparison.AT_LEAST, 1.0, 0.05, all),
                new Target(Indicator.HOUSING_RENT_WITHIN_PKS_SHARE, Target.Comparison.AT_LEAST, 1.0, 0.05, all)));
    }

    public Optional<Target> forCell(IndicatorCell cell) {
        return Optional.ofNullable(byIndicator.get(cell.indicator())).filter(t -> t.appliesTo(cell.period().kind()));
    }
}
