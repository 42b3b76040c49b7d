package nl.abu.monitor.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceTopicTest {

    @Test
    void aSharedTopicHasNoMember() {
        assertThat(SourceTopic.of("abu.worker-stays.v1"))
                .contains(new SourceTopic(InputTopic.WORKER_STAYS, Optional.empty()));
    }

    @Test
    void aMembersOwnTopicNamesItsInputAndItsMember() {
        String topic = InputTopic.PKS_HOUSING_RATINGS.memberTopic("agency-7");

        assertThat(topic).isEqualTo("abu.member.agency-7.pks-housing-ratings.v1");
        assertThat(SourceTopic.of(topic))
                .contains(new SourceTopic(InputTopic.PKS_HOUSING_RATINGS, Optional.of("agency-7")));
        assertThat(SourceTopic.of(topic).orElseThrow().sharedTopic()).isEqualTo("abu.pks-housing-ratings.v1");
    }

    @Test
    void theMembersTopicIsTheAbusOwn() {
        assertThat(InputTopic.MEMBERS.hasMemberTopics()).isFalse();
        assertThat(SourceTopic.of("abu.member.agency-7.members.v1")).isEmpty();
        assertThatThrownBy(() -> InputTopic.MEMBERS.memberTopic("agency-7"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherTopicsAreNoSource() {
        assertThat(SourceTopic.of("abu.member.agency-7.rejected.v1")).as("a member's feedback topic").isEmpty();
        assertThat(SourceTopic.of("abu.member.a.b.worker-stays.v1")).as("a dot in the memberId").isEmpty();
        assertThat(SourceTopic.of("abu.member..worker-stays.v1")).as("no memberId").isEmpty();
        assertThat(SourceTopic.of("xabu.worker-stays.v1")).isEmpty();
        assertThatThrownBy(() -> InputTopic.WORKER_STAYS.memberTopic("a.b")).isInstanceOf(
                IllegalArgumentException.class);
    }
}
