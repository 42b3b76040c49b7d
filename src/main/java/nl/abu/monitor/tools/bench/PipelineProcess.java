package nl.abu.monitor.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.abu.monitor.tools.embedded.ParentWatch;

/**
 * The pipeline as {@code monitor run} in a JVM of its own, so that its heap, RSS and CPU are its own. It is started
 * through {@link ParentWatch}, which ends it when this JVM dies, even by SIGKILL. Its GC log gives the peak heap.
 */
final class PipelineProcess implements StreamsProcess, AutoCloseable {
    static final String APPLICATION_ID = "migration-monitor-bench";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path stateDir;
    private final Path gcLog;
    private final Path log;
    private final CompletableFuture<String> metricsUrl = new CompletableFuture<>();

    /**
     * @param asOf the pipeline's as-of date; its state stays in {@code workDir/state} from one start to the next
     */
    PipelineProcess(String bootstrapServers, String registryUrl, Path workDir, BenchOptions options, LocalDate asOf)
            throws IOException {
        this.stateDir = workDir.resolve("state");
        this.gcLog = workDir.resolve("pipeline-gc-" + asOf + ".log");
        this.log = workDir.resolve("pipeline-" + asOf + ".log");
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.pipelineJavaOptions());
        command.add("-Xlog:gc:file=" + gcLog);
        // The application's own logging, also when started from a test JVM whose classpath has a test config.
        command.add("-Dlog4j2.configurationFile=log4j2.xml");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ParentWatch.class.getName(),
                options.monitorMainClass(), "run"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().putAll(Map.of(
                "MONITOR_BOOTSTRAP_SERVERS", bootstrapServers,
                "MONITOR_SCHEMA_REGISTRY_URL", registryUrl,
                "MONITOR_APPLICATION_ID", APPLICATION_ID,
                "MONITOR_STATE_DIR", stateDir.toString(),
                "MONITOR_HTTP_HOST", "127.0.0.1",
                "MONITOR_HTTP_PORT", "0",
                "MONITOR_AS_OF_DATE", asOf.toString(),
                "MONITOR_TOPICS_PARTITIONS", Integer.toString(options.partitions()),
                "MONITOR_TOPICS_REPLICATION_FACTOR", "1",
                "MONITOR_KAFKA_NUM_STREAM_THREADS", Integer.toString(options.streamThreads())));
        // `run` passes MONITOR_KAFKA_<KEY> on to Kafka Streams as <key> (dots for underscores).
        options.streamsConfig().forEach((key, value) -> builder.environment()
                .put("MONITOR_KAFKA_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), value));
        this.process = builder.start();
        Thread reader = new Thread(this::readAddresses, "bench-pipeline-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAddresses() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("metrics: ")) {
                    metricsUrl.complete(line.substring("metrics: ".length()).trim());
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        metricsUrl.completeExceptionally(new IllegalStateException("The pipeline exited; see " + log));
    }

    String metricsUrl(Duration limit) throws Exception {
        try {
            return metricsUrl.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The pipeline did not print its addresses within " + limit + "; see " + log);
        }
    }

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public String applicationId() {
        return APPLICATION_ID;
    }

    /** Waits until {@code /health/ready} answers 200 (Kafka Streams RUNNING), polling every 50 ms. */
    @Override
    public long awaitRunningMillis(Duration limit) throws Exception {
        String ready = metricsUrl(limit).replace("/metrics", "/health/ready");
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The pipeline exited; see " + log);
            }
            try {
                if (get(ready).statusCode() == 200) {
                    return System.currentTimeMillis();
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("The pipeline was not ready within " + limit + "; see " + log);
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    Path stateDir() {
        return stateDir;
    }

    Path gcLog() {
        return gcLog;
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        ProcessResources.stop(process);
    }
}
