package nl.abu.monitor.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets a long-running command wait for Ctrl-C or SIGTERM and then close everything in its own order: the JVM
 * holds its exit until the command says it has finished closing (or 40 s have passed).
 */
final class ShutdownSignal {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    ShutdownSignal() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            requested.countDown();
            try {
                closed.await(40, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "monitor-shutdown"));
    }

    void awaitRequest() throws InterruptedException {
        requested.await();
    }

    /**
     * Waits for Ctrl-C or SIGTERM, or for {@code failure} to tell why the command cannot go on (asked every
     * {@code checkEvery}); returns that reason, or empty on a request.
     */
    Optional<String> awaitRequestOrFailure(Supplier<Optional<String>> failure, Duration checkEvery)
            throws InterruptedException {
        while (!requested.await(checkEvery.toMillis(), TimeUnit.MILLISECONDS)) {
            Optional<String> why = failure.get();
            if (why.isPresent()) {
                return why;
            }
        }
        return failure.get();
    }

    void closed() {
        closed.countDown();
    }
}
