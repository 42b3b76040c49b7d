package nl.abu.monitor.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.abu.monitor.tools.embedded.ParentWatch;

/**
 * A floor ({@link FloorApp}) in a JVM of its own, as {@link PipelineProcess} runs the pipeline: through
 * {@link ParentWatch}, with the pipeline's heap settings, its stderr in a log file. It is RUNNING when it says so on
 * stdout.
 */
final class FloorProcess implements StreamsProcess, AutoCloseable {
    private final FloorVariant variant;
    private final Process process;
    private final Path log;
    private final CompletableFuture<Long> runningMillis = new CompletableFuture<>();

    FloorProcess(FloorVariant variant, String bootstrapServers, String registryUrl, Path workDir,
            BenchOptions options) throws IOException {
        this.variant = variant;
        this.log = workDir.resolve(variant.label() + ".log");
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(heapOptions(options.pipelineJavaOptions()));
        command.add("-Dlog4j2.configurationFile=log4j2.xml");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ParentWatch.class.getName(),
                FloorApp.class.getName(),
                "--bootstrap-servers", bootstrapServers,
                "--schema-registry-url", registryUrl,
                "--application-id", variant.applicationId(),
                "--state-dir", workDir.resolve(variant.label() + "-state").toString(),
                "--output-topic", variant.outputTopic(),
                "--stream-threads", Integer.toString(options.streamThreads())));
        if (variant.cacheMaxBytes() != null) {
            command.addAll(List.of("--cache-max-bytes", variant.cacheMaxBytes().toString()));
        }
        options.streamsConfig().forEach((key, value) -> command.addAll(List.of("--streams-config", key + "=" + value)));
        this.process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        Thread reader = new Thread(this::readState, "bench-" + variant.label() + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Only the heap of the pipeline's options: the rest may be a profiler or a GC log meant for the pipeline alone.
     */
    static List<String> heapOptions(List<String> pipelineJavaOptions) {
        return pipelineJavaOptions.stream().filter(o -> o.startsWith("-Xmx") || o.startsWith("-Xms")).toList();
    }

    private void readState() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.equals(FloorApp.RUNNING_LINE)) {
                    runningMillis.complete(System.currentTimeMillis());
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        runningMillis.completeExceptionally(new IllegalStateException("The " + name() + " exited; see " + log));
    }

    @Override
    public String name() {
        return variant.label();
    }

    @Override
    public String applicationId() {
        return variant.applicationId();
    }

    @Override
    public long awaitRunningMillis(Duration limit) throws Exception {
        try {
            return runningMillis.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The " + name() + " was not RUNNING within " + limit + "; see " + log);
        }
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public long pid() {
        return process.pid();
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
