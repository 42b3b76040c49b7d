package nl.abu.monitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import nl.abu.monitor.families.Families;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.ingest.IngestCounters;
import nl.abu.monitor.period.AsOfDate;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class PipelineTopologyTest {
    private final TopologyDescription description = PipelineTopology.build(PipelineSettings.defaults(
            AsOfDate.fixed(LocalDate.of(2025, 12, 31)), Map.of("schema.registry.url", "mock://topology"),
            IngestCounters.unexported())).describe();

    @Test
    void everyNodeAndStoreHasAName() {
        // Generated names (KSTREAM-SOURCE-0000000003) shift when the topology changes, which renames internal
        // topics and stores on upgrade, and make metrics and describe() unreadable.
        String text = description.toString();

        assertThat(text).doesNotContainPattern("K(STREAM|TABLE)-[A-Z]+-\\d{10}");
    }

    @Test
    void everyFamilyHasItsIndicatorTable() {
        String text = description.toString();

        assertThat(Families.names()).allSatisfy(family ->
                assertThat(text).contains(Family.totalsStoreOf(family)));
    }
}
