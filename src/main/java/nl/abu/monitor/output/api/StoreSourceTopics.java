package nl.abu.monitor.output.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;

/**
 * Per state store, the source topics of the sub-topology that holds it. The instances' metadata lists the topic
 * partitions of their tasks, not of their stores; a task's partition of these topics is the store's partition.
 */
public final class StoreSourceTopics {
    private StoreSourceTopics() {
    }

    /**
     * @param applicationId the prefix Kafka Streams gives its internal (repartition) topics, which the
     *     description names without it
     */
    public static Map<String, Set<String>> of(TopologyDescription topology, String applicationId, Collection<String> stores) {
        Map<String, Set<String>> topics = new LinkedHashMap<>();
        for (String store : stores) {
            TopologyDescription.Subtopology holder = topology.subtopologies().stream()
                    .filter(sub -> sub.nodes().stream().anyMatch(node -> node instanceof TopologyDescription.Processor p
                            && p.stores().contains(store)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no sub-topology holds store " + store));
            Set<String> names = new TreeSet<>();
            holder.nodes().stream().filter(TopologyDescription.Source.class::isInstance)
                    .map(TopologyDescription.Source.class::cast)
                    .filter(source -> source.topicSet() != null)
                    .forEach(source -> source.topicSet().forEach(t -> {
                        names.add(t);
                        names.add(applicationId + "-" + t);
                    }));
            topics.put(store, names);
        }
        return topics;
    }
}
