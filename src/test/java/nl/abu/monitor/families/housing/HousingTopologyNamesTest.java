package nl.abu.monitor.families.housing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.abu.monitor.ingest.IngestCounters;
import nl.abu.monitor.pipeline.PipelineSettings;
import nl.abu.monitor.pipeline.PipelineTopology;
import nl.abu.monitor.serde.AvroSerdeConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class HousingTopologyNamesTest {

    @Test
    void everyHousingNodeAndStoreIsNamed() {
        // given the pipeline
        PipelineSettings settings = PipelineSettings.defaults(() -> LocalDate.of(2025, 12, 31),
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://housing-names"),
                new IngestCounters(new SimpleMeterRegistry()));

        // when
        TopologyDescription description = PipelineTopology.build(settings).describe();

        // then the housing family's nodes and stores carry its prefix, and none has a generated name
        List<String> nodes = new ArrayList<>();
        List<String> stores = new ArrayList<>();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                nodes.add(node.name());
                if (node instanceof TopologyDescription.Processor p) {
                    stores.addAll(p.stores());
                }
            }
        }
        List<String> housing = nodes.stream().filter(n -> n.startsWith("housing-")).toList();
        assertThat(nodes).contains("pks-housing-ratings-by-member-repartition-sink");
        assertThat(housing).contains("housing-cells", "housing-cell-totals", "housing-indicator-values", "housing-indicators-sink");
        assertThat(nodes).noneMatch(n -> n.matches("(?i).*(KSTREAM|KTABLE)-.*\\d{10}.*"));
        assertThat(stores).contains("housing-units", "housing-due-dates",
                "housing-cell-totals");
    }
}
