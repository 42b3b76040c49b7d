package nl.abu.monitor.tools.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.abu.monitor.pipeline.TopicSetup;
import nl.abu.monitor.tools.embedded.EmbeddedPlatform;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One bench run on an embedded broker and registry. For one year: backfill, raw limit, the floors, pipeline
 * throughput, live latency and the pipeline's resources, in that order, each phase alone on the machine apart from
 * the broker. For several years: {@link YearsRun}.
 */
final class BenchRun {
    private static final Duration ADDRESS_LIMIT = Duration.ofMinutes(3);

    private BenchRun() {
    }

    static Report run(BenchOptions options, PrintStream progress) throws Exception {
        long started = System.nanoTime();
        Machine machine = Machine.current();
        Path workDir = Files.createTempDirectory("migration-monitor-bench");
        try (EmbeddedPlatform embedded = EmbeddedPlatform.start();
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        embedded.bootstrapServers()))) {
            BenchPlatform platform = new BenchPlatform(embedded.bootstrapServers(), embedded.registryUrl(), admin,
                    embedded.kafka().pid());
            new TopicSetup(Optional.of(options.partitions()), Optional.of((short) 1)).createMissing(admin);
            SimulatedInput input = SimulatedInput.of(options);
            if (options.years() > 1) {
                return YearsRun.run(options, platform, input, workDir, machine, started, progress);
            }
            return oneYear(options, platform, input, workDir, machine, started, progress);
        } finally {
            deleteRecursively(workDir);
        }
    }

    private static BenchReport oneYear(BenchOptions options, BenchPlatform platform, SimulatedInput input,
            Path workDir, Machine machine, long started, PrintStream progress) throws Exception {
        String bootstrap = platform.bootstrapServers();
        Map<String, Object> serdeConfig = platform.serdeConfig();
        progress.printf("publishing the simulated backfill (scale %.4f)...%n", input.scale());
        Backfill.Result backfill = Backfill.publish(input.backfill(BenchOptions.YEAR), bootstrap, serdeConfig,
                progress);
        progress.printf("published %,d records in %.1f s; reading them back with a plain consumer...%n",
                backfill.events(), backfill.seconds());
        RawConsumerPhase.Result raw = RawConsumerPhase.run(bootstrap, serdeConfig);
        progress.printf("raw consumer: %,d records in %.1f s%n", raw.records(), raw.seconds());
        FloorPhase.Result floor = null;
        if (options.floor()) {
            floor = FloorPhase.run(platform, workDir, options, backfill.events(), progress);
        } else {
            progress.println("floor skipped (--no-floor)");
        }

        try (IndicatorWatcher watcher = new IndicatorWatcher(bootstrap, serdeConfig, MetricsProbes.CELL)) {
            long launched = System.currentTimeMillis();
            PipelineProcess pipeline = new PipelineProcess(bootstrap, platform.registryUrl(), workDir, options,
                    options.asOf());
            try {
                ThroughputPhase.Result throughput = ThroughputPhase.run(pipeline, launched, watcher, platform.admin(),
                        platform.brokerPid(), backfill.events(), backfill.events(), progress);
                progress.printf("pipeline: %,d events in %.1f s%n", backfill.events(), throughput.seconds());
                String metricsUrl = pipeline.metricsUrl(ADDRESS_LIMIT);
                LatencyPhase.Result latency = LatencyPhase.run(options, bootstrap, serdeConfig, metricsUrl,
                        input.live(), pipeline, watcher, platform.admin(), progress);
                long heapAtEnd = heapUsedOnMetrics(metricsUrl);
                long rss = ProcessResources.peakRssBytes(pipeline.pid());
                pipeline.close();
                // After the clean stop: while it runs, RocksDB holds recent writes in memory. With a year at scale
                // 0.01 (17,063 records) nothing but its option files was on disk yet: 1.7 MB, 5.1 MB after the stop.
                long state = ProcessResources.directoryBytes(pipeline.stateDir());
                ProcessResources.GcSummary gc = ProcessResources.GcSummary.of(pipeline.gcLog());
                BenchReport.Resources resources = new BenchReport.Resources(Math.max(gc.peakHeapBytes(), heapAtEnd),
                        gc.pauses(), gc.pauseMillis(), rss, state);
                return new BenchReport(options, machine, Machine.currentLoadAverage(),
                        (System.nanoTime() - started) / 1e9, input.scale(), backfill, raw, floor, throughput, latency,
                        resources);
            } catch (Exception | Error e) {
                progress.println("The bench failed; the last lines of the pipeline's log:");
                ProcessLogs.tail(pipeline.log(), 40).forEach(progress::println);
                throw e;
            } finally {
                pipeline.close();
            }
        }
    }

    /** The heap in use now, summed over the pools, from the pipeline's own {@code /metrics}. */
    private static long heapUsedOnMetrics(String metricsUrl) throws IOException, InterruptedException {
        String body = PipelineProcess.get(metricsUrl + "?name%5B%5D=jvm_memory_used_bytes").body();
        return (long) body.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
