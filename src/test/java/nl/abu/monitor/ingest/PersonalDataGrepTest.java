package nl.abu.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The grep of {@code PrivacyRunIT} catches what it must, and does not cry wolf at ordinary log numbers. */
class PersonalDataGrepTest {
    private final PersonalDataGrep grep = new PersonalDataGrep(List.of("w_adv_circxxxxxxxx"));

    @Test
    void catchesAPlantedWorkerRefAndABsnAnywhereInALine() {
        // given a log with ordinary lines and three planted ones
        String log = String.join("\n",
                "12:00:01.000 INFO  [main] PipelineApp - Pipeline state REBALANCING -> RUNNING",
                "12:00:02.000 INFO  [t-1] RejectedRecordHandler - Rejected abu.worker-stays.v1-0@17: LOOKS_LIKE_BSN",
                "12:00:03.000 INFO  [t-1] Something - worker w_adv_circxxxxxxxx arrived",
                "12:00:04.000 WARN  [t-1] Something - key A-NOFEC/111222333 refused",
                "abu.worker-stays.v1.jsonl:7: field 'sector': unknown symbol '123456782'");

        // when it is grepped, then exactly the planted lines are reported with their source and number
        assertThat(grep.offending("run.log", log)).containsExactly(
                "run.log:3: 12:00:03.000 INFO  [t-1] Something - worker w_adv_circxxxxxxxx arrived",
                "run.log:4: 12:00:04.000 WARN  [t-1] Something - key A-NOFEC/111222333 refused",
                "run.log:5: abu.worker-stays.v1.jsonl:7: field 'sector': unknown symbol '123456782'");
        assertThat(grep.linesScanned()).isEqualTo(5);
    }

    @Test
    void ignoresNumbersThatFailTheElevenTestOrAreNotNineDigitsOnTheirOwn() {
        assertThat(PersonalDataGrep.passesElevenTest("111222333")).isTrue();
        assertThat(PersonalDataGrep.passesElevenTest("111222334")).isFalse();
        assertThat(grep.carriesPersonalData("socket.request.max.bytes = 111222334")).isFalse();
        assertThat(grep.carriesPersonalData("startTimeMs 1111222333000 and 1111222333")).isFalse();
        assertThat(grep.carriesPersonalData("process id 3f2a111222333b")).isFalse();
        assertThat(grep.carriesPersonalData("abu_records_rejected_total{reason=\"LOOKS_LIKE_BSN\"} 4.0")).isFalse();
        assertThat(grep.carriesPersonalData("kafka_consumer_io_time_ns_avg{client_id=\"x\"} 1398671.111222333"))
                .isFalse();
        assertThat(grep.carriesPersonalData("value \"111222333\"")).isTrue();
        assertThat(grep.carriesPersonalData("refused 111222333.")).isTrue();
    }
}
