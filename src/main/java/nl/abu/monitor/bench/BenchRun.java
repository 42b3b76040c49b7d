package nl.abu.monitor.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.abu.monitor.embedded.EmbeddedPlatform;
import nl.abu.monitor.pipeline.TopicSetup;
import nl.abu.monitor.simulator.SimulatedRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One bench run on an embedded broker and registry: backfill, raw limit, pipeline throughput, live latency and the
 * pipeline's resources, in that order, each phase alone on the machine apart from the broker.
 */
final class BenchRun {
    private static final Duration ADDRESS_LIMIT = Duration.ofMinutes(3);

    private BenchRun() {
    }

    static BenchReport run(BenchOptions options, PrintStream progress) throws Exception {
        long started = System.nanoTime();
        Machine machine = Machine.current();
        Path workDir = Files.createTempDirectory("migration-monitor-bench");
        try (EmbeddedPlatform platform = EmbeddedPlatform.start();
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        platform.bootstrapServers()))) {
            String bootstrap = platform.bootstrapServers();
            Map<String, Object> serdeConfig = Map.of("schema.registry.url", platform.registryUrl());
            new TopicSetup(Optional.of(options.partitions()), Optional.of((short) 1)).createMissing(admin);

            // One simulation: the backfill is its first `events` records, the live load goes on from there.
            Iterator<SimulatedRecord> records = SimulatedInput.records(options.seed(),
                    options.events() + (long) options.rate() * options.liveSeconds());
            progress.printf("publishing %,d simulated records...%n", options.events());
            double publishSeconds = Backfill.publish(records, bootstrap, serdeConfig, options, progress);
            progress.printf("published in %.1f s; reading them back with a plain consumer...%n", publishSeconds);
            RawConsumerPhase.Result raw = RawConsumerPhase.run(bootstrap, serdeConfig);
            progress.printf("raw consumer: %,d records in %.1f s%n", raw.records(), raw.seconds());

            try (IndicatorWatcher watcher = new IndicatorWatcher(bootstrap, serdeConfig, MetricsProbes.CELL)) {
                long launched = System.currentTimeMillis();
                PipelineProcess pipeline = new PipelineProcess(bootstrap, platform.registryUrl(), workDir, options);
                try {
                    ThroughputPhase.Result throughput = ThroughputPhase.run(pipeline, launched, watcher, admin,
                            platform.kafka().pid(), options.events(), progress);
                    progress.printf("pipeline: %,d events in %.1f s%n", options.events(), throughput.seconds());
                    String metricsUrl = pipeline.metricsUrl(ADDRESS_LIMIT);
                    LatencyPhase.Result latency = LatencyPhase.run(options, bootstrap, serdeConfig, metricsUrl,
                            records, pipeline, watcher, admin, progress);
                    long heapAtEnd = heapUsedOnMetrics(metricsUrl);
                    long rss = ProcessResources.peakRssBytes(pipeline.pid());
                    long state = ProcessResources.directoryBytes(pipeline.stateDir());
                    pipeline.close();
                    ProcessResources.GcSummary gc = ProcessResources.GcSummary.of(pipeline.gcLog());
                    BenchReport.Resources resources = new BenchReport.Resources(Math.max(gc.peakHeapBytes(), heapAtEnd),
                            gc.pauses(), gc.pauseMillis(), rss, state);
                    return new BenchReport(options, machine, Machine.currentLoadAverage(),
                            (System.nanoTime() - started) / 1e9, publishSeconds, raw, throughput, latency, resources);
                } catch (Exception | Error e) {
                    progress.println("The bench failed; the last lines of the pipeline's log:");
                    tail(pipeline.log(), 40).forEach(progress::println);
                    throw e;
                } finally {
                    pipeline.close();
                }
            }
        } finally {
            deleteRecursively(workDir);
        }
    }

    /** The heap in use now, summed over the pools, from the pipeline's own {@code /metrics}. */
    private static long heapUsedOnMetrics(String metricsUrl) throws IOException, InterruptedException {
        String body = PipelineProcess.get(metricsUrl + "?name%5B%5D=jvm_memory_used_bytes").body();
        return (long) body.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static List<String> tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file + ")");
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
