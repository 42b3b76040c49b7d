package nl.abu.monitor.tools.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apicurio Registry 2.6 in a child JVM, with in-memory storage, on 127.0.0.1. Clients
 * talk to it through its Confluent-compatible API ({@link #url()}).
 */
public final class EmbeddedRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRegistry.class);
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final long STOP_GRACE_MILLIS = 10_000;
    private static final String CONSOLE_LOG = "registry.log";

    private final ChildJvm child;
    private final int port;

    private EmbeddedRegistry(ChildJvm child, int port) {
        this.child = child;
        this.port = port;
    }

    /** Starts a registry and waits until it answers. {@code port} 0 picks a free port. */
    public static EmbeddedRegistry start(int port) {
        return PickedPorts.retryOnCollision(port == 0, () -> Readiness.readyOrClosed(launch(port),
                registry -> registry.awaitReady(READY_TIMEOUT), EmbeddedRegistry::close));
    }

    /** Starts the child JVM without waiting for it. */
    static EmbeddedRegistry launch(int port) {
        ApicurioBundle bundle = ApicurioBundle.locate();
        int httpPort = FreePorts.orFree(port);
        Path workDir = Directories.createTemp(StaleWorkDirs.PREFIX + "registry-");
        ChildJvmSpec spec = new ChildJvmSpec(
                "Apicurio Registry on port " + httpPort,
                workDir,
                List.of("-Xmx256m",
                        // Quick start matters more than peak throughput for a demo registry.
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-Dquarkus.http.host=127.0.0.1",
                        "-Dquarkus.http.port=" + httpPort,
                        "-Djava.io.tmpdir=" + workDir,
                        "-Dvertx.cacheDirBase=" + workDir.resolve("vertx-cache")),
                // Only the runner jar: its manifest Class-Path brings in lib/.
                List.of(bundle.runnerJar().toString()),
                bundle.mainClass(),
                List.of(),
                workDir.resolve(CONSOLE_LOG),
                List.of());
        ChildJvm child = ChildJvm.launch(spec);
        LOG.info("Starting {} (pid {}, logs in {})", spec.name(), child.pid(), workDir);
        return new EmbeddedRegistry(child, httpPort);
    }

    void awaitReady(Duration timeout) {
        long started = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest listSubjects = HttpRequest.newBuilder(URI.create(url() + "/subjects"))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        Readiness.await(child, timeout, () -> answersOk(http, listSubjects));
        LOG.info("Schema registry ready at {} after {} ms", url(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static boolean answersOk(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStartupException("Interrupted while waiting for the registry", e);
        } catch (IOException e) {
            return false;
        }
    }

    /** Base URL of the Confluent Schema Registry compatible API, e.g. for {@code schema.registry.url}. */
    public String url() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    public int port() {
        return port;
    }

    public long pid() {
        return child.pid();
    }

    /** Whether the registry's JVM is running. */
    public boolean isRunning() {
        return child.isAlive();
    }

    /** The registry's temporary directory (its log, temp files); deleted by {@link #close()}. */
    public Path workDir() {
        return child.workDir();
    }

    /** Stops the registry (SIGTERM, then SIGKILL) and deletes its temporary directory. Idempotent. */
    @Override
    public void close() {
        child.stop(STOP_GRACE_MILLIS);
    }

    void requestStop() {
        child.requestStop();
    }

    @Override
    public String toString() {
        return "EmbeddedRegistry[" + url() + ", pid " + pid() + "]";
    }
}
