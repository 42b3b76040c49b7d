package nl.abu.monitor.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line for each step of an orderly stop, with its time, so that a user sees what the stop waits for. */
final class StopSteps {
    private static final Logger LOG = LoggerFactory.getLogger(StopSteps.class);

    private boolean begun;
    private long startNanos;
    private long stepNanos;

    void begin(String plan) {
        LOG.info(plan);
        begun = true;
        startNanos = System.nanoTime();
        stepNanos = startNanos;
    }

    /** Says that {@code what} has stopped, unless the stop has not begun (startup failed, nothing to report). */
    void done(String what) {
        if (!begun) {
            return;
        }
        long now = System.nanoTime();
        LOG.info("Stopped the {} in {} ms", what, (now - stepNanos) / 1_000_000);
        stepNanos = now;
    }

    void end(String what) {
        if (begun) {
            LOG.info("Stopped the {} in {} ms", what, (System.nanoTime() - startNanos) / 1_000_000);
        }
    }
}
