package nl.abu.monitor.tools.embedded;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts again on new ports when a port picked by {@link FreePorts} was taken before the service bound it. Between
 * the pick and the bind another process (often a client's ephemeral port) can take it: the CI run of 2026-12-05
 * failed so, in SecureClusterIT.
 */
final class PickedPorts {

    private static final Logger LOG = LoggerFactory.getLogger(PickedPorts.class);
    static final int ATTEMPTS = 3;

    private PickedPorts() {
    }

    /**
     * {@code start}, tried up to {@link #ATTEMPTS} times while it fails on a taken port. Only when {@code allPicked}:
     * a port the user asked for stays taken, so that failure is reported at once.
     */
    static <T> T retryOnCollision(boolean allPicked, Supplier<T> start) {
        for (int attempt = 1;; attempt++) {
            try {
                return start.get();
            } catch (EmbeddedStartupException e) {
                if (!allPicked || !e.portInUse() || attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warn("A picked port was taken before the service could bind it; starting again on new ports"
                        + " (attempt {} of {}): {}", attempt + 1, ATTEMPTS, e.getMessage().lines().findFirst()
                        .orElse(""));
            }
        }
    }
}
