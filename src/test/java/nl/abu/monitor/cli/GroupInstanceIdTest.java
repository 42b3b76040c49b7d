package nl.abu.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class GroupInstanceIdTest {

    @Test
    void aFixedPortGivesAnIdMadeOfApplicationAndEndpointInTheBrokersAlphabet() {
        assertThat(GroupInstanceId.of("migration-monitor", new HostInfo("monitor-0.monitor", 8080), 8080, Map.of()))
                .hasValue("migration-monitor-monitor-0.monitor-8080");
        assertThat(GroupInstanceId.of("migration-monitor", new HostInfo("fe80::1", 8080), 8080, Map.of()))
                .hasValue("migration-monitor-fe80__1-8080");
    }

    @Test
    void aFreePortOrAnEmptySettingKeepsTheInstanceDynamic() {
        assertThat(GroupInstanceId.of("migration-monitor", new HostInfo("127.0.0.1", 41234), 0, Map.of())).isEmpty();
        assertThat(GroupInstanceId.of("migration-monitor", new HostInfo("h", 8080), 8080,
                Map.of("group.instance.id", " "))).isEmpty();
    }

    @Test
    void theSettingWins() {
        assertThat(GroupInstanceId.of("migration-monitor", new HostInfo("h", 8080), 8080,
                Map.of("group.instance.id", "monitor-a"))).hasValue("monitor-a");
    }
}
