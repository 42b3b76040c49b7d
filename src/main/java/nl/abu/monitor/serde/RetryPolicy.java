package nl.abu.monitor.serde;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff for an unreachable registry. The default waits without limit: a record whose
 * schema cannot be fetched yet must be held up, never dropped.
 *
 * @param initialBackoff first pause
 * @param maxBackoff     cap of the doubling pauses
 * @param maxWait        total wait after which to give up; {@code null} = never give up
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration maxWait) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(5), null);

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
        }
    }

    /** The pause before attempt {@code failedAttempts + 1}. */
    Duration backoffAfter(int failedAttempts) {
        long millis = initialBackoff.toMillis();
        for (int i = 1; i < failedAttempts && millis < maxBackoff.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    boolean givesUpAfter(Duration waited) {
        return maxWait != null && waited.compareTo(maxWait) >= 0;
    }
}
