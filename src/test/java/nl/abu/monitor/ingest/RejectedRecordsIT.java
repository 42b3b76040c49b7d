package nl.abu.monitor.ingest;

import static nl.abu.monitor.TestRecords.enrolment;
import static nl.abu.monitor.TestRecords.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.events.LanguageEnrolment;
import nl.abu.monitor.pipeline.RunningPipeline;
import nl.abu.monitor.serde.AvroSerdes;
import nl.abu.monitor.tools.embedded.EmbeddedPlatform;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input on a real broker and registry, with exactly-once processing: every kind of undecodable record and a
 * contract violation land on the dead-letter topic with their reason and source coordinates, and the pipeline
 * goes on with the next record.
 */
class RejectedRecordsIT {
    private static EmbeddedPlatform platform;
    private static RunningPipeline pipeline;

    @BeforeAll
    static void start() throws Exception {
        platform = EmbeddedPlatform.start();
        pipeline = new RunningPipeline(platform, LocalDate.of(2025, 12, 31));
    }

    @AfterAll
    static void stop() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void badRecordsAreSetAsideWithTheirReasonAndTheNextRecordsCount() {
        // given a member's producer that sends good and bad records to the stays topic
        byte[] enrolmentBytes = AvroSerdes.valueSerde(LanguageEnrolment.class, pipeline.serdeConfig()).serializer()
                .serialize(Topics.LANGUAGE_ENROLMENTS, enrolment().build());
        byte[] invalidStay = AvroSerdes.valueSerde(nl.abu.monitor.events.WorkerStay.class, pipeline.serdeConfig())
                .serializer().serialize(Topics.WORKER_STAYS, stay().setMunicipality("XX12").build());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            // when
            send(producer, "M0001/S-1", good("S-1", "w_aaaaaaaaaaaaaaaa"));
            send(producer, "M0001/S-2", "random bytes".getBytes(StandardCharsets.UTF_8));
            send(producer, "M0001/S-3", new byte[] {9, 0, 0, 0, 1, 2});
            send(producer, "M0001/S-4", ByteBuffer.allocate(7).put((byte) 0).putInt(424242).array());
            send(producer, "M0001/E-1", enrolmentBytes);
            send(producer, "M0001/S-88213", invalidStay);
            send(producer, "M0001/S-5", good("S-5", "w_bbbbbbbbbbbbbbbb"));
        }

        // then the good records before and after the bad ones count
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            IndicatorValue year = pipeline.indicator("long_stay_share|2025|all");
            assertThat(year).isNotNull();
            assertThat(year.getDenominator()).isEqualTo(2);
        });
        // and every bad one is on the dead-letter topic with its reason and where it came from
        List<ConsumerRecord<byte[], byte[]>> dead = pipeline.deadLetters();
        Map<String, String> reasonByKey = dead.stream().collect(Collectors.toMap(
                r -> new String(r.key(), StandardCharsets.UTF_8), r -> header(r, DeadLetters.REASON)));
        assertThat(reasonByKey).containsExactlyInAnyOrderEntriesOf(Map.of(
                "M0001/S-2", "UNDECODABLE",
                "M0001/S-3", "UNDECODABLE",
                "M0001/S-4", "UNKNOWN_SCHEMA_ID",
                "M0001/E-1", "WRONG_SCHEMA",
                "M0001/S-88213", "INVALID_FORMAT"));
        assertThat(dead).allSatisfy(r -> {
            assertThat(header(r, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.WORKER_STAYS);
            assertThat(header(r, DeadLetters.SOURCE_PARTITION)).matches("\\d+");
            assertThat(header(r, DeadLetters.SOURCE_OFFSET)).matches("\\d+");
            assertThat(header(r, DeadLetters.DETAIL)).isNotBlank();
        });
        assertThat(dead).filteredOn(r -> new String(r.key(), StandardCharsets.UTF_8).equals("M0001/S-2"))
                .singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("random bytes".getBytes(StandardCharsets.UTF_8)));
        assertThat(pipeline.meters.find("abu_records_rejected").tag("reason", "UNDECODABLE").counter().count())
                .isEqualTo(2);
    }

    private static byte[] good(String stayId, String worker) {
        return AvroSerdes.valueSerde(nl.abu.monitor.events.WorkerStay.class, pipeline.serdeConfig()).serializer()
                .serialize(Topics.WORKER_STAYS, stay(stayId, worker, LocalDate.of(2025, 1, 6), null).build());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) {
        producer.send(new ProducerRecord<>(Topics.WORKER_STAYS, key, value));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
