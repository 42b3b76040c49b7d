package nl.abu.monitor.output.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class ReadPlanTest {
    private static final String STORE = "language-cell-totals";
    private static final String SOURCE = "app-language-cell-changes-repartition";
    private static final Map<String, Set<String>> TOPICS = Map.of(STORE, Set.of(SOURCE));
    private static final HostInfo A = new HostInfo("10.0.0.1", 8080);
    private static final HostInfo B = new HostInfo("10.0.0.2", 8080);

    @Test
    void eachPartitionIsReadFromItsActiveInstanceOnly() throws Exception {
        // given two instances, each active for one partition and standby for the other, and active for a task of
        // another sub-topology whose partition numbers are the same
        List<StreamsMetadata> clients = List.of(
                client(A, Set.of(tp(SOURCE, 0), tp("abu.worker-stays.v1", 1)), Set.of(tp(SOURCE, 1))),
                client(B, Set.of(tp(SOURCE, 1), tp("abu.worker-stays.v1", 0)), Set.of(tp(SOURCE, 0))));

        // when
        Map<HostInfo, PartitionSelection> plan = ReadPlan.of(clients, TOPICS);

        // then
        assertThat(plan).containsOnly(
                Map.entry(A, new PartitionSelection(Map.of(STORE, Set.of(0)), Map.of())),
                Map.entry(B, new PartitionSelection(Map.of(STORE, Set.of(1)), Map.of())));
    }

    @Test
    void aStandbyIsReadOnlyWhereNoInstanceIsActive() throws Exception {
        List<StreamsMetadata> clients = List.of(
                client(A, Set.of(tp(SOURCE, 0)), Set.of()),
                client(B, Set.of(), Set.of(tp(SOURCE, 0), tp(SOURCE, 1))));

        assertThat(ReadPlan.of(clients, TOPICS)).containsOnly(
                Map.entry(A, new PartitionSelection(Map.of(STORE, Set.of(0)), Map.of())),
                Map.entry(B, new PartitionSelection(Map.of(), Map.of(STORE, Set.of(1)))));
    }

    @Test
    void aPartitionNoInstanceHostsMakesTheTablesUnavailable() {
        List<StreamsMetadata> clients = List.of(client(A, Set.of(tp(SOURCE, 0), tp(SOURCE, 2)), Set.of()));

        assertThatThrownBy(() -> ReadPlan.of(clients, TOPICS)).isInstanceOf(IndicatorsUnavailable.class)
                .hasMessageContaining("partition 1 of store " + STORE);
    }

    @Test
    void noAssignmentYetMakesTheTablesUnavailable() {
        assertThatThrownBy(() -> ReadPlan.of(List.of(), TOPICS)).isInstanceOf(IndicatorsUnavailable.class)
                .hasMessageContaining("not assigned to any instance yet");
    }

    @Test
    void twoActivesOfOnePartitionMakeTheTablesUnavailable() {
        List<StreamsMetadata> clients = List.of(client(A, Set.of(tp(SOURCE, 0)), Set.of()),
                client(B, Set.of(tp(SOURCE, 0)), Set.of()));

        assertThatThrownBy(() -> ReadPlan.of(clients, TOPICS)).isInstanceOf(IndicatorsUnavailable.class)
                .hasMessageContaining("active on two instances");
    }

    private static TopicPartition tp(String topic, int partition) {
        return new TopicPartition(topic, partition);
    }

    private static StreamsMetadata client(HostInfo host, Set<TopicPartition> active, Set<TopicPartition> standby) {
        return new FakeMetadata(host, active, standby);
    }

    private record FakeMetadata(HostInfo hostInfo, Set<TopicPartition> topicPartitions,
            Set<TopicPartition> standbyTopicPartitions) implements StreamsMetadata {
        @Override
        public Set<String> stateStoreNames() {
            return Set.of(STORE);
        }

        @Override
        public Set<String> standbyStateStoreNames() {
            return Set.of(STORE);
        }

        @Override
        public String host() {
            return hostInfo.host();
        }

        @Override
        public int port() {
            return hostInfo.port();
        }
    }
}
