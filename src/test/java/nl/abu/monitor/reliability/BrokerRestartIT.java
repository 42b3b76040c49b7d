package nl.abu.monitor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import nl.abu.monitor.tools.embedded.EmbeddedKafka;
import nl.abu.monitor.tools.embedded.EmbeddedKafka.StopSignal;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, point 2: the broker goes down while the pipeline processes the adversarial dataset, cleanly (SIGTERM)
 * or by a crash (SIGKILL), and comes back on the same data directory and port. The pipeline, in this JVM, is left
 * alone: Kafka Streams reconnects by itself. It must end RUNNING, never in ERROR, with output equal to the oracle.
 */
class BrokerRestartIT {

    /** How long the broker stays down: longer than Streams' transaction timeout (10 s under exactly_once_v2). */
    private static final Duration DOWN_FOR = Duration.ofSeconds(12);
    /** Input records committed before the broker goes down: about a seventh of the dataset's 7,299. */
    private static final long MID_DATASET = 1_000;

    @Test
    void givenThePipelineMidDataset_whenTheBrokerIsStoppedWithSigtermAndRestarted_thenTheOutputEqualsTheOracle()
            throws Exception {
        runThroughBrokerRestart(StopSignal.SIGTERM);
    }

    @Test
    void givenThePipelineMidDataset_whenTheBrokerIsKilledWithSigkillAndRestarted_thenTheOutputEqualsTheOracle()
            throws Exception {
        runThroughBrokerRestart(StopSignal.SIGKILL);
    }

    private static void runThroughBrokerRestart(StopSignal signal) throws Exception {
        try (OutageHarness harness = new OutageHarness("broker-" + signal, Map.of())) {
            // given
            EmbeddedKafka kafka = harness.platform.kafka();
            int port = kafka.port();
            long published = harness.publish(topic -> true);
            harness.startPipeline();
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> harness.processedInputs() >= MID_DATASET);
            long processedBefore = harness.processedInputs();

            // when
            long stopAt = harness.sincePipelineStart();
            kafka.stop(signal);
            long stopped = harness.sincePipelineStart();
            Thread.sleep(DOWN_FOR.toMillis());
            long restartAt = harness.sincePipelineStart();
            kafka.restart();
            long restarted = harness.sincePipelineStart();
            harness.awaitCaughtUp(Duration.ofMinutes(4));
            long caughtUp = harness.sincePipelineStart();
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> harness.pipelineState() == KafkaStreams.State.RUNNING);

            // then
            System.out.printf("%s: dataset %d lines, %d records published; %d processed when the broker got %s at"
                    + " +%d ms (exit after %d ms); down %d ms; restarted at +%d ms, serving after %d ms; pipeline"
                    + " caught up %d ms after the restart; states %s%n", signal, harness.datasetLines, published,
                    processedBefore, signal, stopAt, stopped - stopAt, restartAt - stopped, restartAt,
                    restarted - restartAt, caughtUp - restarted, OutageHarness.statesAsText(harness.states));
            assertThat(kafka.port()).isEqualTo(port);
            assertThat(processedBefore).as("the broker went down mid-dataset").isLessThan(published);
            assertThat(harness.states).noneMatch(change -> change.to() == KafkaStreams.State.ERROR
                    || change.to() == KafkaStreams.State.PENDING_ERROR);
            assertThat(harness.pipelineState()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(harness.differencesFromOracle()).isEmpty();
        }
    }
}
