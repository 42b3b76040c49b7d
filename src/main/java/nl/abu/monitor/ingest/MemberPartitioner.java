package nl.abu.monitor.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import nl.abu.monitor.contract.EntityKeys;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends all records of a member to one partition, so everything an indicator family gathers (a worker's stays
 * and enrolments, a stay's registrations, a member's placements and profile, a unit's ratings) meets in one task
 * and needs no further repartition. Every input key begins with its memberId (contract section 2). The hash is
 * the default partitioner's, on the memberId alone.
 */
final class MemberPartitioner<V> implements StreamPartitioner<String, V> {
    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        byte[] member = EntityKeys.memberOf(key).getBytes(StandardCharsets.UTF_8);
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(member)) % numPartitions));
    }
}
