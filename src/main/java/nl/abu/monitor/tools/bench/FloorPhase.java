package nl.abu.monitor.tools.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Kafka Streams' own floor ({@link FloorTopology}) on the backfill the pipeline is about to work off: same broker,
 * topics, partitions, stream threads and exactly-once, measured by the same {@link ThroughputPhase}. Each
 * {@link FloorVariant} starts from the beginning of the inputs with an application id and state of its own.
 */
final class FloorPhase {

    private FloorPhase() {
    }

    /** What both floors did. */
    record Result(ThroughputPhase.Result cacheOff, ThroughputPhase.Result defaultCache) {
    }

    static Result run(BenchPlatform platform, Path workDir, BenchOptions options, long events, PrintStream progress)
            throws Exception {
        createOutputTopics(platform.admin(), options.partitions());
        return new Result(run(FloorVariant.CACHE_OFF, platform, workDir, options, events, progress),
                run(FloorVariant.DEFAULT_CACHE, platform, workDir, options, events, progress));
    }

    private static ThroughputPhase.Result run(FloorVariant variant, BenchPlatform platform, Path workDir,
            BenchOptions options, long events, PrintStream progress) throws Exception {
        try (TopicArrivals output = new TopicArrivals(platform.bootstrapServers(), variant.outputTopic())) {
            long launched = System.currentTimeMillis();
            FloorProcess floor = new FloorProcess(variant, platform.bootstrapServers(), platform.registryUrl(), workDir,
                    options);
            try {
                ThroughputPhase.Result result = ThroughputPhase.run(floor, launched, output, platform.admin(),
                        platform.brokerPid(), events, events, progress);
                progress.printf("%s: %,d events in %.1f s, %,d output records%n", variant.label(), events,
                        result.seconds(), result.outputRecords());
                return result;
            } catch (Exception | Error e) {
                progress.println("The " + variant.label() + " failed; the last lines of its log:");
                ProcessLogs.tail(floor.log(), 40).forEach(progress::println);
                throw e;
            } finally {
                floor.close();
            }
        }
    }

    private static void createOutputTopics(Admin admin, int partitions) throws Exception {
        for (FloorVariant variant : FloorVariant.values()) {
            try {
                admin.createTopics(List.of(new NewTopic(variant.outputTopic(), partitions, (short) 1))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
