package nl.abu.monitor.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.abu.monitor.indicator.IndicatorCell;

/** Which cells a request wants: each of indicator, period and scope is either given (exact match) or any. */
record IndicatorFilter(Optional<String> indicator, Optional<String> period, Optional<String> scope) {
    static final String INDICATOR = "indicator";
    static final String PERIOD = "period";
    static final String SCOPE = "scope";

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
