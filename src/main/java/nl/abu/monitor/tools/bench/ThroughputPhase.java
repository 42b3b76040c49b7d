package nl.abu.monitor.tools.bench;

import java.io.PrintStream;
import java.time.Duration;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.pipeline.CatchUp;
import org.apache.kafka.clients.admin.Admin;

/**
 * An application (the pipeline, or a floor) works off the backfill: from the moment its Kafka Streams are RUNNING
 * (processing starts) until the last record arrives on its output topic, once the application's group has
 * committed every input and repartition partition to its end ({@link CatchUp}). The pipeline and the floors are
 * measured by this same code.
 */
final class ThroughputPhase {
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final Duration PROCESSING_LIMIT = Duration.ofMinutes(60);

    private ThroughputPhase() {
    }

    /**
     * @param cpuSeconds       CPU time of the application's process over the phase
     * @param brokerCpuSeconds CPU time of the broker over the phase
     */
    record Result(long events, double startupSeconds, double seconds, long outputRecords, double cpuSeconds,
            double brokerCpuSeconds) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    /**
     * @param events         the input records it works off in this phase
     * @param inputsInTopics all input records in the topics, for the progress lines (more than {@code events} when
     *                       the application processed earlier ones before a restart)
     */
    static Result run(StreamsProcess app, long launchedMillis, OutputArrivals output, Admin admin, long brokerPid,
            long events, long inputsInTopics, PrintStream progress) throws Exception {
        long runningMillis = app.awaitRunningMillis(START_LIMIT);
        Duration appCpu = ProcessResources.cpuTime(app.pid());
        Duration brokerCpu = ProcessResources.cpuTime(brokerPid);
        long outputBefore = output.received(); // from an earlier start of the same application
        progress.printf("%s RUNNING %.1f s after launch%n", app.name(), (runningMillis - launchedMillis) / 1e3);
        long[] lastShown = {0};
        new CatchUp(admin, app.applicationId(), Topics.INPUTS).await(PROCESSING_LIMIT, processed -> {
            if (processed - lastShown[0] >= 250_000) {
                lastShown[0] = processed;
                progress.printf("%s committed %,d of %,d inputs%n", app.name(), processed, inputsInTopics);
            }
        }, app::isAlive);
        long endMillis = output.lastReceivedMillis();
        if (endMillis < runningMillis) {
            throw new IllegalStateException("The " + app.name() + " caught up without writing any output");
        }
        return new Result(events, (runningMillis - launchedMillis) / 1e3, (endMillis - runningMillis) / 1e3,
                output.received() - outputBefore, seconds(ProcessResources.cpuTime(app.pid()).minus(appCpu)),
                seconds(ProcessResources.cpuTime(brokerPid).minus(brokerCpu)));
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1e3;
    }
}
