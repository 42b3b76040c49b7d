package nl.abu.monitor.tools.bench;

import org.HdrHistogram.Histogram;

/** Latency samples in milliseconds, with their percentiles; safe to record from one thread while another reads. */
final class Latencies {
    private static final long HIGHEST_MS = 3_600_000;

    private final Histogram histogram = new Histogram(HIGHEST_MS, 3);

    synchronized void record(long millis) {
        histogram.recordValue(Math.max(0, Math.min(millis, HIGHEST_MS)));
    }

    synchronized long count() {
        return histogram.getTotalCount();
    }

    synchronized long percentile(double percent) {
        return histogram.getTotalCount() == 0 ? -1 : histogram.getValueAtPercentile(percent);
    }

    synchronized long max() {
        return histogram.getTotalCount() == 0 ? -1 : histogram.getMaxValue();
    }

    synchronized Summary summary() {
        return new Summary(count(), percentile(50), percentile(99), max());
    }

    /** Percentiles of the samples; -1 where there were none. */
    record Summary(long samples, long p50Ms, long p99Ms, long maxMs) {
    }
}
