package nl.abu.monitor.output;

import java.util.Comparator;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.period.Period;

/** The order of indicator listings: by indicator, then period (longer first), then scope. */
public final class IndicatorOrder {
    public static final Comparator<IndicatorValue> INSTANCE = Comparator
            .comparing((IndicatorValue v) -> Indicator.byId(v.getIndicator()))
            .thenComparing(v -> Period.parse(v.getPeriod()))
            .thenComparing(IndicatorValue::getScope);

    private IndicatorOrder() {
    }
}
