package nl.abu.monitor.output.metrics;

import java.util.List;
import nl.abu.monitor.indicator.IndicatorCell;

/** Where {@link IndicatorGauges} gets the raw totals of the indicator cells it exports. */
@FunctionalInterface
public interface CellTotalsSource {

    /** One entry of a {@code <family>-cell-totals} store. */
    record CellTotal(IndicatorCell cell, long numerator, long denominator) {
    }

    /**
     * The totals of every cell this source holds now.
     * @throws Unavailable when they cannot be read now (a rebalance in progress); the caller keeps what it had
     */
    List<CellTotal> read() throws Unavailable;

    /** The totals cannot be read for the moment. */
    final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
