package nl.abu.monitor.indicator;

/** How an indicator's value derives from its numerator and denominator (contract section 6). */
public enum IndicatorKind {
    /** value = numerator / denominator, both counts. */
    RATIO,
    /** value = numerator = a count; no denominator. */
    COUNT,
    /** value = numerator / denominator, a sum over a number of units. */
    MEAN
}
