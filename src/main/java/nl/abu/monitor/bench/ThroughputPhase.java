package nl.abu.monitor.bench;

import java.io.PrintStream;
import java.time.Duration;
import nl.abu.monitor.Topics;
import nl.abu.monitor.pipeline.CatchUp;
import org.apache.kafka.clients.admin.Admin;

/**
 * The pipeline works off the backfill: from the moment its Kafka Streams are RUNNING (processing starts; polled
 * every 50 ms) until the last indicator record arrives on {@code abu.indicators.v1}, once the application's group has
 * committed every input and repartition partition to its end ({@link CatchUp}).
 */
final class ThroughputPhase {
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final Duration PROCESSING_LIMIT = Duration.ofMinutes(60);

    private ThroughputPhase() {
    }

    record Result(long events, double startupSeconds, double seconds, long outputRecords, double pipelineCpuSeconds,
            double brokerCpuSeconds) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    static Result run(PipelineProcess pipeline, long launchedMillis, IndicatorWatcher watcher, Admin admin,
            long brokerPid, long events, PrintStream progress) throws Exception {
        long readyMillis = pipeline.awaitReadyMillis(START_LIMIT);
        Duration pipelineCpu = ProcessResources.cpuTime(pipeline.pid());
        Duration brokerCpu = ProcessResources.cpuTime(brokerPid);
        progress.printf("pipeline RUNNING %.1f s after launch%n", (readyMillis - launchedMillis) / 1e3);
        long[] lastShown = {0};
        new CatchUp(admin, PipelineProcess.APPLICATION_ID, Topics.INPUTS).await(PROCESSING_LIMIT, processed -> {
            if (processed - lastShown[0] >= 250_000) {
                lastShown[0] = processed;
                progress.printf("pipeline committed %,d of %,d inputs%n", processed, events);
            }
        }, pipeline::isAlive);
        long endMillis = watcher.lastReceivedMillis();
        if (endMillis < readyMillis) {
            throw new IllegalStateException("The pipeline caught up without publishing any indicator");
        }
        return new Result(events, (readyMillis - launchedMillis) / 1e3, (endMillis - readyMillis) / 1e3,
                watcher.received(), seconds(ProcessResources.cpuTime(pipeline.pid()).minus(pipelineCpu)),
                seconds(ProcessResources.cpuTime(brokerPid).minus(brokerCpu)));
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1e3;
    }
}
