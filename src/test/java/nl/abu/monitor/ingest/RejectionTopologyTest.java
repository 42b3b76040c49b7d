package nl.abu.monitor.ingest;

import static nl.abu.monitor.TestRecords.housing;
import static nl.abu.monitor.TestRecords.stay;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.pipeline.PipelineTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every contract rule: the record lands on the dead-letter topic with its reason, and the next one is processed.
 * The reasons found while deserializing (UNDECODABLE, UNKNOWN_SCHEMA_ID, WRONG_SCHEMA) are shown on a real broker
 * in {@code RejectedRecordsIT}: TopologyTestDriver does not capture the dead letters of a deserialization handler.
 */
class RejectionTopologyTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private final PipelineTestDriver pipeline = new PipelineTestDriver(AS_OF);

    @AfterEach
    void close() {
        pipeline.close();
    }

    static Stream<Arguments> badRecords() {
        return Stream.of(
                bad(RejectionReason.MISSING_KEY, "null key",
                        p -> p.send(Topics.WORKER_STAYS, null, stay().build(), Instant.now())),
                bad(RejectionReason.KEY_MISMATCH, "key without member part",
                        p -> p.send(Topics.WORKER_STAYS, "S-88213", stay().build(), Instant.now())),
                bad(RejectionReason.LOOKS_LIKE_BSN, "BSN as workerRef",
                        p -> p.send(Topics.WORKER_STAYS, stay().setWorkerRef("111222333").build())),
                bad(RejectionReason.INVALID_FORMAT, "municipality XX12",
                        p -> p.send(Topics.WORKER_STAYS, stay().setMunicipality("XX12").build())),
                bad(RejectionReason.DEPARTURE_BEFORE_ARRIVAL, "departure before arrival",
                        p -> p.send(Topics.WORKER_STAYS, stay().setDepartureDate(LocalDate.of(2025, 1, 1)).build())),
                bad(RejectionReason.DATE_OUT_OF_RANGE, "arrival in 1999",
                        p -> p.send(Topics.WORKER_STAYS, stay().setArrivalDate(LocalDate.of(1999, 5, 1)).build())),
                bad(RejectionReason.INVALID_VALUE, "no occupants",
                        p -> p.send(Topics.PKS_HOUSING_RATINGS, housing().setOccupants(0).build())));
    }

    private static Arguments bad(RejectionReason reason, String what, Consumer<PipelineTestDriver> send) {
        return Arguments.of(reason, what, send);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badRecords")
    void aBadRecordGoesToTheDeadLetterTopicAndTheNextOneIsProcessed(RejectionReason reason, String what,
            Consumer<PipelineTestDriver> sendBadRecord) {
        // given a pipeline that has seen one good stay
        pipeline.send(Topics.WORKER_STAYS, stay("S-1", "w_aaaaaaaaaaaaaaaa", LocalDate.of(2025, 1, 6), null).build());

        // when a bad record arrives, followed by a good one
        sendBadRecord.accept(pipeline);
        pipeline.send(Topics.WORKER_STAYS, stay("S-2", "w_bbbbbbbbbbbbbbbb", LocalDate.of(2025, 1, 6), null).build());

        // then the bad one is on the dead-letter topic with its reason and where it came from
        List<TestRecord<byte[], byte[]>> rejected = pipeline.rejected();
        assertThat(rejected).hasSize(1);
        TestRecord<byte[], byte[]> dead = rejected.get(0);
        assertThat(PipelineTestDriver.header(dead, DeadLetters.REASON)).isEqualTo(reason.name());
        assertThat(PipelineTestDriver.header(dead, DeadLetters.DETAIL)).isNotBlank();
        assertThat(PipelineTestDriver.header(dead, DeadLetters.SOURCE_TOPIC)).startsWith("abu.");
        assertThat(PipelineTestDriver.header(dead, DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(PipelineTestDriver.header(dead, DeadLetters.SOURCE_OFFSET)).matches("\\d+");
        assertThat(pipeline.counter("abu_records_rejected", "reason", reason.name())).isEqualTo(1);
        // and the good one after it counts
        assertThat(pipeline.indicator("long_stay_share|2025|all").getDenominator()).isEqualTo(2);
    }

    @Test
    void aRecordWithABsnIsForwardedWithoutItsValue() {
        // when
        pipeline.send(Topics.WORKER_STAYS, stay().setWorkerRef("111222333").build());

        // then the dead letter keeps the key and the reason, but not the bytes that hold the BSN
        TestRecord<byte[], byte[]> dead = pipeline.rejected().get(0);
        assertThat(dead.value()).isNull();
        assertThat(new String(dead.key())).isEqualTo("M0001/S-88213");
        assertThat(PipelineTestDriver.header(dead, DeadLetters.DETAIL)).doesNotContain("111222333");
    }

    @Test
    void aKeyHoldingABsnIsLeftOutOfTheDeadLetter() {
        // given a stay keyed by the worker's BSN instead of its stayId
        var stay = stay().build();
        byte[] sent = pipeline.serialize(Topics.WORKER_STAYS, stay);

        // when
        pipeline.sendRaw(Topics.WORKER_STAYS, "M0001/111222333", sent);

        // then the dead letter says why the key is missing, and keeps the value and where it came from
        TestRecord<byte[], byte[]> dead = pipeline.rejected().get(0);
        assertThat(PipelineTestDriver.header(dead, DeadLetters.REASON)).isEqualTo("KEY_MISMATCH");
        assertThat(dead.key()).isNull();
        assertThat(PipelineTestDriver.header(dead, DeadLetters.KEY_DROPPED)).contains("BSN");
        assertThat(dead.value()).containsExactly(sent);
        assertThat(PipelineTestDriver.header(dead, DeadLetters.SOURCE_OFFSET)).matches("\\d+");
    }

    @Test
    void aRejectedRecordKeepsItsOriginalBytes() {
        // given the bytes a member's producer sent
        var invalid = stay().setMunicipality("XX12").build();
        byte[] sent = pipeline.serialize(Topics.WORKER_STAYS, invalid);

        // when
        pipeline.sendRaw(Topics.WORKER_STAYS, EntityKeys.of(invalid), sent);

        // then the dead letter holds them unchanged, for the member to correct and send again
        assertThat(pipeline.rejected().get(0).value()).containsExactly(sent);
    }
}
