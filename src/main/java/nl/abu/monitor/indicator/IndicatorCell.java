package nl.abu.monitor.indicator;

import nl.abu.monitor.period.Period;

/** One row of the indicator tables: an indicator for one period and scope; keyed {@code indicator|period|scope}. */
public record IndicatorCell(Indicator indicator, Period period, String scope) {
    private static final String SEPARATOR = "|";

    public String key() {
        return indicator.id() + SEPARATOR + period.label() + SEPARATOR + scope;
    }

    public static IndicatorCell parse(String key) {
        String[] parts = key.split("\\|", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not an indicator key: " + key);
        }
        return new IndicatorCell(Indicator.byId(parts[0]), Period.parse(parts[1]), parts[2]);
    }

    @Override
    public String toString() {
        return key();
    }
}
