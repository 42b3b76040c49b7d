package nl.abu.monitor.tools.bench;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.EuresPlacement;
import nl.abu.monitor.events.PlacementStatus;
import nl.abu.monitor.events.Sector;
import nl.abu.monitor.tools.publish.Publisher;

/**
 * Latency to {@code /metrics}: every {@value #PROBE_INTERVAL_MS} ms a new EURES placement of a member of its own,
 * which adds one to {@code abu_indicator_value} of the probed cell ({@link #CELL}); a poller reads {@code /metrics}
 * every {@value #POLL_INTERVAL_MS} ms, and probe {@code i} counts as visible when the value is the value before the
 * first probe plus {@code i}. As the live load sends no placements, only the probes move that value.
 *
 * <p>The poll interval bounds the resolution (a probe is seen up to that late). It is not shorter because every
 * scrape, even one filtered by {@code name[]}, makes Micrometer read every meter of the registry, the Kafka ones
 * included: polled every 25 ms that took about a third of a CPU from the pipeline it measures.
 */
final class MetricsProbes implements AutoCloseable {
    static final long PROBE_INTERVAL_MS = 500;
    static final long POLL_INTERVAL_MS = 100;
    /** The cell the probes add to, as keyed on {@code abu.indicators.v1}. */
    static final String CELL = "eures_placements|" + BenchOptions.YEAR + "|all";
    private static final String PROBE_MEMBER = "BENCH-PROBES";

    private final Publisher publisher;
    private final String metricsUrl;
    private final LocalDate placedOn;
    private final double base;
    private final Latencies latencies = new Latencies();
    private final Map<Integer, Long> sentMillis = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> daemon(r,
            "bench-probe-sender"));
    private final Thread poller;
    private volatile int sent;
    private volatile int seen;
    private volatile boolean polling = true;
    private volatile Throwable failure;

    /** @param base the probed cell's value before the first probe */
    MetricsProbes(String bootstrapServers, Map<String, ?> serdeConfig, String metricsUrl, LocalDate placedOn,
            double base) {
        this.publisher = new Publisher(bootstrapServers, serdeConfig, Map.of("linger.ms", 0));
        this.metricsUrl = metricsUrl;
        this.placedOn = placedOn;
        this.base = base;
        this.poller = daemon(this::poll, "bench-metrics-poller");
        poller.start();
        sender.scheduleAtFixedRate(this::sendProbe, 0, PROBE_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void sendProbe() {
        try {
            int i = sent + 1;
            long now = System.currentTimeMillis();
            EuresPlacement placement = new EuresPlacement(PROBE_MEMBER, "P-" + i, null, "PL", Sector.LOGISTICS,
                    placedOn, PlacementStatus.PLACED, Instant.ofEpochMilli(now));
            sentMillis.put(i, now);
            publisher.send(Topics.EURES_PLACEMENTS, PROBE_MEMBER + "/P-" + i, placement, now);
            publisher.flush();
            sent = i;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    private void poll() {
        try {
            while (polling) {
                double value = valueOnMetrics(metricsUrl);
                long now = System.currentTimeMillis();
                long visible = Math.round(value - base);
                for (int i = seen + 1; i <= visible && sentMillis.containsKey(i); i++) {
                    latencies.record(now - sentMillis.get(i));
                    seen = i;
                }
                Thread.sleep(POLL_INTERVAL_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
    }

    /** The probed cell's {@code abu_indicator_value} on {@code /metrics}; 0 while it has no series. */
    static double valueOnMetrics(String metricsUrl) throws IOException, InterruptedException {
        String body = PipelineProcess.get(metricsUrl + "?name%5B%5D=abu_indicator_value").body();
        for (String line : body.split("\n")) {
            if (line.startsWith("abu_indicator_value{") && line.contains("indicator=\"eures_placements\"")
                    && line.contains("period=\"" + BenchOptions.YEAR + "\"") && line.contains("scope=\"all\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    /** Stops probing and waits up to {@code waitMillis} until every probe sent is visible. */
    void stop(long waitMillis) throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(10, TimeUnit.SECONDS);
        long deadline = System.currentTimeMillis() + waitMillis;
        while (seen < sent && System.currentTimeMillis() < deadline && failure == null) {
            Thread.sleep(POLL_INTERVAL_MS);
        }
    }

    int sent() {
        return sent;
    }

    int seen() {
        return seen;
    }

    Latencies latencies() {
        if (failure != null) {
            throw new IllegalStateException("Probing /metrics failed: " + failure.getMessage(), failure);
        }
        return latencies;
    }

    @Override
    public void close() throws InterruptedException {
        sender.shutdownNow();
        polling = false;
        poller.join(15_000);
        publisher.close();
    }
}
