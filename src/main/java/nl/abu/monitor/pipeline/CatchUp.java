package nl.abu.monitor.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until the pipeline has processed all its input: the application's consumer group has committed every
 * input partition up to its end, and its internal topics are drained too.
 *
 * <p>An exactly-once producer ends each transaction with a commit marker, and Kafka Streams commits its
 * position only after it processed a record, so a drained internal partition may stay one offset (the marker)
 * behind its end. Such a partition counts as drained once nothing has moved for a few commit intervals.
 */
public final class CatchUp {
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int QUIET_POLLS = 6;

    private final Admin admin;
    private final String applicationId;
    private final Collection<String> inputTopics;

    public CatchUp(Admin admin, String applicationId, Collection<String> inputTopics) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.inputTopics = inputTopics;
    }

    /**
     * @param processedInputs told the number of input records committed so far, on every poll
     * @param stillAlive checked on every poll; waiting stops with an exception when it turns false
     */
    public void await(Duration timeout, LongConsumer processedInputs, BooleanSupplier stillAlive)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Positions previous = null;
        int quiet = 0;
        while (quiet < QUIET_POLLS) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The pipeline did not catch up with its input within " + timeout);
            }
            if (!stillAlive.getAsBoolean()) {
                throw new IllegalStateException("The pipeline stopped before it caught up with its input");
            }
            Thread.sleep(POLL.toMillis());
            Map<TopicPartition, Long> committed = committed();
            Map<TopicPartition, Long> ends = endOffsets(inputPartitionsAnd(committed.keySet()));
            processedInputs.accept(committed.entrySet().stream()
                    .filter(e -> inputTopics.contains(e.getKey().topic())).mapToLong(Map.Entry::getValue).sum());
            boolean drained = ends.entrySet().stream().allMatch(end -> {
                long at = committed.getOrDefault(end.getKey(), 0L);
                long allowedGap = inputTopics.contains(end.getKey().topic()) ? 0 : 1;
                return end.getValue() - at <= allowedGap;
            });
            Positions now = new Positions(committed, ends);
            quiet = drained && now.equals(previous) ? quiet + 1 : 0;
            previous = now;
        }
    }

    private record Positions(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
    }

    private Map<TopicPartition, Long> committed() throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the pipeline's committed offsets", e.getCause());
        }
    }

    private Collection<TopicPartition> inputPartitionsAnd(Collection<TopicPartition> committed)
            throws InterruptedException {
        try {
            Set<TopicPartition> all = new HashSet<>(committed);
            admin.describeTopics(inputTopics).allTopicNames().get().values().forEach(d -> d.partitions()
                    .forEach(p -> all.add(new TopicPartition(d.name(), p.partition()))));
            return all;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot describe the input topics", e.getCause());
        }
    }

    private Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read end offsets", e.getCause());
        }
    }
}
