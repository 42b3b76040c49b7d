package nl.abu.monitor.output.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.ingest.IngestCounters;
import nl.abu.monitor.period.AsOfDate;
import nl.abu.monitor.pipeline.PipelineSettings;
import nl.abu.monitor.pipeline.PipelineTopology;
import nl.abu.monitor.serde.AvroSerdeConfig;
import org.junit.jupiter.api.Test;

class StoreSourceTopicsTest {

    @Test
    void aTotalsStoreIsPartitionedLikeTheRepartitionTopicOfItsCellChanges() {
        // given the pipeline's topology
        PipelineSettings settings = PipelineSettings.defaults(AsOfDate.fixed(LocalDate.of(2025, 12, 31)),
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + UUID.randomUUID()),
                new IngestCounters(new SimpleMeterRegistry()));
        String store = Family.totalsStoreOf("language");

        // when
        var topics = StoreSourceTopics.of(PipelineTopology.build(settings).describe(), "app", List.of(store));

        // then the names as the topology and as the instances' metadata give them
        assertThat(topics).containsOnlyKeys(store);
        assertThat(topics.get(store)).containsExactlyInAnyOrder("language-cell-changes-repartition",
                "app-language-cell-changes-repartition");
    }
}
