package nl.abu.monitor.tools.embedded;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Waits for a child to become ready, failing early with its log tail when it dies. */
final class Readiness {

    private static final long POLL_MILLIS = 200;

    private Readiness() {
    }

    /** {@code service} once {@code awaitReady} returns; closed, and the failure thrown, when it does not. */
    static <T> T readyOrClosed(T service, Consumer<T> awaitReady, Consumer<T> close) {
        try {
            awaitReady.accept(service);
            return service;
        } catch (RuntimeException e) {
            close.accept(service);
            throw e;
        }
    }

    static void await(ChildJvm child, Duration timeout, BooleanSupplier isReady) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!child.isAlive()) {
                String logTail = child.logTail();
                throw new EmbeddedStartupException(child.name() + " exited with status " + child.exitValue()
                        + " before it was ready.\n" + logTail, mentionsPortInUse(logTail));
            }
            if (isReady.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new EmbeddedStartupException(child.name() + " was not ready within " + timeout.toSeconds()
                        + " s.\n" + child.logTail());
            }
            sleep();
        }
    }

    // Kafka's BindException says "Address already in use"; Quarkus says "Port N seems to be in use".
    static boolean mentionsPortInUse(String log) {
        return log.contains("Address already in use") || log.contains("seems to be in use by another process");
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStartupException("Interrupted while waiting for a child process", e);
        }
    }
}
