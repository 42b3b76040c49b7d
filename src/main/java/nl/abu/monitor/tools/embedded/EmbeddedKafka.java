package nl.abu.monitor.tools.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in a child JVM: one KRaft node in combined mode (broker and
 * controller) on 127.0.0.1, with its own temporary data directory.
 *
 * <p>By default its client listener is PLAINTEXT without authorization. {@link #startSecure(int)} starts it with a
 * SASL_SSL (SCRAM-SHA-512) client listener, a certificate made at start, and ACLs enforced; what a client needs is
 * then in {@link #secureClientSettings()}.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final long STOP_GRACE_MILLIS = 15_000;

    /** How a broker is stopped by {@link #stop(StopSignal)}. */
    public enum StopSignal {
        /** A clean shutdown: the broker's shutdown hook flushes and closes its logs. */
        SIGTERM,
        /** A crash: no shutdown hook runs, the broker recovers its logs when it restarts. */
        SIGKILL
    }

    private static final String SUPER_USER = "admin";

    private final ChildJvmSpec spec;
    private final int port;
    private final Optional<SecureClientSettings> security;
    private volatile ChildJvm child;

    private EmbeddedKafka(ChildJvmSpec spec, ChildJvm child, int port, Optional<SecureClientSettings> security) {
        this.spec = spec;
        this.child = child;
        this.port = port;
        this.security = security;
    }

    /** Starts a broker and waits until it serves clients. {@code port} 0 picks a free port. */
    public static EmbeddedKafka start(int port) {
        return PickedPorts.retryOnCollision(port == 0, () -> awaitOrClose(launch(port)));
    }

    /**
     * Starts a broker whose client listener is SASL_SSL with SCRAM-SHA-512, with ACLs enforced (KRaft
     * StandardAuthorizer; no ACL means no access), and waits until it serves clients. Only the super user of
     * {@link #secureClientSettings()} exists at first; add users and ACLs with {@link KafkaSecurityAdmin}.
     * {@code port} 0 picks a free port.
     */
    public static EmbeddedKafka startSecure(int port) {
        return PickedPorts.retryOnCollision(port == 0, () -> awaitOrClose(launchSecure(port)));
    }

    private static EmbeddedKafka awaitOrClose(EmbeddedKafka kafka) {
        return Readiness.readyOrClosed(kafka, k -> k.awaitReady(READY_TIMEOUT), EmbeddedKafka::close);
    }

    /** Starts the child JVM without waiting for it. */
    static EmbeddedKafka launch(int port) {
        int brokerPort = FreePorts.orFree(port);
        int controllerPort = FreePorts.pick();
        Path dataDir = Directories.createTemp(StaleWorkDirs.PREFIX + "kafka-");
        Path serverProperties = KafkaNodeFiles.writeServerProperties(dataDir, brokerPort, controllerPort);
        return launch(brokerPort, dataDir, serverProperties, List.of(), Optional.empty());
    }

    static EmbeddedKafka launchSecure(int port) {
        int brokerPort = FreePorts.orFree(port);
        int controllerPort = FreePorts.pick();
        Path dataDir = Directories.createTemp(StaleWorkDirs.PREFIX + "kafka-");
        BrokerTls tls;
        try {
            tls = BrokerTls.generate(dataDir);
        } catch (RuntimeException e) {
            Directories.deleteRecursively(dataDir);
            throw e;
        }
        String superUserPassword = BrokerTls.randomSecret();
        Path serverProperties = KafkaNodeFiles.writeSecureServerProperties(dataDir, brokerPort, controllerPort, tls,
                SUPER_USER, superUserPassword);
        // The broker authenticates to itself as the super user, so that user must exist before it starts.
        List<String> formatArgs = List.of("--add-scram", SecureClientSettings.SCRAM_MECHANISM + "=[name=" + SUPER_USER
                + ",password=" + superUserPassword + "]");
        SecureClientSettings settings = new SecureClientSettings("127.0.0.1:" + brokerPort, tls.truststore(),
                tls.password(), SUPER_USER, superUserPassword);
        return launch(brokerPort, dataDir, serverProperties, formatArgs, Optional.of(settings));
    }

    private static EmbeddedKafka launch(int brokerPort, Path dataDir, Path serverProperties, List<String> formatArgs,
            Optional<SecureClientSettings> security) {
        List<String> args = new ArrayList<>(List.of(serverProperties.toString(), Uuid.randomUuid().toString()));
        if (!formatArgs.isEmpty()) {
            // In a file, not on the command line: the super user's password would show in ps and in ChildJvm's log.
            args.add(KafkaNodeFiles.writeFormatArgs(dataDir, formatArgs).toString());
        }
        Path log4j2Properties = KafkaNodeFiles.writeLog4j2Properties(dataDir);
        ChildJvmSpec spec = new ChildJvmSpec(
                "Kafka broker on port " + brokerPort,
                dataDir,
                List.of("-Xmx512m",
                        // C1 only and one GC thread: ready in about 5 s instead of 7-10 s on a
                        // busy 2-core machine, and demo volumes do not need C2's peak throughput.
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-Djava.awt.headless=true",
                        "-Dlog4j2.configurationFile=" + log4j2Properties,
                        "-Dkafka.logs.dir=" + dataDir),
                ChildClasspath.ofThisJvm(),
                KafkaNode.class.getName(),
                args,
                dataDir.resolve(KafkaNodeFiles.CONSOLE_LOG),
                List.of(dataDir.resolve(KafkaNodeFiles.BROKER_LOG)));
        ChildJvm child = ChildJvm.launch(spec);
        LOG.info("Starting {} (pid {}, data in {})", spec.name(), child.pid(), dataDir);
        return new EmbeddedKafka(spec, child, brokerPort, security);
    }

    void awaitReady(Duration timeout) {
        long started = System.nanoTime();
        // A plain TCP probe first: an Admin client would log a warning for every refused connection.
        Readiness.await(child, timeout, this::acceptsConnections);
        try (Admin admin = Admin.create(adminConfig())) {
            Readiness.await(child, timeout, () -> hasLiveBroker(admin));
        }
        LOG.info("Kafka broker ready at {} after {} ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>();
        security.ifPresent(s -> config.putAll(s.adminProperties()));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        return config;
    }

    private static boolean hasLiveBroker(Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStartupException("Interrupted while waiting for the broker", e);
        } catch (Exception e) {
            return false;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** What a client needs to reach a broker started with {@link #startSecure(int)}; empty for a plain broker. */
    public Optional<SecureClientSettings> secureClientSettings() {
        return security;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return child.pid();
    }

    /** The broker's temporary directory (configuration, logs, data); deleted by {@link #close()}. */
    public Path dataDir() {
        return child.workDir();
    }

    /**
     * Stops the broker with {@code signal} and waits until its JVM has exited, but keeps its data directory, so
     * that {@link #restart()} brings the same broker back (same data, port and cluster). For tests of outages.
     *
     * @throws IllegalStateException when the JVM has not exited within 30 s (after SIGTERM)
     */
    public synchronized void stop(StopSignal signal) {
        long started = System.nanoTime();
        // Another JVM's StaleWorkDirs sweep deletes a directory whose recorded child is dead: while the broker is
        // down, the directory is recorded as this JVM's, which is alive. restart() records the new child.
        StaleWorkDirs.recordChild(dataDir(), ProcessHandle.current().pid());
        if (!child.terminateKeepingWorkDir(signal == StopSignal.SIGKILL, STOP_GRACE_MILLIS * 2)) {
            throw new IllegalStateException(child + " did not exit within " + STOP_GRACE_MILLIS * 2 + " ms of "
                    + signal);
        }
        LOG.info("Stopped {} with {} after {} ms; data kept in {}", child, signal,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir());
    }

    /**
     * Starts the broker again after {@link #stop(StopSignal)}, on the same data directory and ports, and waits
     * until it serves clients. Clients that were connected reconnect by themselves.
     */
    public synchronized void restart() {
        if (child.isAlive()) {
            throw new IllegalStateException(child + " is still running; stop it first");
        }
        child = ChildJvm.launch(spec);
        LOG.info("Restarting {} (pid {}, data in {})", spec.name(), child.pid(), dataDir());
        awaitReady(READY_TIMEOUT);
    }

    /** Whether the broker's JVM is running (false between {@link #stop(StopSignal)} and {@link #restart()}). */
    public boolean isRunning() {
        return child.isAlive();
    }

    /** Stops the broker (SIGTERM, then SIGKILL) and deletes its data. Idempotent. */
    @Override
    public void close() {
        child.stop(STOP_GRACE_MILLIS);
    }

    void requestStop() {
        child.requestStop();
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers() + ", pid " + pid() + "]";
    }
}
