package nl.abu.monitor.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.events.WorkerStay;
import nl.abu.monitor.tools.simulator.SimulatedRecord;
import org.junit.jupiter.api.Test;

class SimulatedInputTest {

    private static BenchOptions options(long events, int years, Double scale) {
        return new BenchOptions(events, 100, 10, 3, 1, 7, List.of(), Map.of(), true, years, scale, "nl.abu.monitor.cli.Main");
    }

    private static List<SimulatedRecord> all(Iterator<SimulatedRecord> records) {
        List<SimulatedRecord> list = new ArrayList<>();
        records.forEachRemaining(list::add);
        return list;
    }

    @Test
    void sizedByEventsGivesThatManyAndTheLiveLoadGoesOn() {
        // given one year sized by --events
        SimulatedInput input = SimulatedInput.of(options(3_000, 1, null));

        // when the backfill and then some live records are taken
        List<SimulatedRecord> backfill = all(input.backfill(BenchOptions.YEAR));
        Iterator<SimulatedRecord> live = input.live();

        // then the backfill is exactly --events, and the live load has the records after it
        assertThat(backfill).hasSize(3_000);
        assertThat(live.hasNext()).isTrue();
        assertThat(live.next().timestampMillis()).isGreaterThanOrEqualTo(backfill.get(0).timestampMillis());
    }

    @Test
    void sizedByScaleOverTwoYearsCarriesStaysFromOneYearIntoTheNext() {
        // given two years at a small scale
        SimulatedInput input = SimulatedInput.of(options(1, 2, 0.003));

        // when each year's backfill is taken in turn
        List<SimulatedRecord> first = all(input.backfill(2024));
        List<SimulatedRecord> second = all(input.backfill(2025));

        // then the second year has stays of the first: their departures, sent in it
        assertThat(input.scale()).isEqualTo(0.003);
        assertThat(first).isNotEmpty();
        assertThat(second).isNotEmpty();
        Set<String> staysOfFirst = new HashSet<>();
        first.stream().filter(r -> r.topic().equals(Topics.WORKER_STAYS)).forEach(r -> staysOfFirst.add(r.key()));
        List<WorkerStay> carriedOver = second.stream().filter(r -> r.topic().equals(Topics.WORKER_STAYS)
                && r.value() != null && staysOfFirst.contains(r.key())).map(r -> (WorkerStay) r.value()).toList();
        assertThat(carriedOver).anySatisfy(stay -> {
            assertThat(stay.getArrivalDate()).isBefore(LocalDate.of(2025, 1, 1));
            assertThat(stay.getDepartureDate()).isAfter(LocalDate.of(2024, 12, 31));
        });
        // and nothing is left after the last year: there is no live phase
        assertThat(input.live().hasNext()).isFalse();
    }
}
