package nl.abu.monitor.pipeline;

import java.time.Duration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nl.abu.monitor.contract.Topics;
import nl.abu.monitor.ingest.FeedbackTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.common.acl.AclOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The members' feedback topics that exist on the cluster, listed at start and then every {@link #REFRESH}: a member
 * admitted later gets its feedback from the next listing on. A listing that fails keeps the last one.
 */
public final class ListedFeedbackTopics implements FeedbackTopics, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ListedFeedbackTopics.class);
    /** As often as the pipeline looks for new member input topics ({@code StreamsProperties}). */
    public static final Duration REFRESH = Duration.ofMillis(StreamsProperties.METADATA_MAX_AGE_MS);

    private final Admin admin;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "feedback-topics");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Set<String> topics = Set.of();
    /** Those found last time that this pipeline may not write, so each is warned of once. */
    private Set<String> unwritable = Set.of();

    private ListedFeedbackTopics(Admin admin) {
        this.admin = admin;
    }

    /** Lists the topics once, then keeps listing them in the background until closed. */
    public static ListedFeedbackTopics start(Properties adminProperties) {
        ListedFeedbackTopics listed = new ListedFeedbackTopics(Admin.create(adminProperties));
        listed.refresh();
        listed.scheduler.scheduleWithFixedDelay(listed::refresh, REFRESH.toMillis(), REFRESH.toMillis(),
                TimeUnit.MILLISECONDS);
        return listed;
    }

    @Override
    public boolean exists(String topic) {
        return topics.contains(topic);
    }

    private void refresh() {
        try {
            Set<String> feedback = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(name -> Topics.MEMBERS_REJECTED.matcher(name).matches()).collect(Collectors.toSet());
            topics = feedback.isEmpty() ? Set.of() : writable(feedback);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Cannot list the members' feedback topics, keeping the {} known: {}", topics.size(),
                    e.getMessage());
        }
    }

    /**
     * The topics this pipeline may write: a copy to a topic it may not write would fail the task (a deployment
     * upgraded before its ACLs were). A broker without an authorizer allows every operation.
     */
    private Set<String> writable(Set<String> feedback) throws Exception {
        Set<String> writable = new HashSet<>();
        admin.describeTopics(feedback, new DescribeTopicsOptions().includeAuthorizedOperations(true))
                .allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, description) -> {
                    Set<AclOperation> operations = description.authorizedOperations();
                    if (operations == null || operations.contains(AclOperation.WRITE)
                            || operations.contains(AclOperation.ALL)) {
                        writable.add(name);
                    } else if (!unwritable.contains(name)) {
                        LOG.warn("Topic {} exists, but this pipeline may not write it (ACL WRITE on the prefix "
                                + "abu.member., docs/security.md): its member gets no feedback there", name);
                    }
                });
        unwritable = feedback.stream().filter(name -> !writable.contains(name)).collect(Collectors.toSet());
        return Set.copyOf(writable);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
