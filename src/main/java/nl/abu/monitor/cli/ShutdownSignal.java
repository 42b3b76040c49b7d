package nl.abu.monitor.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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

    void closed() {
        closed.countDown();
    }
}
