package nl.abu.monitor.ingest;

import static nl.abu.monitor.TestRecords.MEMBER;
import static nl.abu.monitor.TestRecords.RECORDED;
import static nl.abu.monitor.TestRecords.stay;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.abu.monitor.contract.EntityKeys;
import nl.abu.monitor.contract.InputTopic;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.Sector;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.pipeline.PipelineTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Contract 9.1: a member's own input topics, beside the shared ones. */
class MemberTopicsTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private static final String OWN_STAYS = InputTopic.WORKER_STAYS.memberTopic(MEMBER);
    private static final String OTHERS_STAYS = InputTopic.WORKER_STAYS.memberTopic(PipelineTestDriver.OTHER_MEMBER);
    private static final String YEAR_ALL = "long_stay_share|2025|all";

    private final PipelineTestDriver pipeline = new PipelineTestDriver(AS_OF);

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void givenAMembersOwnTopic_whenItsRecordArrives_thenItCountsAsOnTheSharedTopic() {
        // when
        pipeline.send(OWN_STAYS, stay().build());

        // then
        assertThat(pipeline.indicator(YEAR_ALL).getDenominator()).isEqualTo(1);
        assertThat(pipeline.counter("abu_records_accepted", "topic", Topics.WORKER_STAYS))
                .as("tagged by the shared topic: a bounded set").isEqualTo(1.0);
        assertThat(pipeline.rejected()).isEmpty();
    }

    @Test
    void givenAnotherMembersTopic_whenARecordOfThisMemberArrivesOnIt_thenItIsRejectedAsMemberMismatch() {
        // when: M0002's topic carries a stay of M0001
        pipeline.send(OTHERS_STAYS, stay().build());

        // then
        List<TestRecord<byte[], byte[]>> rejected = pipeline.rejected();
        assertThat(rejected).hasSize(1);
        assertThat(PipelineTestDriver.header(rejected.get(0), DeadLetters.REASON)).isEqualTo("MEMBER_MISMATCH");
        assertThat(PipelineTestDriver.header(rejected.get(0), DeadLetters.SOURCE_TOPIC)).isEqualTo(OTHERS_STAYS);
        assertThat(pipeline.indicator(YEAR_ALL)).as("nothing counted").isNull();
        assertThat(pipeline.counter("abu_records_rejected", "topic", Topics.WORKER_STAYS, "reason",
                "MEMBER_MISMATCH")).isEqualTo(1.0);
        // and the feedback goes to the member whose topic it is, not to the member the record names (9.2)
        List<TestRecord<byte[], byte[]>> feedback = pipeline.feedbackOf(PipelineTestDriver.OTHER_MEMBER);
        assertThat(feedback).hasSize(1);
        assertThat(PipelineTestDriver.header(feedback.get(0), DeadLetters.REASON)).isEqualTo("MEMBER_MISMATCH");
        assertThat(feedback.get(0).value()).isEqualTo(rejected.get(0).value());
        assertThat(pipeline.feedbackOf(MEMBER)).isEmpty();
    }

    @Test
    void givenARejectedRecordOnTheSharedTopic_whenItsKeyNamesAMember_thenThatMemberGetsItAsFeedback() {
        // when: a stay of M0001 on the shared topic, departing before it arrives
        pipeline.send(Topics.WORKER_STAYS, stay().setDepartureDate(LocalDate.of(2025, 1, 1)).build());

        // then it is on the dead-letter topic and on M0001's feedback topic, with the same headers
        List<TestRecord<byte[], byte[]>> rejected = pipeline.rejected();
        List<TestRecord<byte[], byte[]>> feedback = pipeline.feedbackOf(MEMBER);
        assertThat(rejected).hasSize(1);
        assertThat(feedback).hasSize(1);
        assertThat(PipelineTestDriver.header(feedback.get(0), DeadLetters.REASON))
                .isEqualTo("DEPARTURE_BEFORE_ARRIVAL");
        assertThat(PipelineTestDriver.header(feedback.get(0), DeadLetters.SOURCE_TOPIC))
                .isEqualTo(Topics.WORKER_STAYS);
        assertThat(pipeline.feedbackOf(PipelineTestDriver.OTHER_MEMBER)).isEmpty();
    }

    @Test
    void givenARecordWithABsn_whenItIsRejected_thenTheFeedbackCopyLeavesTheValueOutToo() {
        pipeline.send(OWN_STAYS, stay().setWorkerRef("111222333").build());

        List<TestRecord<byte[], byte[]>> feedback = pipeline.feedbackOf(MEMBER);
        assertThat(feedback).hasSize(1);
        assertThat(PipelineTestDriver.header(feedback.get(0), DeadLetters.REASON)).isEqualTo("LOOKS_LIKE_BSN");
        assertThat(feedback.get(0).value()).isNull();
    }

    @Test
    void givenAMemberWithoutAFeedbackTopic_whenItsRecordIsRejected_thenOnlyTheDeadLetterTopicHasIt() {
        pipeline.send(Topics.WORKER_STAYS, stay().setMemberId("M0003").setDepartureDate(LocalDate.of(2025, 1, 1))
                .build());

        assertThat(pipeline.rejected()).hasSize(1);
        assertThat(pipeline.feedbackOf("M0003")).isEmpty();
    }

    @Test
    void givenAStayOfThisMember_whenAnotherMemberRetractsItsKeyOnItsOwnTopic_thenTheRetractionIsRejected() {
        // given
        WorkerStay stay = stay().build();
        pipeline.send(Topics.WORKER_STAYS, stay);

        // when
        pipeline.retract(OTHERS_STAYS, EntityKeys.of(stay), RECORDED.plusSeconds(60));

        // then
        assertThat(PipelineTestDriver.header(pipeline.rejected().get(0), DeadLetters.REASON))
                .isEqualTo("MEMBER_MISMATCH");
        assertThat(pipeline.indicator(YEAR_ALL).getDenominator()).as("the stay still counts").isEqualTo(1);
    }

    @Test
    void givenAKeyOnTheSharedTopic_whenItsVersionsArriveOnBothTopics_thenTheyAreOneEntityByRecordedAt() {
        // given: a stay on the shared topic
        pipeline.send(Topics.WORKER_STAYS, stay().build());

        // when: a newer version on the member's own topic moves it to construction, then an older one arrives
        pipeline.send(OWN_STAYS, stay().setSector(Sector.CONSTRUCTION).setRecordedAt(RECORDED.plusSeconds(60))
                .build());
        pipeline.send(Topics.WORKER_STAYS, stay().setSector(Sector.AGRICULTURE).setRecordedAt(RECORDED.plusSeconds(30))
                .build());

        // then: one stay, in construction
        assertThat(pipeline.indicator(YEAR_ALL).getDenominator()).isEqualTo(1);
        assertThat(pipeline.counter("abu_records_stale", "topic", Topics.WORKER_STAYS)).isEqualTo(1.0);
        assertThat(pipeline.store("worker-stays-versions").get(EntityKeys.of(stay().build()))).isNotNull();

        // and when the member retracts it on its own topic, it counts nowhere
        pipeline.retract(OWN_STAYS, EntityKeys.of(stay().build()), RECORDED.plusSeconds(90));
        assertThat(pipeline.indicator(YEAR_ALL).getDenominator()).isZero();
    }
}
