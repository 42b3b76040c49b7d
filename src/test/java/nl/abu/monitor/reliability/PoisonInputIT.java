package nl.abu.monitor.reliability;

import static nl.abu.monitor.TestRecords.enrolment;
import static nl.abu.monitor.TestRecords.housing;
import static nl.abu.monitor.TestRecords.stay;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import nl.abu.monitor.contract.InputTopic;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.IndicatorValue;
import nl.abu.monitor.events.LanguageEnrolment;
import nl.abu.monitor.events.PksHousingRating;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.ingest.DeadLetters;
import nl.abu.monitor.oracle.OracleComparison;
import nl.abu.monitor.output.IndicatorValues;
import nl.abu.monitor.period.ReportingCalendar;
import nl.abu.monitor.pipeline.RunningPipeline;
import nl.abu.monitor.serde.AvroSerdes;
import nl.abu.monitor.tools.embedded.EmbeddedPlatform;
import nl.abu.monitor.tools.jsonl.JsonLine;
import nl.abu.monitor.tools.jsonl.JsonLinesFolder;
import nl.abu.monitor.tools.jsonl.ParsedRecord;
import nl.abu.monitor.tools.replay.IndicatorReport;
import nl.abu.monitor.tools.replay.IndicatorTopicReader;
import nl.abu.monitor.tools.simulator.DisturbanceRates;
import nl.abu.monitor.tools.simulator.MemberEventSimulator;
import nl.abu.monitor.tools.simulator.SimulationConfig;
import nl.abu.monitor.tools.simulator.SimulationFolderWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poison mixed into a valid stream on a real broker and registry, sent as raw bytes by a plain producer, while
 * the pipeline runs: every bad record lands on {@code abu.rejected.v1} with its reason and the coordinates it was
 * produced at, the pipeline keeps RUNNING and processes the valid records after the poison, the rejected-records
 * metric counts the bad ones by reason exactly, and the indicators equal the oracle's for the valid records alone.
 */
class PoisonInputIT {
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private static final int ONE_MIB = 1024 * 1024;
    private static final long SEED = 424242L;

    @TempDir
    static Path input;
    private static EmbeddedPlatform platform;
    private static RunningPipeline pipeline;

    /** A bad record to send, and the reason the pipeline must give it. */
    private record Poison(String name, String topic, byte[] key, byte[] value, String reason) {
    }

    /** Something to send, and where it landed. */
    private static final class Sent {
        final String topic;
        final byte[] key;
        final byte[] value;
        final long timestamp;
        final Poison poison;
        Future<RecordMetadata> metadata;

