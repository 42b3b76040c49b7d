package nl.abu.monitor.tools.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveFeedTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final Instant NOW = TODAY.atTime(12, 0).atZone(ZoneId.of("Europe/Amsterdam")).toInstant();

    @Test
    void givenALiveSimulation_whenAskedAtNow_thenOnlyRecordsDueByNowComeAndAtMostTheLimit() {
        LiveFeed feed = new LiveFeed(new MemberEventSimulator(SimulationConfig.live(5, 0.01, TODAY, 30)));

        List<SimulatedRecord> first = feed.due(NOW, 100);
        List<SimulatedRecord> backlog = feed.due(NOW, Integer.MAX_VALUE);

        assertThat(first).hasSize(100);
        assertThat(backlog).isNotEmpty();
        assertThat(feed.due(NOW, 100)).isEmpty();
        assertThat(feed.nextDueAt()).hasValueSatisfying(next -> assertThat(next).isAfter(NOW));
    }

    @Test
    void givenTimeGoesOn_whenAskedAgain_thenNewRecordsKeepComing() {
        LiveFeed feed = new LiveFeed(new MemberEventSimulator(SimulationConfig.live(5, 0.01, TODAY, 0)));
        feed.due(NOW, Integer.MAX_VALUE);

        for (int day = 1; day <= 3; day++) {
            Instant later = NOW.plus(Duration.ofDays(day));
            List<SimulatedRecord> due = feed.due(later, Integer.MAX_VALUE);
            assertThat(due).as("day " + day).isNotEmpty()
                    .allMatch(r -> r.timestampMillis() <= later.toEpochMilli()); // nothing is sent before its time
        }
    }
}
