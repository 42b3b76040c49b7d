package nl.abu.monitor.pipeline;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.errors.TaskMigratedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running pipeline: Kafka Streams with its metrics bound to Micrometer, and {@code abu_pipeline_running} (1 while
 * the streams are RUNNING, else 0).
 *
 * <p>{@link KafkaStreamsMetrics} registers a meter per Kafka metric, and Kafka Streams adds and removes metrics as
 * tasks and threads come and go (rebalances). Micrometer 1.16 re-reads the metrics on its refresh and removes the
 * meters of metrics that are gone (micrometer#2843 was the leak before that), so stale meters of revoked tasks
 * last at most one refresh interval, reading NaN meanwhile. The binder is closed on shutdown, which removes its
 * meters; its refresh thread is ours and is stopped then too.
 */
public final class PipelineApp implements AutoCloseable {
    /** How often the Kafka metrics are re-read for new and removed ones; Micrometer's default. */
    public static final Duration DEFAULT_METRICS_REFRESH = Duration.ofSeconds(60);
    static final String RUNNING_GAUGE = "abu_pipeline_running";

    private static final Logger LOG = LoggerFactory.getLogger(PipelineApp.class);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final ScheduledExecutorService metricsScheduler;
    private final MeterRegistry meters;
    private final Gauge running;
    private final List<KafkaStreams.StateListener> stateListeners = new CopyOnWriteArrayList<>();
    private final Properties streamsProperties;

    public PipelineApp(Topology topology, Properties streamsProperties, MeterRegistry meters) {
        this(topology, streamsProperties, meters, DEFAULT_METRICS_REFRESH);
    }

    /** @param metricsRefresh how often the binder looks for Kafka metrics added and removed */
    public PipelineApp(Topology topology, Properties streamsProperties, MeterRegistry meters, Duration metricsRefresh) {
        this.streams = new KafkaStreams(topology, streamsProperties);
        this.streamsProperties = streamsProperties;
        this.meters = meters;
        this.metricsScheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kafka-streams-metrics");
            t.setDaemon(true);
            return t;
        });
        this.streamsMetrics = new KafkaStreamsMetrics(streams, Tags.empty(), metricsScheduler, metricsRefresh);
        streamsMetrics.bindTo(meters);
        this.running = Gauge.builder(RUNNING_GAUGE, this, app -> app.isRunning() ? 1 : 0)
                .description("1 while the pipeline's Kafka Streams are RUNNING, else 0").strongReference(true)
                .register(meters);
        streams.setStateListener((now, before) -> {
            LOG.info("Pipeline state {} -> {}", before, now);
            stateListeners.forEach(listener -> listener.onChange(now, before));
        });
        streams.setUncaughtExceptionHandler(PipelineApp::onUncaught);
    }

    /**
     * The uncaught-exception policy: a transient error of the Kafka clients (a timeout, a retriable broker error) or
     * a task migrated away (its producer fenced, e.g. after a transaction timed out while the registry was down)
     * costs the thread, which is replaced and resumes from the last commit; anything else is a defect or a fatal
     * error (a record that cannot be processed, a fenced or unauthorized client), and the whole client shuts down, so
     * that liveness turns false and an orchestrator restarts the instance rather than a thread failing again and again.
     */
    static StreamThreadExceptionResponse onUncaught(Throwable error) {
        if (isTransient(error)) {
            LOG.warn("A stream thread failed on a transient error; it is replaced", error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        LOG.error("A stream thread failed; the pipeline shuts down", error);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException || cause instanceof TaskMigratedException) {
                return true;
            }
        }
        return false;
    }

    /** Also tells {@code listener} of every state change (on a stream thread: keep it short). */
    public void addStateListener(KafkaStreams.StateListener listener) {
        stateListeners.add(listener);
    }

    public void start() {
        int deleted = UncheckpointedTaskState.deleteIfExactlyOnce(streamsProperties);
        if (deleted > 0) {
            LOG.info("The previous run did not close {} tasks cleanly: their local state, which exactly-once discards "
                    + "anyway, is deleted now and restored from the changelogs", deleted);
        }
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /**
     * Why the pipeline can no longer do its work, or empty while it can: Kafka Streams is in ERROR or on its way
     * there, or it should run but has no live stream thread left.
     */
    public Optional<String> failure() {
        KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR) {
            return Optional.of("Kafka Streams is " + state);
        }
        boolean shouldRun = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        boolean threadAlive = streams.metadataForLocalThreads().stream().map(ThreadMetadata::threadState)
                .anyMatch(thread -> !"DEAD".equals(thread) && !"PENDING_SHUTDOWN".equals(thread));
        return shouldRun && !threadAlive ? Optional.of("Kafka Streams is " + state + " with no live stream thread")
                : Optional.empty();
    }

    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        // Close the binder first: it holds meters that read from the client being closed.
        streamsMetrics.close();
        metricsScheduler.shutdownNow();
        meters.remove(running);
        // Leaving the group on a clean stop lets the other instances (or this one, restarted) take the tasks over at
        // once, instead of after the member's session timeout (45 s by default).
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
