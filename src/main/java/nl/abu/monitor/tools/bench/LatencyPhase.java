package nl.abu.monitor.tools.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.pipeline.CatchUp;
import nl.abu.monitor.tools.simulator.SimulatedRecord;
import org.apache.kafka.clients.admin.Admin;

/**
 * With the pipeline caught up: the simulation goes on at a steady rate ({@link LiveLoad}) for the live seconds,
 * while {@link MetricsProbes} measure the way to {@code /metrics} and the {@link IndicatorWatcher} the way to
 * {@code abu.indicators.v1}.
 */
final class LatencyPhase {
    private static final Duration GAUGES_LIMIT = Duration.ofSeconds(60);
    private static final long PROBES_LIMIT_MS = 30_000;

    private LatencyPhase() {
    }

    record Result(long loadSent, double loadRate, Latencies.Summary output, Latencies.Summary metrics, int probesSent,
            int probesSeen) {
    }

    static Result run(BenchOptions options, String bootstrapServers, Map<String, ?> serdeConfig, String metricsUrl,
            Iterator<SimulatedRecord> records, PipelineProcess pipeline, IndicatorWatcher watcher, Admin admin,
            PrintStream progress) throws Exception {
        double base = watcher.watchedValue();
        awaitGauge(metricsUrl, base);
        long liveStart = System.currentTimeMillis();
        watcher.measureLatencyFrom(liveStart);
        progress.printf("live phase: %,d records/s for %d s, a /metrics probe every %d ms%n", options.rate(),
                options.liveSeconds(), MetricsProbes.PROBE_INTERVAL_MS);
        long loadSent;
        double loadRate;
        try (MetricsProbes probes = new MetricsProbes(bootstrapServers, serdeConfig, metricsUrl, options.asOf(), base)) {
            try (LiveLoad load = new LiveLoad(bootstrapServers, serdeConfig, records, options.rate())) {
                Thread.sleep(options.liveSeconds() * 1000L);
                load.close();
                loadSent = load.sent();
                loadRate = load.achievedRate();
            }
            probes.stop(PROBES_LIMIT_MS);
            new CatchUp(admin, PipelineProcess.APPLICATION_ID, Topics.INPUTS).await(Duration.ofMinutes(10), n -> { },
                    pipeline::isAlive);
            Latencies.Summary metrics = probes.latencies().summary();
            return new Result(loadSent, loadRate, watcher.latencies().summary(), metrics, probes.sent(), probes.seen());
        }
    }

    /** Waits until {@code /metrics} shows what the output topic shows for the probed cell (a gauge refresh). */
    private static void awaitGauge(String metricsUrl, double expected) throws Exception {
        long deadline = System.nanoTime() + GAUGES_LIMIT.toNanos();
        while (MetricsProbes.valueOnMetrics(metricsUrl) != expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("/metrics does not show " + MetricsProbes.CELL + " = " + expected
                        + " within " + GAUGES_LIMIT);
            }
            Thread.sleep(100);
        }
    }
}
