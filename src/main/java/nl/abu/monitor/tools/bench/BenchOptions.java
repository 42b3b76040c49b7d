package nl.abu.monitor.tools.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one bench run does.
 *
 * @param events            input records published before the pipeline starts; with {@code scale} or several
 *                          years, about the records of one simulated year instead
 * @param rate              input records per second in the live phase
 * @param liveSeconds       how long the live phase produces
 * @param partitions        partitions of every topic
 * @param streamThreads     Kafka Streams threads of the pipeline (and of the floor)
 * @param seed              seed of the simulation
 * @param pipelineJavaOptions JVM options of the pipeline process (heap, profiler)
 * @param streamsConfig     Kafka Streams settings of the pipeline (and of the floor), on top of its own
 * @param floor             whether to run the floor phase
 * @param years             consecutive calendar years to simulate, the last one {@link #YEAR}
 * @param scale             the simulation's scale (1.0 = a national year), or null to size it by {@code events}
 * @param monitorMainClass  the command-line class whose {@code run} the pipeline process starts; passed in, as the
 *                          tools do not depend on the command line that calls them
 */
public record BenchOptions(long events, int rate, int liveSeconds, int partitions, int streamThreads, long seed,
        List<String> pipelineJavaOptions, Map<String, String> streamsConfig, boolean floor, int years, Double scale,
        String monitorMainClass) {

    /** The (last) simulated year; the as-of date is its last day, so every record falls in the open years. */
    public static final int YEAR = 2025;

    public BenchOptions {
        if (events < 1 || rate < 1 || liveSeconds < 1 || partitions < 1 || streamThreads < 1 || years < 1) {
            throw new IllegalArgumentException(
                    "events, rate, live seconds, partitions, stream threads and years must be >= 1");
        }
        if (scale != null && !(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
        pipelineJavaOptions = List.copyOf(pipelineJavaOptions);
        streamsConfig = Map.copyOf(streamsConfig);
    }

    public LocalDate asOf() {
        return endOf(YEAR);
    }

    public int firstYear() {
        return YEAR - years + 1;
    }

    /** The as-of date of each simulated year: its last day. */
    public static LocalDate endOf(int year) {
        return LocalDate.of(year, 12, 31);
    }
}
