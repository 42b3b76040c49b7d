package nl.abu.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestCountersTest {

    @Test
    void everyInputTopicHasItsCountersAtZeroBeforeItsFirstRecord() {
        // given
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IngestCounters counters = new IngestCounters(registry);

        // when
        counters.startAtZero(List.of("abu.worker-stays.v1", "abu.members.v1"));
        counters.accepted("abu.members.v1");

        // then
        assertThat(registry.get("abu_records_accepted").tag("topic", "abu.worker-stays.v1").counter().count()).isZero();
        assertThat(registry.get("abu_records_stale").tag("topic", "abu.worker-stays.v1").counter().count()).isZero();
        assertThat(registry.get("abu_records_accepted").tag("topic", "abu.members.v1").counter().count()).isEqualTo(1);
    }
}
