package nl.abu.monitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.abu.monitor.families.Families;
import nl.abu.monitor.families.language.LanguageFamily;
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
    void theNodesStoresAndTopicsKeepTheirReleasedNames() throws Exception {
        // Node and store names are in the internal topics' and the state directories' names: a change needs an
        // upgrade step (docs/architecture.md#packages). If the change is deliberate, write the new description to
        // the file and document that step.
        String released = Files.readString(Path.of("src/test/resources/pipeline-topology.txt"));

        assertThat(description.toString()).isEqualTo(released);
    }

    @Test
    void aPipelineOfOneFamilyHasThatFamilyAlone() {
        String text = PipelineTopology.build(PipelineSettings.defaults(AsOfDate.fixed(LocalDate.of(2025, 12, 31)),
                Map.of("schema.registry.url", "mock://topology"), IngestCounters.unexported()),
                List.of(LanguageFamily.family())).describe().toString();

        assertThat(text).contains("language-cells", "language-cell-totals", "brp-registrations-validate")
                .doesNotContain("brp-cells", "housing-cells", "eures-member-cells", "eures-placement-cells");
    }

    @Test
    void everyFamilyHasItsIndicatorTable() {
        String text = description.toString();

        assertThat(Families.names()).allSatisfy(family ->
                assertThat(text).contains(Family.totalsStoreOf(family)));
    }
}
