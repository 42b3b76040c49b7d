package nl.abu.monitor.output.api;

/**
 * Part of the indicator tables cannot be read right now (a rebalance, a restoring store, an instance that does
 * not answer). The API answers 503 with this message: an answer missing some partitions would look complete.
 */
public final class IndicatorsUnavailable extends Exception {
    public IndicatorsUnavailable(String message) {
        super(message);
    }

    public IndicatorsUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
