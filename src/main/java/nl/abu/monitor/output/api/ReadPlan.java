package nl.abu.monitor.output.api;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Which instance reads which partitions of the totals stores, from the instances' metadata: each partition from
 * the instance that hosts it actively, else from one that hosts it as a standby; every partition once.
 */
final class ReadPlan {
    private ReadPlan() {
    }

    /**
     * @param clients every instance of the application, as {@code KafkaStreams.metadataForAllStreamsClients()} gives them
     * @param storeTopics per store, the source topics of the sub-topology that holds it: a task's partition of
     *     those topics is the store's partition
     * @throws IndicatorsUnavailable when a store has no instance yet or a partition has none
     */
    static Map<HostInfo, PartitionSelection> of(Collection<StreamsMetadata> clients,
            Map<String, Set<String>> storeTopics) throws IndicatorsUnavailable {
        Map<HostInfo, Map<String, Set<Integer>>> active = new LinkedHashMap<>();
        Map<HostInfo, Map<String, Set<Integer>>> standby = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> store : storeTopics.entrySet()) {
            Map<Integer, HostInfo> activeHosts = hostsOf(clients, store.getValue(), false);
            Map<Integer, HostInfo> standbyHosts = hostsOf(clients, store.getValue(), true);
            TreeSet<Integer> known = new TreeSet<>(activeHosts.keySet());
            known.addAll(standbyHosts.keySet());
            if (known.isEmpty()) {
                throw new IndicatorsUnavailable("store " + store.getKey() + " is not assigned to any instance yet");
            }
            // Tasks are numbered 0..n-1 and every one is assigned, so a gap below the highest is a partition
            // that no instance hosts (the metadata of a rebalance in progress).
            for (int partition = 0; partition <= known.last(); partition++) {
                if (activeHosts.containsKey(partition)) {
                    add(active, activeHosts.get(partition), store.getKey(), partition);
                } else if (standbyHosts.containsKey(partition)) {
                    add(standby, standbyHosts.get(partition), store.getKey(), partition);
                } else {
                    throw new IndicatorsUnavailable("partition " + partition + " of store " + store.getKey()
                            + " is not hosted by any instance");
                }
            }
        }
        Map<HostInfo, PartitionSelection> plan = new LinkedHashMap<>();
        Set<HostInfo> hosts = new LinkedHashSet<>(active.keySet());
        hosts.addAll(standby.keySet());
        hosts.forEach(host -> plan.put(host,
                new PartitionSelection(active.getOrDefault(host, Map.of()), standby.getOrDefault(host, Map.of()))));
        return plan;
    }

    private static Map<Integer, HostInfo> hostsOf(Collection<StreamsMetadata> clients, Set<String> topics,
            boolean standbys) throws IndicatorsUnavailable {
        Map<Integer, HostInfo> hosts = new TreeMap<>();
        for (StreamsMetadata client : clients) {
            for (TopicPartition tp : standbys ? client.standbyTopicPartitions() : client.topicPartitions()) {
                if (!topics.contains(tp.topic())) {
                    continue;
                }
                HostInfo before = hosts.putIfAbsent(tp.partition(), client.hostInfo());
                // Two standbys of one partition are both fine to read; two actives mean the metadata is torn.
                if (!standbys && before != null && !before.equals(client.hostInfo())) {
                    throw new IndicatorsUnavailable("partition " + tp.partition() + " of " + tp.topic()
                            + " is active on two instances (" + before + ", " + client.hostInfo() + ")");
                }
            }
        }
        return hosts;
    }

    private static void add(Map<HostInfo, Map<String, Set<Integer>>> plan, HostInfo host, String store,
            int partition) {
        plan.computeIfAbsent(host, h -> new HashMap<>()).computeIfAbsent(store, s -> new TreeSet<>()).add(partition);
    }
}
