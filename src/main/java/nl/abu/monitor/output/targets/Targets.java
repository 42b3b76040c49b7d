package nl.abu.monitor.output.targets;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.indicator.IndicatorCell;

/** A set of targets, by indicator: what each indicator's values are judged against. */
public final class Targets {
    private final Map<Indicator, Target> byIndicator;

    public Targets(Iterable<Target> targets) {
        this.byIndicator = new EnumMap<>(Indicator.class);
        targets.forEach(t -> byIndicator.put(t.indicator(), t));
    }

    /** The defaults of contract section 5, as the versioned file {@code targets.json} in the jar holds them. */
    public static Targets contractDefaults() {
        return new Targets(TargetFile.bundled());
    }

    public Optional<Target> forCell(IndicatorCell cell) {
        return Optional.ofNullable(byIndicator.get(cell.indicator())).filter(t -> t.appliesTo(cell.period().kind()));
    }

    public Collection<Target> all() {
        return byIndicator.values();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Targets t && t.byIndicator.equals(byIndicator);
    }

    @Override
    public int hashCode() {
        return byIndicator.hashCode();
    }

    @Override
    public String toString() {
        return byIndicator.values().toString();
    }
}
