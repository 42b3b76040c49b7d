package nl.abu.monitor.families;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.indicator.Family;
import nl.abu.monitor.indicator.Indicator;
import nl.abu.monitor.indicator.OwnEntityFold;
import org.junit.jupiter.api.Test;

class FamiliesTest {

    @Test
    void everyIndicatorBelongsToExactlyOneFamilyOfThePipeline() {
        List<Indicator> counted = Families.ALL.stream().flatMap(family -> family.indicators().stream()).toList();

        assertThat(counted).containsExactlyInAnyOrder(Indicator.values());
        assertThat(Arrays.stream(Indicator.values()).map(Indicator::family).distinct())
                .containsExactlyInAnyOrderElementsOf(Families.names());
    }

    @Test
    void aFamilyWhoseNameNoIndicatorGivesIsRefused() {
        OwnEntityFold<Object, Object> fold = new OwnEntityFold<>((held, record) -> record, held -> null,
                state -> false);

        assertThatThrownBy(() -> new Family<>("typo", "typo-store", List.of(Family.input(Topics.MEMBERS, fold)),
                (state, calendar, cells) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no indicator names typo as its family");
    }

    @Test
    void theEntityAndTotalsStoresKeepTheirReleasedNames() {
        // Renaming a family renames its stores and changelog topics: an upgrade would lose its state. The nodes are
        // pinned by PipelineTopologyTest.
        assertThat(Families.totalsStores()).containsExactly("language-cell-totals", "eures-placement-cell-totals",
                "eures-member-cell-totals", "brp-cell-totals", "housing-cell-totals");
        assertThat(Families.ALL).extracting(Family::entityStore)
                .containsExactly("language-workers", "eures-placements", "eures-members", "brp-stays",
                        "housing-units");
    }
}