        Sent(String topic, byte[] key, byte[] value, long timestamp, Poison poison) {
            this.topic = topic;
            this.key = key;
            this.value = value;
            this.timestamp = timestamp;
            this.poison = poison;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        platform = EmbeddedPlatform.start();
        pipeline = new RunningPipeline(platform, AS_OF);
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
    void poisonIsSetAsideAndTheValidRecordsGiveTheOraclesIndicators() throws Exception {
        long started = System.nanoTime();
        // given a simulated year without invalid records (corrections, duplicates, stale versions and
        // tombstones included), as the oracle sees it in JSON lines
        SimulationFolderWriter.write(new MemberEventSimulator(new SimulationConfig(SEED, 0.003,
                LocalDate.of(2025, 1, 1), AS_OF, new DisturbanceRates(0.02, 0.02, 0.02, 0.02, 0, 0.03))), input);
        List<ParsedRecord> valid = new ArrayList<>();
        try (Stream<JsonLine> lines = JsonLinesFolder.open(input).lines()) {
            lines.forEach(l -> valid.add((ParsedRecord) l));
        }
        Map<String, Serializer<SpecificRecord>> serializers = new HashMap<>();
        List<Sent> stream = new ArrayList<>();
        for (ParsedRecord r : valid) {
            byte[] value = r.value() == null ? null : serializers.computeIfAbsent(r.topic(), PoisonInputIT::serializer)
                    .serialize(r.topic(), r.value());
            stream.add(new Sent(r.topic(), utf8(r.key()), value, r.timestampMillis(), null));
        }
        // and the poison, each at a random position before the last valid record
        int largest = largestValueTheBrokerAccepts();
        List<Poison> poison = poison(largest);
        Random random = new Random(SEED);
        for (Poison p : poison) {
            stream.add(random.nextInt(stream.size()), new Sent(p.topic(), p.key(), p.value(),
                    Instant.parse("2025-06-01T12:00:00Z").toEpochMilli(), p));
        }
        assertThat(stream.get(stream.size() - 1).poison).isNull();

        // when a plain producer sends it all as raw bytes while the pipeline runs
        try (KafkaProducer<byte[], byte[]> producer = rawProducer()) {
            for (Sent s : stream) {
                s.metadata = producer.send(new ProducerRecord<>(s.topic, null, s.timestamp, s.key, s.value));
            }
            producer.flush();
        }
        for (Sent s : stream) {
            s.metadata.get();
        }
        pipeline.awaitCaughtUp(Duration.ofSeconds(90));

        // then the pipeline still runs
        assertThat(pipeline.state()).isEqualTo(KafkaStreams.State.RUNNING);
        // and every bad record is on the dead-letter topic, with its reason, where it was produced, and its bytes
        List<ConsumerRecord<byte[], byte[]>> dead = pipeline.deadLetters();
        Map<String, ConsumerRecord<byte[], byte[]>> deadBySource = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> d : dead) {
            String source = header(d, DeadLetters.SOURCE_TOPIC) + "-" + header(d, DeadLetters.SOURCE_PARTITION) + "@"
                    + header(d, DeadLetters.SOURCE_OFFSET);
            assertThat(deadBySource.put(source, d)).as("two dead letters for %s", source).isNull();
        }
        assertThat(dead).hasSize(poison.size());
        Map<String, Long> expectedByReason = new TreeMap<>();
        for (Sent s : stream) {
            if (s.poison == null) {
                continue;
            }
            RecordMetadata at = s.metadata.get();
            String source = at.topic() + "-" + at.partition() + "@" + at.offset();
            ConsumerRecord<byte[], byte[]> d = deadBySource.get(source);
            assertThat(d).as("dead letter of %s produced at %s", s.poison.name(), source).isNotNull();
            assertThat(header(d, DeadLetters.REASON)).as(s.poison.name()).isEqualTo(s.poison.reason());
            assertThat(header(d, DeadLetters.DETAIL)).as(s.poison.name()).isNotBlank();
            assertThat(d.key()).as(s.poison.name()).isEqualTo(s.key);
            if (s.poison.reason().equals("LOOKS_LIKE_BSN")) {
                assertThat(d.value()).as("a BSN is never forwarded").isNull();
            } else {
                assertThat(d.value()).as(s.poison.name()).isEqualTo(s.value);
            }
            expectedByReason.merge(s.poison.reason(), 1L, Long::sum);
        }
        // and the metric counts them by reason, exactly
        Map<String, Long> countedByReason = new TreeMap<>();
        pipeline.meters.find("abu_records_rejected").counters().forEach(c ->
                countedByReason.merge(c.getId().getTag("reason"), (long) c.count(), Long::sum));
        assertThat(countedByReason).isEqualTo(expectedByReason);
        // and the indicators are the oracle's for the valid records
        List<IndicatorValue> indicators = IndicatorReport.complete(
                IndicatorTopicReader.latest(platform.bootstrapServers(), pipeline.serdeConfig()).values(),
                new ReportingCalendar(AS_OF, pipeline.settings().openYears()),
                new IndicatorValues(pipeline.settings().seedTargets(), pipeline.settings().minimumCellSize()));
        assertThat(OracleComparison.differences(input, AS_OF, indicators)).isEmpty();
        assertThat(OracleComparison.cellsWithData(input, AS_OF)).isGreaterThan(100);
        System.out.printf("PoisonInputIT: %d valid records, %d poison %s, largest value %d bytes, %.1f s%n",
                valid.size(), poison.size(), expectedByReason, largest, (System.nanoTime() - started) / 1e9);
    }

