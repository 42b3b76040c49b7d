package nl.abu.monitor.output.targets;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import nl.abu.monitor.events.IndicatorTarget;
import nl.abu.monitor.events.TargetComparison;
import nl.abu.monitor.events.TargetPeriodKind;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.period.PeriodKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Targets as records of the targets topic {@code abu.indicator-targets.v1}, and back. */
public final class TargetRecords {
    private static final Logger LOG = LoggerFactory.getLogger(TargetRecords.class);

    private TargetRecords() {
    }

    public static IndicatorTarget toRecord(Target target, Instant updatedAt) {
        return new IndicatorTarget(target.indicator().id(), TargetComparison.valueOf(target.comparison().name()),
                target.value(), target.tolerance(),
                target.periodKinds().stream().map(k -> TargetPeriodKind.valueOf(k.name())).toList(), updatedAt);
    }

    /** The target a record describes; empty, and logged, for an indicator this version does not know. */
    public static Optional<Target> fromRecord(IndicatorTarget record) {
        try {
            EnumSet<PeriodKind> kinds = EnumSet.noneOf(PeriodKind.class);
            record.getPeriodKinds().forEach(k -> kinds.add(PeriodKind.valueOf(k.name())));
            return Optional.of(new Target(Indicator.byId(record.getIndicator()),
                    Target.Comparison.valueOf(record.getComparison().name()), record.getValue(), record.getTolerance(),
                    kinds));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring a target for an unknown indicator: {}", e.getMessage());
            return Optional.empty();
        }
    }

    public static Targets fromRecords(Iterable<IndicatorTarget> records) {
        List<Target> targets = new java.util.ArrayList<>();
        records.forEach(r -> fromRecord(r).ifPresent(targets::add));
        return new Targets(targets);
    }
}
