package nl.abu.monitor.tools.embedded;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka broker and a schema registry, each in its own child JVM, for the {@code demo} and
 * {@code replay} commands and for integration tests.
 */
public final class EmbeddedPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPlatform.class);

    private final EmbeddedKafka kafka;
    private final EmbeddedRegistry registry;

    private EmbeddedPlatform(EmbeddedKafka kafka, EmbeddedRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Both on free ports. */
    public static EmbeddedPlatform start() {
        return start(0, 0);
    }

    /**
     * Starts both services in parallel and waits until both are ready. When one fails, the
     * other is stopped too and the failure is thrown. A port of 0 picks a free port.
     */
    public static EmbeddedPlatform start(int kafkaPort, int registryPort) {
        return PickedPorts.retryOnCollision(kafkaPort == 0 && registryPort == 0,
                () -> start(EmbeddedKafka.launch(kafkaPort), registryPort));
    }

    /**
     * Both on free ports, the broker in its secure mode ({@link EmbeddedKafka#startSecure(int)}: SASL_SSL, SCRAM,
     * ACLs enforced), the registry on plain HTTP. What clients need is in
     * {@code kafka().secureClientSettings()}.
     */
    public static EmbeddedPlatform startSecure() {
        return PickedPorts.retryOnCollision(true, () -> start(EmbeddedKafka.launchSecure(0), 0));
    }

    private static EmbeddedPlatform start(EmbeddedKafka kafka, int registryPort) {
        long started = System.nanoTime();
        EmbeddedRegistry registry;
        try {
            registry = EmbeddedRegistry.launch(registryPort);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        EmbeddedPlatform platform = new EmbeddedPlatform(kafka, registry);
        platform.awaitBothReady();
        LOG.info("Embedded platform ready after {} ms: Kafka at {}, schema registry at {}",
                (System.nanoTime() - started) / 1_000_000, platform.bootstrapServers(), platform.registryUrl());
        return platform;
    }

    private void awaitBothReady() {
        // Remembers the failure that came first: stopping everything after it makes the other
        // wait fail too, with a less helpful "exited before it was ready".
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        CompletableFuture<Void> kafkaReady = awaitInBackground(
                () -> kafka.awaitReady(EmbeddedKafka.READY_TIMEOUT), "embedded-kafka-ready", firstFailure);
        CompletableFuture<Void> registryReady = awaitInBackground(
                () -> registry.awaitReady(EmbeddedRegistry.READY_TIMEOUT), "embedded-registry-ready", firstFailure);
        try {
            CompletableFuture.allOf(kafkaReady, registryReady).join();
        } catch (CompletionException e) {
            close();
            Throwable failure = firstFailure.get() != null ? firstFailure.get() : e.getCause();
            throw failure instanceof RuntimeException runtime ? runtime
                    : new EmbeddedStartupException("The embedded platform did not start", failure);
        }
    }

    private CompletableFuture<Void> awaitInBackground(
            Runnable awaitReady, String threadName, AtomicReference<Throwable> firstFailure) {
        Executor ownThread = task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            thread.start();
        };
        return CompletableFuture.runAsync(awaitReady, ownThread).whenComplete((ignored, failure) -> {
            if (failure != null) {
                firstFailure.compareAndSet(null, failure instanceof CompletionException ? failure.getCause() : failure);
                close();
            }
        });
    }

    /**
     * Says that this JVM closes the platform itself when it shuts down (after what depends on it, such as a
     * pipeline), so the shutdown hook waits up to {@code grace} before it stops the services on its own.
     */
    public EmbeddedPlatform closedByOwnerOnShutdown(java.time.Duration grace) {
        RunningChildren.ownerClosesOnShutdown(grace.toMillis());
        return this;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Base URL of the Confluent Schema Registry compatible API. */
    public String registryUrl() {
        return registry.url();
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedRegistry registry() {
        return registry;
    }

    /** Stops both services and deletes their temporary directories. Idempotent. */
    @Override
    public void close() {
        // Signal both first: they then shut down in parallel.
        kafka.requestStop();
        registry.requestStop();
        registry.close();
        kafka.close();
    }
}
