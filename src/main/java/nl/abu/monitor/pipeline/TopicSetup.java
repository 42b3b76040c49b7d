package nl.abu.monitor.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import nl.abu.monitor.contract.InputTopic;
import nl.abu.monitor.contract.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics when they are missing.
 *
 * <p>Inputs are kept forever and NOT compacted. Their records carry historical timestamps, which time-based
 * retention would delete within minutes. Compaction would be as wrong: it keeps each key's last record by
 * offset, but the truth is the version with the greatest {@code recordedAt}, so a compacted topic can drop a
 * correction and keep the stale version sent after it, or drop a retraction. Historical timestamps would also
 * roll a segment per week of data, so time-based rolling is pushed out of reach. Dead letters and alerts are
 * kept until an operator removes them; the indicator output is compacted, as only its latest value per key
 * counts.
 */
public final class TopicSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    /**
     * The largest record the dead-letter topic takes, and the largest request the pipeline's producer sends. A dead
     * letter is the rejected record's own key and value plus headers (reason, detail, source coordinates), so it is
     * larger than the record the broker accepted on the input topic (by default message.max.bytes, about 1 MiB). With
     * the defaults a rejected record of nearly that size could not be set aside and stopped the pipeline; twice the
     * broker default leaves room for any input record the default limits let through, plus its headers.
     */
    public static final int DEAD_LETTER_MAX_BYTES = 2 * 1024 * 1024;

    private static final String NO_TIME_BASED_ROLL_MS = Long.toString(java.time.Duration.ofDays(365L * 100).toMillis());

    private static final Map<String, String> KEPT_FOREVER = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.SEGMENT_MS_CONFIG, NO_TIME_BASED_ROLL_MS);
    /** Kept for ever, and room for a rejected record of the largest size an input takes, plus its headers. */
    private static final Map<String, String> DEAD_LETTERS = withLargeRecords(KEPT_FOREVER);

    private final Optional<Integer> partitions;
    private final Optional<Short> replicationFactor;

    /** Empty values take the cluster's defaults. */
    public TopicSetup(Optional<Integer> partitions, Optional<Short> replicationFactor) {
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    public void createMissing(Admin admin) throws InterruptedException {
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        List<NewTopic> wanted = new ArrayList<>();
        Topics.INPUTS.forEach(t -> wanted.add(topic(t, KEPT_FOREVER)));
        wanted.add(topic(Topics.INDICATORS, compacted));
        wanted.add(topic(Topics.INDICATOR_TARGETS, compacted));
        wanted.add(topic(Topics.INDICATOR_ALERTS, KEPT_FOREVER));
        wanted.add(topic(Topics.REJECTED, DEAD_LETTERS));
        create(admin, wanted);
    }

    /**
     * Creates the member's own input topics (contract 9.1) and its feedback topic (9.2) where they are missing, with
     * the settings of the shared ones: what the ABU does when it admits a member. The pipeline finds them without a
     * restart.
     */
    public void createMemberTopics(Admin admin, String memberId) throws InterruptedException {
        List<NewTopic> wanted = new ArrayList<>(Arrays.stream(InputTopic.values()).filter(InputTopic::hasMemberTopics)
                .map(input -> topic(input.memberTopic(memberId), KEPT_FOREVER)).toList());
        wanted.add(topic(Topics.memberRejected(memberId), DEAD_LETTERS));
        create(admin, wanted);
    }

    private static void create(Admin admin, List<NewTopic> wanted) throws InterruptedException {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
                awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
                LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create the pipeline's topics: " + e.getCause().getMessage(), e);
        }
    }

    /**
     * Waits until every partition of the new topics has a leader. A producer that writes before the broker has
     * applied a new partition can see its first batch refused and a later one accepted, after which the first
     * is retried as out of order until it expires (KAFKA-15591).
     */
    private static void awaitLeaders(Admin admin, List<String> topics) throws InterruptedException, ExecutionException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (allLed(admin, topics)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The new topics " + topics + " have no leader after 30 s");
    }

    /**
     * Whether every partition has a leader. Right after createTopics the broker that answers may not know a new
     * topic yet and says so with UnknownTopicOrPartitionException (retriable): that is "not yet", not a failure.
     */
    private static boolean allLed(Admin admin, List<String> topics) throws InterruptedException, ExecutionException {
        try {
            return admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream()).allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RetriableException) {
                return false;
            }
            throw e;
        }
    }

    private NewTopic topic(String name, Map<String, String> configs) {
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }

    private static Map<String, String> withLargeRecords(Map<String, String> configs) {
        Map<String, String> withLarge = new HashMap<>(configs);
        withLarge.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(DEAD_LETTER_MAX_BYTES));
        return Map.copyOf(withLarge);
    }
}
