package nl.abu.monitor.tools.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "bench", description = {"Measures the pipeline end to end on an "
        + "embedded broker and registry with exactly-once: throughput on a simulated year, against Kafka Streams' own "
        + "floor and the raw consumer limit, live latency to the output topic and to /metrics, and the pipeline's "
        + "heap, RSS and state size.",
    "With --years N > 1 it runs one pipeline through N simulated years instead and reports its state on disk after "
        + "each; the floor, raw, latency and resource phases are then left out. See docs/benchmarks.md."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--events", defaultValue = "1500000",
            description = "Input records to publish before the pipeline starts (default: about a national year). "
                    + "With --years > 1 and no --scale: about the records of each year.")
    long events;

    @Option(names = "--scale", description = "Size the simulation by scale instead of --events (1.0 = a national "
            + "year, about 460,000 migrants): the backfill is every record sent in the simulated year.")
    Double scale;

    @Option(names = "--years", defaultValue = "1", description = "Consecutive calendar years to simulate, the last "
            + "one 2025. Above 1: one pipeline, restarted as of 31 December of each year, and its state on disk after "
            + "each (state_bytes_by_year); no floor, raw, latency or resource phase.")
    int years;

    @Option(names = "--no-floor", negatable = false, description = "Skip the floor phase (Kafka Streams' own floor "
            + "application on the same backfill).")
    boolean noFloor;

    @Option(names = "--json", description = "Also write the figures to this JSON file.")
    Path json;

    @Option(names = "--rate", defaultValue = "2000", description = "Input records per second in the live phase.")
    int rate;

    @Option(names = "--live-seconds", defaultValue = "60", description = "Length of the live phase.")
    int liveSeconds;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of every topic.")
    int partitions;

    @Option(names = "--stream-threads", defaultValue = "1",
            description = "Kafka Streams threads of the pipeline and of the floor.")
    int streamThreads;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulation.")
    long seed;

    @Option(names = "--pipeline-java-opts", defaultValue = "-Xmx1g",
            description = "JVM options of the pipeline process, space-separated (e.g. to add a profiler).")
    String pipelineJavaOptions;

    @Option(names = "--streams-config", paramLabel = "KEY=VALUE",
            description = "A Kafka Streams setting for the pipeline (repeatable), as `kafka.KEY` of `run`; the floor "
                    + "gets it too, under its own record cache setting.")
    Map<String, String> streamsConfig = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        List<String> javaOptions = Arrays.stream(pipelineJavaOptions.trim().split("\\s+")).filter(s -> !s.isEmpty())
                .toList();
        BenchOptions options = new BenchOptions(events, rate, liveSeconds, partitions, streamThreads, seed,
                javaOptions, streamsConfig, !noFloor, years, scale, spec.root().userObject().getClass().getName());
        Report report = BenchRun.run(options, System.err);
        System.out.print(report.table());
        if (json != null) {
            report.writeJson(json);
            System.err.println("wrote " + json);
        }
        return 0;
    }
}
