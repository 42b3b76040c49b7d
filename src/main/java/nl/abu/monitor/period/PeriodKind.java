package nl.abu.monitor.period;

public enum PeriodKind {
    MONTH, QUARTER, YEAR
}
