package nl.abu.monitor.tools.replay;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.indicator.IndicatorCell;
import nl.abu.monitor.indicator.Scope;
import nl.abu.monitor.output.IndicatorOrder;
import nl.abu.monitor.output.IndicatorValues;
import nl.abu.monitor.period.Period;
import nl.abu.monitor.period.ReportingCalendar;

/**
 * The replay output of contract section 6: every reported period for every indicator and scope that has data,
 * a period without data of its own included (with a zero count), and nothing outside the open years. Scope
 * {@code all} is always listed, so a target that nothing counts towards yet shows as missed rather than absent.
 */
public final class IndicatorReport {
    private IndicatorReport() {
    }

    public static List<IndicatorValue> complete(Collection<IndicatorValue> published, ReportingCalendar calendar,
            IndicatorValues values) {
        Set<String> reported = new HashSet<>();
        calendar.periods().forEach(p -> reported.add(p.label()));
        List<IndicatorValue> rows = new ArrayList<>();
        Set<String> present = new HashSet<>();
        Set<List<String>> indicatorScopes = new HashSet<>();
        for (Indicator indicator : Indicator.values()) {
            indicatorScopes.add(List.of(indicator.id(), Scope.ALL));
        }
        for (IndicatorValue v : published) {
            if (reported.contains(v.getPeriod())) {
                rows.add(v);
                present.add(v.getIndicator() + "|" + v.getPeriod() + "|" + v.getScope());
                indicatorScopes.add(List.of(v.getIndicator(), v.getScope()));
            }
        }
        for (List<String> indicatorScope : indicatorScopes) {
            for (Period period : calendar.periods()) {
                IndicatorCell cell = new IndicatorCell(Indicator.byId(indicatorScope.get(0)), period,
                        indicatorScope.get(1));
                if (!present.contains(cell.key())) {
                    rows.add(values.of(cell, 0, 0, calendar.asOf()));
                }
            }
        }
        rows.sort(IndicatorOrder.INSTANCE);
        return rows;
    }
}
