package nl.abu.monitor.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import nl.abu.monitor.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics when they are missing. Inputs are compacted: their records carry historical
 * timestamps, which time-based retention would delete within minutes, and only each key's latest version
 * matters. Dead letters are kept until an operator removes them.
 */
public final class TopicSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private final Optional<Integer> partitions;
    private final Optional<Short> replicationFactor;

    /** Empty values take the cluster's defaults. */
    public TopicSetup(Optional<Integer> partitions, Optional<Short> replicationFactor) {
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    public void createMissing(Admin admin) throws InterruptedException {
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        Map<String, String> keptForever = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");
        List<NewTopic> wanted = new ArrayList<>();
        Topics.INPUTS.forEach(t -> wanted.add(topic(t, compacted)));
        wanted.add(topic(Topics.INDICATORS, compacted));
        wanted.add(topic(Topics.INDICATOR_ALERTS, keptForever));
        wanted.add(topic(Topics.REJECTED, keptForever));
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
                LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create the pipeline's topics: " + e.getCause().getMessage(), e);
        }
    }

    private NewTopic topic(String name, Map<String, String> configs) {
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }
}
