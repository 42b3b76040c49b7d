package nl.abu.monitor.output.api;

import nl.abu.monitor.indicator.IndicatorCell;

/**
 * One entry of a {@code <family>-cell-totals} store, as instances hand it to each other: the raw counts, so that
 * the instance that answers the request turns every cell into a value with the same as-of date and targets.
 */
record CellTotal(IndicatorCell cell, long numerator, long denominator) {
}
