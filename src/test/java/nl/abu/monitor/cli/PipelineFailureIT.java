package nl.abu.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.abu.monitor.TestRecords;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.output.IndicatorValues;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.serde.AvroSerdes;
import nl.abu.monitor.tools.embedded.EmbeddedPlatform;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liveness follows the truth (issue 12): an exception that escapes a processor ends the stream thread, the
 * uncaught-exception policy shuts the client down, {@code /health/live} answers 503, and {@code run} exits with
 * code 1. The exception is made by a test-only processing handler ({@link FailEveryRecordHandler}) given through the
 * pass-through configuration, and a record the contract rejects.
 */
class PipelineFailureIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String FAILING_HANDLER = StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG;
    private EmbeddedPlatform platform;

    // A platform per test: the rejected record stays on its topic and would fail the next test's pipeline at once.
    @BeforeEach
    void startPlatform() throws Exception {
        platform = EmbeddedPlatform.start();
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }

    @Test
    void givenAProcessorThatThrows_whenItsThreadDies_thenLivenessTurns503(@TempDir Path dir) throws Exception {
        // given a running instance whose processing handler fails on any exception
        MonitorOptions options = new MonitorOptions(platform.bootstrapServers(),
                Map.of("schema.registry.url", platform.registryUrl()), "failure-in-process-it", dir, "127.0.0.1", 0,
                "127.0.0.1", AsOfDate.fixed(LocalDate.of(2025, 12, 31)), ReportingCalendar.DEFAULT_OPEN_YEARS,
                IndicatorValues.DEFAULT_MINIMUM_CELL_SIZE, Optional.of(2), Optional.of((short) 1),
                Map.of(FAILING_HANDLER, FailEveryRecordHandler.class.getName()));
        try (RunningMonitor monitor = new RunningMonitor(options)) {
            String base = monitor.http().baseUrl().toString();
            await().atMost(Duration.ofSeconds(90)).until(() -> get(base + "/health/ready").statusCode() == 200);
            assertThat(get(base + "/health/live").statusCode()).isEqualTo(200);

            // when a record that the contract rejects makes the validation step throw
            sendRejectedStay();

            // then the instance says it is dead, and why
            await().atMost(Duration.ofSeconds(30)).until(() -> get(base + "/health/live").statusCode() == 503);
            assertThat(get(base + "/health/live").body()).startsWith("DOWN: Kafka Streams is ")
                    .containsAnyOf("ERROR", "no live stream thread");
        }
    }

    @Test
    void givenAProcessorThatThrows_whenItsThreadDies_thenRunExitsWithCode1(@TempDir Path dir) throws Exception {
        // given `run` as its own process, with that handler
        Path config = dir.resolve("monitor.properties");
        Files.write(config, List.of("bootstrap.servers=" + platform.bootstrapServers(),
                "schema.registry.url=" + platform.registryUrl(), "state.dir=" + dir.resolve("state"),
                "http.host=127.0.0.1", "http.port=0", "application.id=failure-run-it", "topics.partitions=2",
                "topics.replication.factor=1", "as.of.date=2025-12-31",
                "kafka." + FAILING_HANDLER + "=" + FailEveryRecordHandler.class.getName()));
        try (MonitorProcess run = new MonitorProcess(Map.of(), "run", "--config", config.toString())) {
            String base = run.addresses(Duration.ofSeconds(90)).get("metrics").replace("/metrics", "");
            await().atMost(Duration.ofSeconds(90)).until(() -> get(base + "/health/ready").statusCode() == 200);

            // when a record makes a processor throw
            long sent = System.nanoTime();
            sendRejectedStay();

            // then run logs why and exits with code 1 within 30 s
            assertThat(run.awaitExit(Duration.ofSeconds(30))).as("run exits within 30 s").isTrue();
            System.out.printf("run exited %d ms after the failing record was sent%n",
                    Duration.ofNanos(System.nanoTime() - sent).toMillis());
            assertThat(run.process().exitValue()).isEqualTo(1);
            assertThat(run.log()).contains("The pipeline has failed (Kafka Streams is ");
        }
    }

    /** A stay with a municipality that is no CBS code: decodable, and rejected by the validation step. */
    private void sendRejectedStay() throws Exception {
        WorkerStay stay = TestRecords.stay().setMunicipality("nowhere").build();
        Serializer<WorkerStay> values = AvroSerdes.valueSerde(WorkerStay.class,
                Map.of("schema.registry.url", platform.registryUrl())).serializer();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()), new StringSerializer(),
                (topic, value) -> value)) {
            producer.send(new ProducerRecord<>(Topics.WORKER_STAYS, EntityKeys.of(stay),
                    values.serialize(Topics.WORKER_STAYS, stay))).get();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
