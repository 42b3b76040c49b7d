package nl.abu.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import nl.abu.monitor.TestRecords;
import org.junit.jupiter.api.Test;

/** Which member a rejected record is fed back to (contract 9.2). */
class DeadLettersTest {

    private static byte[] key(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theMemberOfItsOwnTopicComesFirst() {
        assertThat(DeadLetters.memberOf("abu.member.A1.worker-stays.v1", key("B2/S-1"),
                TestRecords.stay().setMemberId("B2").build())).contains("A1");
    }

    @Test
    void onASharedTopicTheKeyNamesTheMember() {
        assertThat(DeadLetters.memberOf("abu.worker-stays.v1", key("B2/S-1"), null)).contains("B2");
    }

    @Test
    void withoutAUsableKeyTheValueNamesTheMember() {
        assertThat(DeadLetters.memberOf("abu.worker-stays.v1", null, TestRecords.stay().setMemberId("C3").build()))
                .contains("C3");
        assertThat(DeadLetters.memberOf("abu.worker-stays.v1", key("no member here!/x"),
                TestRecords.stay().setMemberId("C3").build())).contains("C3");
    }

    @Test
    void aMemberIdThatCouldBeABsnIsNoOnes() {
        assertThat(DeadLetters.memberOf("abu.worker-stays.v1", key("111222333/S-1"), null)).isEmpty();
    }

    @Test
    void anUndecodableRecordWithoutKeyIsNoOnes() {
        assertThat(DeadLetters.memberOf("abu.worker-stays.v1", null, null)).isEmpty();
    }
}