    private static List<Poison> poison(int largestValue) {
        Random random = new Random(SEED + 1);
        String stays = Topics.WORKER_STAYS;
        byte[] randomBytes = new byte[300];
        random.nextBytes(randomBytes);
        randomBytes[0] = 7; // not the magic byte
        byte[] big = new byte[largestValue];
        random.nextBytes(big);
        big[0] = 7;
        byte[] goodStay = stayBytes(stay("S-P1", "w_poisonpoison0001", LocalDate.of(2025, 3, 1), null).build());
        byte[] withoutMagic = java.util.Arrays.copyOfRange(goodStay, 5, goodStay.length);
        byte[] unknownId = ByteBuffer.allocate(goodStay.length).put((byte) 0).putInt(987_654)
                .put(goodStay, 5, goodStay.length - 5).array();
        byte[] enrolmentBytes = AvroSerdes.valueSerde(LanguageEnrolment.class, pipeline.serdeConfig()).serializer()
                .serialize(Topics.LANGUAGE_ENROLMENTS, enrolment().build());
        List<Poison> list = new ArrayList<>();
        list.add(new Poison("random bytes", stays, utf8("M0001/S-P2"), randomBytes, "UNDECODABLE"));
        list.add(new Poison("no magic byte", stays, utf8("M0001/S-P1"), withoutMagic, "UNDECODABLE"));
        list.add(new Poison("unknown schema id", stays, utf8("M0001/S-P1"), unknownId, "UNKNOWN_SCHEMA_ID"));
        list.add(new Poison("another topic's schema", stays, utf8("M0001/E-1"), enrolmentBytes, "WRONG_SCHEMA"));
        list.add(new Poison("largest accepted random value", stays, utf8("M0001/S-P3"), big, "UNDECODABLE"));
        list.add(new Poison("key mismatch", stays, utf8("M0001/S-OTHER"), goodStay, "KEY_MISMATCH"));
        list.add(new Poison("key without member part", stays, utf8("S-P1"), goodStay, "KEY_MISMATCH"));
        list.add(new Poison("key with empty member part", stays, utf8("/S-P1"), goodStay, "KEY_MISMATCH"));
        list.add(new Poison("tombstone key without member part", stays, utf8("S-P1"), null, "KEY_MISMATCH"));
        list.add(new Poison("null key", stays, null, goodStay, "MISSING_KEY"));
        list.add(new Poison("null key tombstone", stays, null, null, "MISSING_KEY"));
        list.add(new Poison("BSN as workerRef", stays, utf8("M0001/S-P4"),
                stayBytes(stay("S-P4", "111222333", LocalDate.of(2025, 3, 1), null).build()), "LOOKS_LIKE_BSN"));
        list.add(new Poison("bad municipality", stays, utf8("M0001/S-P5"),
                stayBytes(stay("S-P5", "w_poisonpoison0005", LocalDate.of(2025, 3, 1), null).setMunicipality("XX12")
                        .build()), "INVALID_FORMAT"));
        list.add(new Poison("departure before arrival", stays, utf8("M0001/S-P6"),
                stayBytes(stay("S-P6", "w_poisonpoison0006", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 2, 1))
                        .build()), "DEPARTURE_BEFORE_ARRIVAL"));
        list.add(new Poison("date before 2000", stays, utf8("M0001/S-P7"),
                stayBytes(stay("S-P7", "w_poisonpoison0007", LocalDate.of(1999, 12, 31), null).build()),
                "DATE_OUT_OF_RANGE"));
        list.add(new Poison("date after D + 366", stays, utf8("M0001/S-P8"),
                stayBytes(stay("S-P8", "w_poisonpoison0008", AS_OF.plusDays(367), null).build()),
                "DATE_OUT_OF_RANGE"));
        PksHousingRating noOccupants = housing().setOccupants(0).build();
        list.add(new Poison("no occupants", Topics.PKS_HOUSING_RATINGS, utf8("M0001/H-12/2025-05-01"),
                AvroSerdes.valueSerde(PksHousingRating.class, pipeline.serdeConfig()).serializer()
                        .serialize(Topics.PKS_HOUSING_RATINGS, noOccupants), "INVALID_VALUE"));
        return list;
    }

    /**
     * The broker's limit on a record (message.max.bytes, about 1 MiB) includes the batch overhead, so a value of
     * exactly 1 MiB is refused at produce time. Finds the largest random value it accepts, on a scratch topic with
     * the same limit, with a key as long as the poison's.
     */
    private static int largestValueTheBrokerAccepts() throws Exception {
        String probe = "poison-size-probe";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(probe, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<byte[], byte[]> producer = rawProducer()) {
            assertThat(accepted(producer, probe, ONE_MIB)).as("a 1 MiB value is refused by the broker").isFalse();
            int low = ONE_MIB - 4096;
            int high = ONE_MIB;
            assertThat(accepted(producer, probe, low)).isTrue();
            while (high - low > 1) {
                int mid = (low + high) / 2;
                if (accepted(producer, probe, mid)) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }

    private static boolean accepted(KafkaProducer<byte[], byte[]> producer, String topic, int size)
            throws InterruptedException {
        try {
            producer.send(new ProducerRecord<>(topic, utf8("M0001/S-P3"), new byte[size])).get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException) {
                return false;
            }
            throw new AssertionError(e.getCause());
        }
    }

    private static KafkaProducer<byte[], byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * ONE_MIB,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @SuppressWarnings("unchecked")
    private static Serializer<SpecificRecord> serializer(String topic) {
        return AvroSerdes.valueSerde((Class<SpecificRecord>) InputTopic.of(topic).recordType(), pipeline.serdeConfig())
                .serializer();
    }

    private static byte[] stayBytes(WorkerStay stay) {
        return AvroSerdes.valueSerde(WorkerStay.class, pipeline.serdeConfig()).serializer()
                .serialize(Topics.WORKER_STAYS, stay);
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
