package nl.abu.monitor.tools.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.abu.monitor.TestRecords;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.Member;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.ingest.RecordValidator;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.serde.AvroSerdeConfig;
import nl.abu.monitor.tools.jsonl.JsonLine;
import nl.abu.monitor.tools.jsonl.ParsedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** {@code publish --member}: what is refused before anything is sent (no broker is reached). */
class PublisherTest {
    private final RecordValidator validator = new RecordValidator(AsOfDate.fixed(LocalDate.of(2025, 12, 31)));

    private static ParsedRecord line(int number, String topic, SpecificRecord value) {
        return new ParsedRecord(topic + ".jsonl", number, topic, EntityKeys.of(value), value, TestRecords.RECORDED);
    }

    @Test
    void givenAMember_whenItsFilesHoldAProfileAndAnotherMembersStay_thenBothAreRefusedWithTheirReason() {
        // given
        Member profile = TestRecords.member().build();
        WorkerStay othersStay = TestRecords.stay().setMemberId("M0002").build();
        List<String> reported = new ArrayList<>();

        // when
        PublishSummary summary;
        try (Publisher publisher = new Publisher("127.0.0.1:1", Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                "mock://publisher-test"), Map.of())) {
            summary = publisher.toOwnTopicsOf("M0001").publish(Stream.<JsonLine>of(line(1, Topics.MEMBERS, profile),
                    line(2, Topics.WORKER_STAYS, othersStay)), Optional.of(validator), reported::add, s -> { });
        }

        // then
        assertThat(summary.published()).isZero();
        assertThat(summary.badLines()).isEqualTo(2);
        assertThat(reported).containsExactly(
                "abu.members.v1.jsonl:1: NOT_PUBLISHED: abu.members.v1 is the ABU's own; members have no topic of it",
                "abu.worker-stays.v1.jsonl:2: MEMBER_MISMATCH: memberId: a member's own topic carries that member's "
                        + "records only (contract 9.1)");
    }
}
