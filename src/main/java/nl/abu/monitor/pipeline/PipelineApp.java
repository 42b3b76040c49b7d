package nl.abu.monitor.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running pipeline: Kafka Streams with its metrics bound to Micrometer. */
public final class PipelineApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineApp.class);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;

    public PipelineApp(Topology topology, Properties streamsProperties, MeterRegistry meters) {
        this.streams = new KafkaStreams(topology, streamsProperties);
        this.streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(meters);
        streams.setStateListener((now, before) -> LOG.info("Pipeline state {} -> {}", before, now));
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        // Close the binder first: it holds meters that read from the client being closed.
        streamsMetrics.close();
        streams.close(Duration.ofSeconds(30));
    }
}
