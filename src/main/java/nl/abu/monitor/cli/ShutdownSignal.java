package nl.abu.monitor.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Lets a long-running command wait for Ctrl-C or SIGTERM and then close everything in its own order.
 *
 * <p>SIGTERM goes the JVM's way: its shutdown hook holds the exit until the command says it has finished closing (or
 * 40 s have passed). Ctrl-C does not start the JVM's shutdown at once: the command closes in order and returns its
 * exit code, and a second Ctrl-C forces the stop (every child process killed, then the JVM halted), which the JVM's
 * own handling cannot do: once its shutdown has begun, another SIGINT waits for it.
 */
final class ShutdownSignal {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignal.class);
    /** 128 + SIGINT, as a shell reports a process ended by Ctrl-C. */
    static final int FORCED_EXIT_STATUS = 130;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger interrupts = new AtomicInteger();

    ShutdownSignal() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            requested.countDown();
            try {
                closed.await(40, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "monitor-shutdown"));
        Signal.handle(new Signal("INT"), signal -> onInterrupt());
    }

    private void onInterrupt() {
        if (interrupts.incrementAndGet() == 1) {
            LOG.info("Ctrl-C: stopping (press Ctrl-C again to force it)");
            requested.countDown();
            return;
        }
        LOG.warn("Second Ctrl-C: forcing the stop; child processes are killed");
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(FORCED_EXIT_STATUS);
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
