package nl.abu.monitor.output.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.indicator.IndicatorCell;
import nl.abu.monitor.period.Period;
import nl.abu.monitor.period.ReportingCalendar;

/** Which cells a request wants: each of indicator, period and scope is either given (exact match) or any. */
record IndicatorFilter(Optional<String> indicator, Optional<String> period, Optional<String> scope) {
    static final String INDICATOR = "indicator";
    static final String PERIOD = "period";
    static final String SCOPE = "scope";

    private static final Set<String> PARAMETERS = Set.of(INDICATOR, PERIOD, SCOPE);

    /**
     * The filter of a public request, checked: every parameter is known, the indicator exists, and the period is
     * written {@code YYYY}, {@code YYYY-Qn} or {@code YYYY-MM} and is open in {@code calendar}.
     * @throws IllegalArgumentException naming the problem, for a 400 answer
     */
    static IndicatorFilter checked(Map<String, String> query, ReportingCalendar calendar) {
        for (String name : query.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "'; the parameters are indicator, "
                        + "period and scope");
            }
        }
        IndicatorFilter filter = of(query);
        filter.indicator.ifPresent(id -> {
            if (Arrays.stream(Indicator.values()).noneMatch(i -> i.id().equals(id))) {
                throw new IllegalArgumentException("unknown indicator '" + id + "'; the indicators are "
                        + Arrays.stream(Indicator.values()).map(Indicator::id).collect(Collectors.joining(", ")));
            }
        });
        filter.period.ifPresent(label -> {
            Period period;
            try {
                period = Period.parse(label);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("period '" + label + "' is not a year (2025), a quarter (2025-Q3) "
                        + "or a month (2025-07)");
            }
            if (!calendar.periods().contains(period)) {
                throw new IllegalArgumentException("period " + label + " is not open: the open periods run from "
                        + calendar.firstOpenDay() + " to " + calendar.asOf());
            }
        });
        return filter;
    }

    static IndicatorFilter of(Map<String, String> query) {
        return new IndicatorFilter(given(query, INDICATOR), given(query, PERIOD), given(query, SCOPE));
    }

    boolean matches(IndicatorCell cell) {
        return matches(indicator, cell.indicator().id()) && matches(period, cell.period().label())
                && matches(scope, cell.scope());
    }

    /** The filter as query parameters, to pass it on to another instance. */
    Map<String, String> toQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        indicator.ifPresent(v -> query.put(INDICATOR, v));
        period.ifPresent(v -> query.put(PERIOD, v));
        scope.ifPresent(v -> query.put(SCOPE, v));
        return query;
    }

    private static Optional<String> given(Map<String, String> query, String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
    }

    private static boolean matches(Optional<String> wanted, String value) {
        return wanted.isEmpty() || wanted.get().equals(value);
    }
}
